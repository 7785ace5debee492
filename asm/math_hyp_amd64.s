//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_logfam_amd64.h"

// AVX-512 kernels of arcsinh, arccosh and arctanh: asinhF64, acoshF64 and atanhF64
// in math_hyp.go, step by step (logParts is LOGPARTS_512 / LOGPARTS_256).
// hypTab (math_hyp_amd64.go), 8 bytes each:
#define HY_SIGN 0
#define HY_TINY 1
#define HY_BIG 2

#define HY(i) ·hypTab+8*(i)(SB)

// Registers as in math_logfam_amd64.h (LF_CONSTS_512, LF_POLY64_512); Z0 = x,
// Z10 = the result; Z11-Z14, Z20, Z21 per function.

// logParts(u = Z12, c/u = Z13) with e += 1 in the lanes of K3 (callers clear K3
// when no lane needs it): Z7 = hi, Z8 = lo. Clobbers Z1-Z9.
#define LOGPARTS_512 \
	LF_M_512(Z12)                               \
	VADDPD          Z18, Z2, K3, Z2             \ // e += k
	VMULPD.BCST     LF(LF_LN2HI), Z2, Z9        \ // eh = e*ln2Hi, exact
	VFMADD132PD.BCST LF(LF_LN2LO), Z13, Z2      \ // e*ln2Lo + c/u
	VADDPD          Z2, Z4, Z4                  \ // t + that
	VADDPD          Z3, Z9, Z7                  \ // hi = eh + a
	VSUBPD          Z9, Z7, Z8                  \
	VSUBPD          Z8, Z3, Z8                  \ // a - (hi - eh)
	VADDPD          Z4, Z8, Z8                    // lo

// atanhF64: Z10 = arctanh(x).
#define ATANH_F64_512 \
	KXORB       K3, K3, K3                \
	VANDPD.BCST LF(LF_ABS), Z0, Z11       \ // ax
	VADDPD      Z18, Z11, Z12             \ // u1 = 1 + ax
	VSUBPD      Z18, Z12, Z1              \ // b1 = u1 - 1
	VSUBPD      Z1, Z12, Z2               \
	VSUBPD      Z2, Z18, Z2               \ // 1 - (u1 - b1)
	VSUBPD      Z1, Z11, Z13              \ // ax - b1
	VADDPD      Z13, Z2, Z13              \ // c1
	VDIVPD      Z12, Z13, Z13             \ // c1/u1
	LOGPARTS_512                          \
	VMOVAPD     Z7, Z20                   \ // h1
	VMOVAPD     Z8, Z21                   \ // l1
	VSUBPD      Z11, Z18, Z12             \ // u2 = 1 - ax
	VSUBPD      Z18, Z12, Z1              \ // b2 = u2 - 1
	VSUBPD      Z1, Z12, Z2               \
	VSUBPD      Z2, Z18, Z2               \ // 1 - (u2 - b2)
	VADDPD      Z1, Z11, Z13              \ // ax + b2 = -(-ax - b2)
	VSUBPD      Z13, Z2, Z13              \ // c2
	VDIVPD      Z12, Z13, Z13             \ // c2/u2
	LOGPARTS_512                          \ // h2 = Z7, l2 = Z8
	VSUBPD      Z7, Z20, Z1               \ // d = h1 - h2
	VSUBPD      Z20, Z1, Z2               \ // bb = d - h1
	VSUBPD      Z2, Z1, Z3                \
	VSUBPD      Z3, Z20, Z3               \ // h1 - (d - bb)
	VADDPD      Z2, Z7, Z4                \ // h2 + bb = -(-h2 - bb)
	VSUBPD      Z4, Z3, Z3                \ // de
	VSUBPD      Z8, Z21, Z5               \ // l1 - l2
	VADDPD      Z5, Z3, Z3                \
	VADDPD      Z3, Z1, Z10               \
	VMULPD      Z17, Z10, Z10             \ // 0.5*(d + (de + (l1 - l2)))
	VANDPD.BCST HY(HY_SIGN), Z0, Z1       \
	VORPD       Z1, Z10, Z10              \ // the sign of x
	VCMPPD.BCST $0x11, HY(HY_TINY), Z11, K2 \ // ax < 2^-28
	VMOVAPD     Z0, K2, Z10               \
	VCMPPD      $0x03, Z11, Z11, K2       \ // NaN
	VMOVAPD     Z0, K2, Z10               \
	VCMPPD      $0x1e, Z18, Z11, K2       \ // ax > 1
	VMOVAPD     Z31, K2, Z10              \
	VCMPPD      $0x00, Z18, Z11, K2       \ // ax == 1: ±Inf
	VORPD       Z1, Z30, K2, Z10

