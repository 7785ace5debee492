//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// float64 log1p, log2 and log10 kernels: the twins are log1pF64, log2F64 and
// log10F64 in math_logfam_scalar.go, step by step (the float32 ones, in float32
// lanes, are in math_logfam_f32_amd64.s).
#include "math_logfam_amd64.h"

// Z10 = log's special values of X blended in: X < 0 NaN, X = 0 -Inf, +Inf, NaN.
#define LF_SPECIALS_512(X) \
	VCMPPD  $0x11, Z15, X, K2 \ // X < 0
	VMOVAPD Z31, K2, Z10      \
	VCMPPD  $0x00, Z15, X, K2 \ // X == 0
	VMOVAPD Z29, K2, Z10      \
	VCMPPD  $0x00, Z30, X, K2 \ // X == +Inf
	VMOVAPD Z30, K2, Z10      \
	VCMPPD  $0x03, X, X, K2   \ // NaN
	VMOVAPD X, K2, Z10

// log2F64: Z20 = (1/ln2)Hi, Z21 = (1/ln2)Lo.
#define LOG2_F64_512 \
	LF_M_512(Z0)             \
	VMULPD      Z20, Z3, Z5  \ // p = a*hi
	VMOVAPD     Z5, Z6       \
	VFMSUB231PD Z20, Z3, Z6  \ // a*hi - p, exact
	VFMADD231PD Z21, Z3, Z6  \ // + a*lo
	VFMADD231PD Z20, Z4, Z6  \ // + t*hi
	VADDPD      Z5, Z2, Z7   \ // s = e + p
	VSUBPD      Z2, Z7, Z8   \
	VSUBPD      Z8, Z5, Z8   \ // p - (s - e)
	VADDPD      Z6, Z8, Z8   \
	VADDPD      Z8, Z7, Z10  \
	LF_SPECIALS_512(Z0)      \
	VMOVAPD     Z10, Z0

// func log2F64AVX512(dst, x []float64)
TEXT ·log2F64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LF_CONSTS_512
	LF_POLY64_512
	VBROADCASTSD LF(LF_INVLN2HI), Z20
	VBROADCASTSD LF(LF_INVLN2LO), Z21

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	LOG2_F64_512
	VMOVUPD Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	LOG2_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------
//
// Registers: Y0 = x, Y1-Y12 scratch, Y10 the result; Y14, Y15 per function; Y13
// holds the tail's VMASKMOV mask. Constants are memory operands (logFamTab4).

// LF_SPLIT_256, LF_SPLITN_256 and LF_M_256 are in math_logfam_amd64.h.

// Y10 = log's special values of X blended in. Clobbers Y11, Y12.
#define LF_SPECIALS_256(X) \
	VXORPD    Y11, Y11, Y11               \
	VCMPPD    $0x11, Y11, X, Y12          \
	VBLENDVPD Y12, LF4(LF_NAN), Y10, Y10  \
	VCMPPD    $0x00, Y11, X, Y12          \
	VBLENDVPD Y12, LF4(LF_NINF), Y10, Y10 \
	VCMPPD    $0x00, LF4(LF_INF), X, Y12  \
	VBLENDVPD Y12, LF4(LF_INF), Y10, Y10  \
	VCMPPD    $0x03, X, X, Y12            \
	VBLENDVPD Y12, X, Y10, Y10

#define LOG2_F64_256 \
	LF_SPLIT_256(Y0)                    \
	LF_M_256                            \
	VMULPD      LF4(LF_INVLN2HI), Y3, Y5 \
	VMOVAPD     Y5, Y6                  \
	VFMSUB231PD LF4(LF_INVLN2HI), Y3, Y6 \
	VFMADD231PD LF4(LF_INVLN2LO), Y3, Y6 \
	VFMADD231PD LF4(LF_INVLN2HI), Y4, Y6 \
	VADDPD      Y5, Y2, Y7              \
	VSUBPD      Y2, Y7, Y8              \
	VSUBPD      Y8, Y5, Y8              \
	VADDPD      Y6, Y8, Y8              \
	VADDPD      Y8, Y7, Y10             \
	LF_SPECIALS_256(Y0)                 \
	VMOVAPD     Y10, Y0

