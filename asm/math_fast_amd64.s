//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_f32_amd64.h"

// Fast-mode exp kernels: the twins are expFastF64 and expFastF32 in math_fast.go,
// step by step. They read expF64Tab and expF32Tab; the offsets are those of
// math_exp_amd64.s.
#define E_LOG2E 0
#define E_LN2HI 1
#define E_LN2LO 2
#define E_MAX 3
#define E_MIN 4
#define E_ONE 5
#define E_HALF 6
#define E_MAGIC 7
#define E_C 8

#define EF_LOG2E 0
#define EF_LN2HI 1
#define EF_LN2LO 2
#define EF_MAX 3
#define EF_MIN 4
#define EF_ONE 5
#define EF_P 6
#define EF_BIAS 11
#define EF(i) ·expF32Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------

#define EXPFAST_F64_CONSTS_512 \
	VBROADCASTSD ·expF64Tab+8*E_LOG2E(SB), Z16 \
	VBROADCASTSD ·expF64Tab+8*E_LN2HI(SB), Z17 \
	VBROADCASTSD ·expF64Tab+8*E_LN2LO(SB), Z18 \
	VBROADCASTSD ·expF64Tab+8*E_MAX(SB), Z19 \
	VBROADCASTSD ·expF64Tab+8*E_MIN(SB), Z20 \
	VBROADCASTSD ·expF64Tab+8*E_ONE(SB), Z21 \
	VBROADCASTSD ·expF64Tab+8*(E_C+0)(SB), Z22 \
	VBROADCASTSD ·expF64Tab+8*(E_C+1)(SB), Z23 \
	VBROADCASTSD ·expF64Tab+8*(E_C+2)(SB), Z24 \
	VBROADCASTSD ·expF64Tab+8*(E_C+3)(SB), Z25 \
	VBROADCASTSD ·expF64Tab+8*(E_C+4)(SB), Z26 \
	VBROADCASTSD ·expF64Tab+8*(E_C+5)(SB), Z27 \
	VBROADCASTSD ·expF64Tab+8*(E_C+6)(SB), Z28 \
	VBROADCASTSD ·expF64Tab+8*(E_C+7)(SB), Z29 \
	VBROADCASTSD ·expF64Tab+8*(E_C+8)(SB), Z30 \
	VBROADCASTSD ·expF64Tab+8*(E_C+9)(SB), Z31

// X = exp(X), 8 float64 lanes, with K and P as scratch.
#define EXPFAST_F64_512(X, K, P) \
	VMAXPD       X, Z20, X   \ // clamp; NaN stays (it is the second source)
	VMINPD       X, Z19, X   \
	VMULPD       Z16, X, K   \
	VRNDSCALEPD  $0, K, K    \ // k
	VFNMADD231PD Z17, K, X   \ // x - k*ln2Hi (exact)
	VFNMADD231PD Z18, K, X   \ // r = that - k*ln2Lo
	VMOVAPD      Z22, P      \
	VFMADD213PD  Z23, X, P   \
	VFMADD213PD  Z24, X, P   \
	VFMADD213PD  Z25, X, P   \
	VFMADD213PD  Z26, X, P   \
	VFMADD213PD  Z27, X, P   \
	VFMADD213PD  Z28, X, P   \
	VFMADD213PD  Z29, X, P   \
	VFMADD213PD  Z30, X, P   \
	VFMADD213PD  Z31, X, P   \
	VFMADD213PD  Z21, X, P   \
	VFMADD213PD  Z21, X, P   \ // p
	VSCALEFPD    K, P, X

// func expFastF64AVX512(dst, x []float64)
TEXT ·expFastF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EXPFAST_F64_CONSTS_512

loop2:
	CMPQ    BX, $16
	JLT     loop
	VMOVUPD (SI), Z0
	VMOVUPD 64(SI), Z3
	EXPFAST_F64_512(Z0, Z1, Z2)
	EXPFAST_F64_512(Z3, Z4, Z5)
	VMOVUPD Z0, (DI)
	VMOVUPD Z3, 64(DI)
	ADDQ    $128, SI
	ADDQ    $128, DI
	SUBQ    $16, BX
	JMP     loop2

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	EXPFAST_F64_512(Z0, Z1, Z2)
	VMOVUPD Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	EXPFAST_F64_512(Z0, Z1, Z2)
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

#define EXPFAST_F32_CONSTS_512 \
	VBROADCASTSS EF(EF_LOG2E), Z16 \
	VBROADCASTSS EF(EF_LN2HI), Z17 \
	VBROADCASTSS EF(EF_LN2LO), Z18 \
	VBROADCASTSS EF(EF_MAX), Z19   \
	VBROADCASTSS EF(EF_MIN), Z20   \
	VBROADCASTSS EF(EF_ONE), Z21   \
	VBROADCASTSS EF(EF_P+0), Z22   \
	VBROADCASTSS EF(EF_P+1), Z23   \
	VBROADCASTSS EF(EF_P+2), Z24   \
	VBROADCASTSS EF(EF_P+3), Z25   \
	VBROADCASTSS EF(EF_P+4), Z26

// X = exp(X), 16 float32 lanes, with K and G as scratch.
#define EXPFAST_F32_512(X, K, G) \
	VMAXPS       X, Z20, X   \ // clamp; NaN stays
	VMINPS       X, Z19, X   \
	VMULPS       Z16, X, K   \
	VRNDSCALEPS  $0, K, K    \ // k
	VFNMADD231PS Z17, K, X   \ // x - k*ln2Hi (exact)
	VFNMADD231PS Z18, K, X   \ // r
	VMOVAPS      Z22, G      \
	VFMADD213PS  Z23, X, G   \
	VFMADD213PS  Z24, X, G   \
	VFMADD213PS  Z25, X, G   \
	VFMADD213PS  Z26, X, G   \
	VFMADD213PS  Z21, X, G   \
	VFMADD213PS  Z21, X, G   \ // p
	VSCALEFPS    K, G, X