// From Z1 = p = B*B rounded, Z2 = its exact error and Z3 = s = p ± 1, Z5 = the
// two-sum error of s: r + rl = sqrt(s + (error + exact square error)) in Z6, Z7.
#define SQRTDD_512 \
	VADDPD       Z2, Z5, Z5  \ // sl = se + pe
	VSQRTPD      Z3, Z6      \ // r
	VMOVAPD      Z3, Z7      \
	VFNMADD231PD Z6, Z6, Z7  \ // re = s - r*r, exact
	VADDPD       Z5, Z7, Z7  \
	VADDPD       Z6, Z6, Z8  \ // 2r
	VDIVPD       Z8, Z7, Z7    // rl = (re + sl)/(2r)

// logSum's argument: u = Z12, c = Z13 from B + r + rl (r = Z6, rl = Z7).
#define LOGSUMARG_512(B) \
	VADDPD Z6, B, Z1   \ // vh = b + r
	VSUBPD B, Z1, Z2   \ // bb = vh - b
	VSUBPD Z2, Z1, Z3  \
	VSUBPD Z3, B, Z3   \ // b - (vh - bb)
	VSUBPD Z2, Z6, Z4  \ // r - bb
	VADDPD Z4, Z3, Z3  \
	VADDPD Z7, Z3, Z3  \ // vl
	VADDPD Z3, Z1, Z12 \ // u = vh + vl
	VSUBPD Z1, Z12, Z4 \
	VSUBPD Z4, Z3, Z13   // c = vl - (u - vh)

// asinhF64: Z10 = arcsinh(x).
#define ASINH_F64_512 \
	VANDPD.BCST  LF(LF_ABS), Z0, Z11      \ // ax
	VCMPPD.BCST  $0x1e, HY(HY_BIG), Z11, K3 \ // ax > 2^28: log(ax) + ln2
	VMULPD       Z11, Z11, Z1             \ // p
	VMOVAPD      Z1, Z2                   \
	VFMSUB231PD  Z11, Z11, Z2             \ // pe = ax*ax - p, exact
	VADDPD       Z18, Z1, Z3              \ // s = p + 1
	VSUBPD       Z1, Z3, Z4               \ // bb = s - p
	VSUBPD       Z4, Z3, Z5               \
	VSUBPD       Z5, Z1, Z5               \ // p - (s - bb)
	VSUBPD       Z4, Z18, Z6              \ // 1 - bb
	VADDPD       Z6, Z5, Z5               \ // se
	SQRTDD_512                            \
	LOGSUMARG_512(Z11)                    \
	VMOVAPD      Z11, K3, Z12             \
	VMOVAPD      Z15, K3, Z13             \
	VDIVPD       Z12, Z13, Z13            \ // c/u
	LOGPARTS_512                          \
	VADDPD       Z8, Z7, Z10              \
	VANDPD.BCST  HY(HY_SIGN), Z0, Z1      \
	VORPD        Z1, Z10, Z10             \ // the sign of x
	VCMPPD.BCST  $0x11, HY(HY_TINY), Z11, K2 \ // ax < 2^-28
	VMOVAPD      Z0, K2, Z10              \
	VCMPPD       $0x03, Z11, Z11, K2      \ // NaN
	VMOVAPD      Z0, K2, Z10              \
	VCMPPD       $0x00, Z30, Z11, K2      \ // ±Inf
	VMOVAPD      Z0, K2, Z10