// func log2F64AVX2(dst, x []float64)
TEXT ·log2F64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	LOG2_F64_256
	VMOVUPD Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	LOG2_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// ---- log10 -------------------------------------------------------------------

// log10F64: Z20 = (1/ln10)Hi, Z21 = (1/ln10)Lo, Z11 = log10(2)Hi, Z12 = log10(2)Lo.
#define LOG10_F64_512 \
	LF_M_512(Z0)             \
	VMULPD      Z20, Z3, Z5  \ // p = a*hi
	VMOVAPD     Z5, Z6       \
	VFMSUB231PD Z20, Z3, Z6  \ // a*hi - p, exact
	VFMADD231PD Z21, Z3, Z6  \ // + a*lo
	VFMADD231PD Z12, Z2, Z6  \ // + e*log10(2)Lo
	VFMADD231PD Z20, Z4, Z6  \ // + t*hi
	VMULPD      Z11, Z2, Z9  \ // eh = e*log10(2)Hi, exact
	VADDPD      Z5, Z9, Z7   \ // s = eh + p
	VSUBPD      Z9, Z7, Z8   \
	VSUBPD      Z8, Z5, Z8   \ // p - (s - eh)
	VADDPD      Z6, Z8, Z8   \
	VADDPD      Z8, Z7, Z10  \
	LF_SPECIALS_512(Z0)      \
	VMOVAPD     Z10, Z0

// func log10F64AVX512(dst, x []float64)
TEXT ·log10F64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LF_CONSTS_512
	LF_POLY64_512
	VBROADCASTSD LF(LF_INVLN10HI), Z20
	VBROADCASTSD LF(LF_INVLN10LO), Z21
	VBROADCASTSD LF(LF_L10_2HI), Z11
	VBROADCASTSD LF(LF_L10_2LO), Z12

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	LOG10_F64_512
	VMOVUPD Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	LOG10_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

#define LOG10_F64_256 \
	LF_SPLIT_256(Y0)                      \
	LF_M_256                              \
	VMULPD      LF4(LF_INVLN10HI), Y3, Y5 \
	VMOVAPD     Y5, Y6                    \
	VFMSUB231PD LF4(LF_INVLN10HI), Y3, Y6 \
	VFMADD231PD LF4(LF_INVLN10LO), Y3, Y6 \
	VFMADD231PD LF4(LF_L10_2LO), Y2, Y6   \
	VFMADD231PD LF4(LF_INVLN10HI), Y4, Y6 \
	VMULPD      LF4(LF_L10_2HI), Y2, Y9   \
	VADDPD      Y5, Y9, Y7                \
	VSUBPD      Y9, Y7, Y8                \
	VSUBPD      Y8, Y5, Y8                \
	VADDPD      Y6, Y8, Y8                \
	VADDPD      Y8, Y7, Y10               \
	LF_SPECIALS_256(Y0)                   \
	VMOVAPD     Y10, Y0

// func log10F64AVX2(dst, x []float64)
TEXT ·log10F64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	LOG10_F64_256
	VMOVUPD Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	LOG10_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// ---- log1p -------------------------------------------------------------------
//
// The specials are read off u = 1 + x: u < 0 iff x < -1, u = 0 iff x = -1 (1 + x
// is exact near -1), u = +Inf iff x = +Inf; then |x| < 2^-54 and NaN give x.

// Z10 = log1p's special values blended in (x = Z0, u = Z14). Clobbers Z1.
#define LF_SPECIALS1P_512 \
	LF_SPECIALS_512(Z14)       \
	VCMPPD  $0x03, Z0, Z0, K2  \ // NaN x
	VMOVAPD Z0, K2, Z10        \
	VANDPD  Z11, Z0, Z1        \
	VCMPPD  $0x11, Z12, Z1, K2 \ // |x| < 2^-54
	VMOVAPD Z0, K2, Z10

