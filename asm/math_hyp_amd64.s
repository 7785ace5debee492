//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_logfam_amd64.h"

// AVX-512 kernels of arcsinh, arccosh and arctanh: asinhF64, acoshF64 and atanhF64
// in math_hyp.go, step by step (logParts is LOGPARTS_512). AVX2 runs the Go kernels.
// hypTab (math_hyp_amd64.go), 8 bytes each:
#define HY_SIGN 0
#define HY_TINY 1
#define HY_BIG 2

#define HY(i) ·hypTab+8*(i)(SB)

// Registers as in math_logfam_amd64.h (LF_CONSTS_512, LF_POLY64_512); Z0 = x,
// Z10 = the result; Z11-Z14, Z20, Z21 per function.

// logParts(u = Z12, c/u = Z13) with e += 1 in the lanes of K3 (KXNOR-free: callers
// clear K3 when no lane needs it): Z7 = hi, Z8 = lo. Clobbers Z1-Z9.
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