// acoshF64: Z10 = arccosh(x).
#define ACOSH_F64_512 \
	VCMPPD.BCST  $0x1e, HY(HY_BIG), Z0, K3 \ // x > 2^28: log(x) + ln2
	VMULPD       Z0, Z0, Z1               \ // p
	VMOVAPD      Z1, Z2                   \
	VFMSUB231PD  Z0, Z0, Z2               \ // pe
	VSUBPD       Z18, Z1, Z3              \ // s = p - 1
	VSUBPD       Z1, Z3, Z4               \ // bb = s - p
	VSUBPD       Z4, Z3, Z5               \
	VSUBPD       Z5, Z1, Z5               \ // p - (s - bb)
	VADDPD       Z4, Z18, Z6              \ // 1 + bb = -(-1 - bb)
	VSUBPD       Z6, Z5, Z5               \ // se
	SQRTDD_512                            \
	LOGSUMARG_512(Z0)                     \
	VMOVAPD      Z0, K3, Z12              \
	VMOVAPD      Z15, K3, Z13             \
	VDIVPD       Z12, Z13, Z13            \ // c/u
	LOGPARTS_512                          \
	VADDPD       Z8, Z7, Z10              \
	VCMPPD       $0x11, Z18, Z0, K2       \ // x < 1
	VMOVAPD      Z31, K2, Z10             \
	VCMPPD       $0x00, Z18, Z0, K2       \ // x == 1
	VMOVAPD      Z15, K2, Z10             \
	VCMPPD       $0x03, Z0, Z0, K2        \ // NaN
	VMOVAPD      Z0, K2, Z10              \
	VCMPPD       $0x00, Z30, Z0, K2       \ // +Inf
	VMOVAPD      Z0, K2, Z10

// func atanhF64AVX512(dst, x []float64)
TEXT ·atanhF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LF_CONSTS_512
	LF_POLY64_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	ATANH_F64_512
	VMOVUPD Z10, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	ATANH_F64_512
	VMOVUPD   Z10, K1, (DI)

done:
	VZEROUPPER
	RET

// func asinhF64AVX512(dst, x []float64)
TEXT ·asinhF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LF_CONSTS_512
	LF_POLY64_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	ASINH_F64_512
	VMOVUPD Z10, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	ASINH_F64_512
	VMOVUPD   Z10, K1, (DI)

done:
	VZEROUPPER
	RET

// func acoshF64AVX512(dst, x []float64)
TEXT ·acoshF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LF_CONSTS_512
	LF_POLY64_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	ACOSH_F64_512
	VMOVUPD Z10, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	ACOSH_F64_512
	VMOVUPD   Z10, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------
//
// Registers: Y0 = x, Y10 = the result, Y11-Y15 per function, Y1-Y9 scratch;
// constants are memory operands (logFamTab4, hypTab4). Y13 is reloaded with the
// tail mask before the masked store.

#define HY4(i) ·hypTab4+32*(i)(SB)

// LOGPARTS_512 on 4 lanes for normal U: Y7 = hi, Y8 = lo; CU = c/u. KADD adds 1 to
// e in some lanes (or nothing). Clobbers Y1-Y9.
#define LOGPARTS_256(U, CU, KADD) \
	LF_SPLITN_256(U)                   \
	LF_M_256                           \
	KADD                               \
	VMULPD      LF4(LF_LN2HI), Y2, Y9  \
	VFMADD132PD LF4(LF_LN2LO), CU, Y2  \
	VADDPD      Y2, Y4, Y4             \
	VADDPD      Y3, Y9, Y7             \
	VSUBPD      Y9, Y7, Y8             \
	VSUBPD      Y8, Y3, Y8             \
	VADDPD      Y4, Y8, Y8

#define NOADD_256
// e += 1 where Y14 is all ones.
#define BIGADD_256 \
	VANDPD LF4(LF_ONE), Y14, Y5 \
	VADDPD Y5, Y2, Y2