// log1pF64: Z20 = ln2Hi, Z21 = ln2Lo, Z11 = abs mask, Z12 = 2^-54.
#define LOG1P_F64_512 \
	VADDPD      Z18, Z0, Z14 \ // u = 1 + x
	VSUBPD      Z18, Z14, Z1 \ // bb = u - 1
	VSUBPD      Z1, Z14, Z2  \
	VSUBPD      Z2, Z18, Z2  \ // 1 - (u - bb)
	VSUBPD      Z1, Z0, Z13  \ // x - bb
	VADDPD      Z2, Z13, Z13 \ // c = 1 + x - u
	VDIVPD      Z14, Z13, Z13 \ // c/u
	LF_M_512(Z14)            \
	VMULPD      Z20, Z2, Z9  \ // eh = e*ln2Hi, exact
	VFMADD213PD Z13, Z21, Z2 \ // e*ln2Lo + c/u
	VADDPD      Z2, Z4, Z4   \ // t + that
	VADDPD      Z3, Z9, Z7   \ // s = eh + a
	VSUBPD      Z9, Z7, Z8   \
	VSUBPD      Z8, Z3, Z8   \ // a - (s - eh)
	VADDPD      Z4, Z8, Z8   \
	VADDPD      Z8, Z7, Z10  \
	LF_SPECIALS1P_512        \
	VMOVAPD     Z10, Z0

// func log1pF64AVX512(dst, x []float64)
TEXT ·log1pF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LF_CONSTS_512
	LF_POLY64_512
	VBROADCASTSD LF(LF_LN2HI), Z20
	VBROADCASTSD LF(LF_LN2LO), Z21
	VBROADCASTSD LF(LF_ABS), Z11
	VBROADCASTSD LF(LF_TINY), Z12

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	LOG1P_F64_512
	VMOVUPD Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	LOG1P_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// Y10 = log1p's special values blended in (x = Y0, u = Y14). Clobbers Y11, Y12.
#define LF_SPECIALS1P_256 \
	LF_SPECIALS_256(Y14)                 \
	VCMPPD    $0x03, Y0, Y0, Y12         \
	VBLENDVPD Y12, Y0, Y10, Y10          \
	VANDPD    LF4(LF_ABS), Y0, Y11       \
	VCMPPD    $0x11, LF4(LF_TINY), Y11, Y12 \
	VBLENDVPD Y12, Y0, Y10, Y10

// log1pF64: u in Y14, c/u in Y15.
#define LOG1P_F64_256 \
	VADDPD      LF4(LF_ONE), Y0, Y14   \
	VSUBPD      LF4(LF_ONE), Y14, Y1   \
	VSUBPD      Y1, Y14, Y2            \
	VMOVUPD     LF4(LF_ONE), Y3        \
	VSUBPD      Y2, Y3, Y2             \
	VSUBPD      Y1, Y0, Y15            \
	VADDPD      Y2, Y15, Y15           \
	VDIVPD      Y14, Y15, Y15          \
	LF_SPLITN_256(Y14)                 \
	LF_M_256                           \
	VMULPD      LF4(LF_LN2HI), Y2, Y9  \
	VFMADD132PD LF4(LF_LN2LO), Y15, Y2 \
	VADDPD      Y2, Y4, Y4             \
	VADDPD      Y3, Y9, Y7             \
	VSUBPD      Y9, Y7, Y8             \
	VSUBPD      Y8, Y3, Y8             \
	VADDPD      Y4, Y8, Y8             \
	VADDPD      Y8, Y7, Y10            \
	LF_SPECIALS1P_256                  \
	VMOVAPD     Y10, Y0

// func log1pF64AVX2(dst, x []float64)
TEXT ·log1pF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	LOG1P_F64_256
	VMOVUPD Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	LOG1P_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