// func expFastF32AVX512(dst, x []float32)
TEXT ·expFastF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EXPFAST_F32_CONSTS_512

loop2:
	CMPQ    BX, $32
	JLT     loop
	VMOVUPS (SI), Z0
	VMOVUPS 64(SI), Z3
	EXPFAST_F32_512(Z0, Z1, Z2)
	EXPFAST_F32_512(Z3, Z4, Z5)
	VMOVUPS Z0, (DI)
	VMOVUPS Z3, 64(DI)
	ADDQ    $128, SI
	ADDQ    $128, DI
	SUBQ    $32, BX
	JMP     loop2

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	EXPFAST_F32_512(Z0, Z1, Z2)
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	EXPFAST_F32_512(Z0, Z1, Z2)
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

#define T64(i) ·expF64Tab4+32*(i)(SB)

// Y0 = exp(Y0). Clobbers Y1-Y3, Y15.
#define EXPFAST_F64_256 \
	VMOVUPD      T64(E_MIN), Y15 \
	VMAXPD       Y0, Y15, Y0     \
	VMOVUPD      T64(E_MAX), Y15 \
	VMINPD       Y0, Y15, Y0     \
	VMULPD       T64(E_LOG2E), Y0, Y1 \
	VROUNDPD     $0, Y1, Y1      \ // k
	VFNMADD231PD T64(E_LN2HI), Y1, Y0 \
	VFNMADD231PD T64(E_LN2LO), Y1, Y0 \ // r
	VMOVUPD      T64(E_C+0), Y2  \
	VFMADD213PD  T64(E_C+1), Y0, Y2 \
	VFMADD213PD  T64(E_C+2), Y0, Y2 \
	VFMADD213PD  T64(E_C+3), Y0, Y2 \
	VFMADD213PD  T64(E_C+4), Y0, Y2 \
	VFMADD213PD  T64(E_C+5), Y0, Y2 \
	VFMADD213PD  T64(E_C+6), Y0, Y2 \
	VFMADD213PD  T64(E_C+7), Y0, Y2 \
	VFMADD213PD  T64(E_C+8), Y0, Y2 \
	VFMADD213PD  T64(E_C+9), Y0, Y2 \
	VFMADD213PD  T64(E_ONE), Y0, Y2 \
	VFMADD213PD  T64(E_ONE), Y0, Y2 \ // p; now p*2^k in two products
	VMULPD       T64(E_HALF), Y1, Y0 \
	VROUNDPD     $1, Y0, Y0      \ // k1 = floor(k/2)
	VSUBPD       Y0, Y1, Y3      \ // k2 = k - k1
	VMOVUPD      T64(E_MAGIC), Y15 \
	VADDPD       Y15, Y0, Y0     \
	VPSLLQ       $52, Y0, Y0     \ // 2^k1
	VADDPD       Y15, Y3, Y3     \
	VPSLLQ       $52, Y3, Y3     \ // 2^k2
	VMULPD       Y0, Y2, Y2      \
	VMULPD       Y3, Y2, Y0

// func expFastF64AVX2(dst, x []float64)
TEXT ·expFastF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	EXPFAST_F64_256
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
	EXPFAST_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// Y0 = exp(Y0), 8 float32 lanes. Clobbers Y1, Y4, Y7, Y15; p*2^k as in
// math_exp_amd64.s's EXP_F32_256.
#define EXPFAST_F32_256 \
	VMOVUPS      EF(EF_MIN), Y15 \
	VMAXPS       Y0, Y15, Y0     \ // NaN stays
	VMOVUPS      EF(EF_MAX), Y15 \
	VMINPS       Y0, Y15, Y0     \
	VMULPS       EF(EF_LOG2E), Y0, Y1 \
	VROUNDPS     $0, Y1, Y1      \
	VFNMADD231PS EF(EF_LN2HI), Y1, Y0 \
	VFNMADD231PS EF(EF_LN2LO), Y1, Y0 \ // r
	VMOVUPS      EF(EF_P+0), Y4  \
	VFMADD213PS  EF(EF_P+1), Y0, Y4 \
	VFMADD213PS  EF(EF_P+2), Y0, Y4 \
	VFMADD213PS  EF(EF_P+3), Y0, Y4 \
	VFMADD213PS  EF(EF_P+4), Y0, Y4 \
	VFMADD213PS  EF(EF_ONE), Y0, Y4 \
	VFMADD213PS  EF(EF_ONE), Y0, Y4 \ // p
	VCVTPS2DQ    Y1, Y1          \ // k (integral: exact)
	VPSRAD       $1, Y1, Y7      \ // k1
	VPSUBD       Y7, Y1, Y1      \ // k2
	VMOVDQU      EF(EF_BIAS), Y15 \
	VPADDD       Y15, Y7, Y7     \
	VPSLLD       $23, Y7, Y7     \ // 2^k1
	VPADDD       Y15, Y1, Y1     \
	VPSLLD       $23, Y1, Y1     \ // 2^k2
	VMULPS       Y7, Y4, Y4      \
	VMULPS       Y1, Y4, Y0

// func expFastF32AVX2(dst, x []float32)
TEXT ·expFastF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	EXPFAST_F32_256
	VMOVUPS Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_Y13
	VMASKMOVPS (SI), Y13, Y0
	EXPFAST_F32_256
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