#define SQRTDD_256 \
	VADDPD       Y2, Y5, Y5 \
	VSQRTPD      Y3, Y6     \
	VMOVAPD      Y3, Y7     \
	VFNMADD231PD Y6, Y6, Y7 \
	VADDPD       Y5, Y7, Y7 \
	VADDPD       Y6, Y6, Y8 \
	VDIVPD       Y8, Y7, Y7

#define LOGSUMARG_256(B) \
	VADDPD Y6, B, Y1   \
	VSUBPD B, Y1, Y2   \
	VSUBPD Y2, Y1, Y3  \
	VSUBPD Y3, B, Y3   \
	VSUBPD Y2, Y6, Y4  \
	VADDPD Y4, Y3, Y3  \
	VADDPD Y7, Y3, Y3  \
	VADDPD Y3, Y1, Y12 \
	VSUBPD Y1, Y12, Y4 \
	VSUBPD Y4, Y3, Y13

#define ATANH_F64_256 \
	VANDPD      LF4(LF_ABS), Y0, Y11     \
	VADDPD      LF4(LF_ONE), Y11, Y12    \ // u1
	VSUBPD      LF4(LF_ONE), Y12, Y1     \ // b1
	VSUBPD      Y1, Y12, Y2              \
	VMOVUPD     LF4(LF_ONE), Y3          \
	VSUBPD      Y2, Y3, Y2               \
	VSUBPD      Y1, Y11, Y13             \
	VADDPD      Y13, Y2, Y13             \ // c1
	VDIVPD      Y12, Y13, Y13            \
	LOGPARTS_256(Y12, Y13, NOADD_256)    \
	VMOVAPD     Y7, Y14                  \ // h1
	VMOVAPD     Y8, Y15                  \ // l1
	VMOVUPD     LF4(LF_ONE), Y3          \
	VSUBPD      Y11, Y3, Y12             \ // u2
	VSUBPD      Y3, Y12, Y1              \ // b2
	VSUBPD      Y1, Y12, Y2              \
	VSUBPD      Y2, Y3, Y2               \
	VADDPD      Y1, Y11, Y13             \
	VSUBPD      Y13, Y2, Y13             \ // c2
	VDIVPD      Y12, Y13, Y13            \
	LOGPARTS_256(Y12, Y13, NOADD_256)    \
	VSUBPD      Y7, Y14, Y1              \ // d
	VSUBPD      Y14, Y1, Y2              \ // bb
	VSUBPD      Y2, Y1, Y3               \
	VSUBPD      Y3, Y14, Y3              \
	VADDPD      Y2, Y7, Y4               \
	VSUBPD      Y4, Y3, Y3               \ // de
	VSUBPD      Y8, Y15, Y5              \
	VADDPD      Y5, Y3, Y3               \
	VADDPD      Y3, Y1, Y10              \
	VMULPD      LF4(LF_HALF), Y10, Y10   \
	VANDPD      HY4(HY_SIGN), Y0, Y1     \
	VORPD       Y1, Y10, Y10             \
	VCMPPD      $0x11, HY4(HY_TINY), Y11, Y2 \
	VBLENDVPD   Y2, Y0, Y10, Y10         \
	VCMPPD      $0x03, Y11, Y11, Y2      \
	VBLENDVPD   Y2, Y0, Y10, Y10         \
	VCMPPD      $0x1e, LF4(LF_ONE), Y11, Y2 \
	VBLENDVPD   Y2, LF4(LF_NAN), Y10, Y10 \
	VCMPPD      $0x00, LF4(LF_ONE), Y11, Y2 \
	VORPD       LF4(LF_INF), Y1, Y3      \
	VBLENDVPD   Y2, Y3, Y10, Y10

#define ASINH_F64_256 \
	VANDPD      LF4(LF_ABS), Y0, Y11     \
	VCMPPD      $0x1e, HY4(HY_BIG), Y11, Y14 \
	VMULPD      Y11, Y11, Y1             \
	VMOVAPD     Y1, Y2                   \
	VFMSUB231PD Y11, Y11, Y2             \
	VADDPD      LF4(LF_ONE), Y1, Y3      \
	VSUBPD      Y1, Y3, Y4               \
	VSUBPD      Y4, Y3, Y5               \
	VSUBPD      Y5, Y1, Y5               \
	VMOVUPD     LF4(LF_ONE), Y6          \
	VSUBPD      Y4, Y6, Y6               \
	VADDPD      Y6, Y5, Y5               \
	SQRTDD_256                           \
	LOGSUMARG_256(Y11)                   \
	VBLENDVPD   Y14, Y11, Y12, Y12       \
	VXORPD      Y1, Y1, Y1               \
	VBLENDVPD   Y14, Y1, Y13, Y13        \
	VDIVPD      Y12, Y13, Y13            \
	LOGPARTS_256(Y12, Y13, BIGADD_256)   \
	VADDPD      Y8, Y7, Y10              \
	VANDPD      HY4(HY_SIGN), Y0, Y1     \
	VORPD       Y1, Y10, Y10             \
	VCMPPD      $0x11, HY4(HY_TINY), Y11, Y2 \
	VBLENDVPD   Y2, Y0, Y10, Y10         \
	VCMPPD      $0x03, Y11, Y11, Y2      \
	VBLENDVPD   Y2, Y0, Y10, Y10         \
	VCMPPD      $0x00, LF4(LF_INF), Y11, Y2 \
	VBLENDVPD   Y2, Y0, Y10, Y10

#define ACOSH_F64_256 \
	VCMPPD      $0x1e, HY4(HY_BIG), Y0, Y14 \
	VMULPD      Y0, Y0, Y1               \
	VMOVAPD     Y1, Y2                   \
	VFMSUB231PD Y0, Y0, Y2               \
	VSUBPD      LF4(LF_ONE), Y1, Y3      \
	VSUBPD      Y1, Y3, Y4               \
	VSUBPD      Y4, Y3, Y5               \
	VSUBPD      Y5, Y1, Y5               \
	VADDPD      LF4(LF_ONE), Y4, Y6      \
	VSUBPD      Y6, Y5, Y5               \
	SQRTDD_256                           \
	LOGSUMARG_256(Y0)                    \
	VBLENDVPD   Y14, Y0, Y12, Y12        \
	VXORPD      Y1, Y1, Y1               \
	VBLENDVPD   Y14, Y1, Y13, Y13        \
	VDIVPD      Y12, Y13, Y13            \
	LOGPARTS_256(Y12, Y13, BIGADD_256)   \
	VADDPD      Y8, Y7, Y10              \
	VCMPPD      $0x11, LF4(LF_ONE), Y0, Y2 \
	VBLENDVPD   Y2, LF4(LF_NAN), Y10, Y10 \
	VXORPD      Y3, Y3, Y3               \
	VCMPPD      $0x00, LF4(LF_ONE), Y0, Y2 \
	VBLENDVPD   Y2, Y3, Y10, Y10         \
	VCMPPD      $0x03, Y0, Y0, Y2        \
	VBLENDVPD   Y2, Y0, Y10, Y10         \
	VCMPPD      $0x00, LF4(LF_INF), Y0, Y2 \
	VBLENDVPD   Y2, Y0, Y10, Y10

// func asinhF64AVX2(dst, x []float64)
TEXT ·asinhF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	ASINH_F64_256
	VMOVUPD Y10, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	ASINH_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y10, Y13, (DI)

done:
	VZEROUPPER
	RET

// func acoshF64AVX2(dst, x []float64)
TEXT ·acoshF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	ACOSH_F64_256
	VMOVUPD Y10, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	ACOSH_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y10, Y13, (DI)

done:
	VZEROUPPER
	RET

// func atanhF64AVX2(dst, x []float64)
TEXT ·atanhF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	ATANH_F64_256
	VMOVUPD Y10, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	ATANH_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y10, Y13, (DI)

done:
	VZEROUPPER
	RET
