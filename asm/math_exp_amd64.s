//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_f32_amd64.h"

// exp kernels: the twins are expF64 and expF32 in math_exp.go, step by step.
// Table offsets (expF64Tab, 8 bytes each; the expF64Tab4 copies 32).
#define E_LOG2E 0
#define E_LN2HI 1
#define E_LN2LO 2
#define E_MAX 3
#define E_MIN 4
#define E_ONE 5
#define E_HALF 6
#define E_MAGIC 7
#define E_C 8

// ---- AVX-512 -----------------------------------------------------------------

#define EXP_F64_CONSTS_512 \
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

// Z0 = exp(Z0). Clobbers Z1-Z10.
#define EXP_F64_512 \
	VMAXPD       Z0, Z20, Z0  \ // clamp; NaN stays (it is the second source)
	VMINPD       Z0, Z19, Z0  \
	VMULPD       Z16, Z0, Z1  \
	VRNDSCALEPD  $0, Z1, Z1   \ // k
	VMOVAPD      Z0, Z2       \
	VFNMADD231PD Z17, Z1, Z2  \ // r1 = x - k*ln2Hi (exact)
	VMULPD       Z18, Z1, Z3  \ // t = k*ln2Lo
	VMOVAPD      Z3, Z4       \
	VFMSUB231PD  Z18, Z1, Z4  \ // tl = k*ln2Lo - t
	VSUBPD       Z3, Z2, Z5   \ // r = r1 - t
	VSUBPD       Z5, Z2, Z6   \
	VSUBPD       Z3, Z6, Z6   \
	VSUBPD       Z4, Z6, Z6   \ // rl = ((r1 - r) - t) - tl
	VMOVAPD      Z22, Z7      \
	VFMADD213PD  Z23, Z5, Z7  \
	VFMADD213PD  Z24, Z5, Z7  \
	VFMADD213PD  Z25, Z5, Z7  \
	VFMADD213PD  Z26, Z5, Z7  \
	VFMADD213PD  Z27, Z5, Z7  \
	VFMADD213PD  Z28, Z5, Z7  \
	VFMADD213PD  Z29, Z5, Z7  \
	VFMADD213PD  Z30, Z5, Z7  \
	VFMADD213PD  Z31, Z5, Z7  \ // p
	VADDPD       Z21, Z5, Z8  \ // h = 1 + r
	VSUBPD       Z8, Z21, Z9  \
	VADDPD       Z5, Z9, Z9   \ // hl = (1 - h) + r
	VMULPD       Z5, Z5, Z10  \
	VFMADD213PD  Z6, Z10, Z7  \ // r*r*p + rl
	VADDPD       Z7, Z9, Z9   \
	VADDPD       Z9, Z8, Z8   \
	VSCALEFPD    Z1, Z8, Z0

// func expF64AVX512(dst, x []float64)
TEXT ·expF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EXP_F64_CONSTS_512
	KXNORB K1, K1, K1

loop:
	CMPQ BX, $8
	JLT  tail
	VMOVUPD (SI), Z0
	EXP_F64_512
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
	EXP_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// float32 exp in float32 lanes. Table offsets (expF32Tab, 32 bytes each).
#define EF_LOG2E 0
#define EF_LN2HI 1
#define EF_LN2LO 2
#define EF_MAX 3
#define EF_MIN 4
#define EF_ONE 5
#define EF_P 6
#define EF_BIAS 11
#define EF(i) ·expF32Tab+32*(i)(SB)

#define EXP_F32_CONSTS_512 \
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

// X = exp(X), 16 float32 lanes, with K, R, R2, G, H, HL as scratch.
#define EXP_F32_512(X, K, R, R2, G, H, HL) \
	VMAXPS       X, Z20, X   \ // clamp; NaN stays
	VMINPS       X, Z19, X   \
	VMULPS       Z16, X, K   \
	VRNDSCALEPS  $0, K, K    \ // k
	VMOVAPS      X, R        \
	VFNMADD231PS Z17, K, R   \ // r = x - k*ln2Hi (exact)
	VFNMADD231PS Z18, K, R   \ // r -= k*ln2Lo
	VMULPS       R, R, R2    \ // r*r
	VMOVAPS      Z22, G      \
	VFMADD213PS  Z23, R, G   \
	VFMADD213PS  Z24, R, G   \
	VFMADD213PS  Z25, R, G   \
	VFMADD213PS  Z26, R, G   \ // G(r)
	VADDPS       Z21, R, H   \ // h = 1 + r
	VSUBPS       H, Z21, HL  \
	VADDPS       R, HL, HL   \ // hl = (1 - h) + r
	VFMADD213PS  HL, R2, G   \ // r*r*G + hl
	VADDPS       G, H, H     \ // p
	VSCALEFPS    K, H, X

// func expF32AVX512(dst, x []float32)
TEXT ·expF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EXP_F32_CONSTS_512

loop2:
	CMPQ    BX, $32
	JLT     loop
	VMOVUPS (SI), Z0
	VMOVUPS 64(SI), Z7
	EXP_F32_512(Z0, Z1, Z2, Z3, Z4, Z5, Z6)
	EXP_F32_512(Z7, Z8, Z9, Z10, Z11, Z12, Z13)
	VMOVUPS Z0, (DI)
	VMOVUPS Z7, 64(DI)
	ADDQ    $128, SI
	ADDQ    $128, DI
	SUBQ    $32, BX
	JMP     loop2

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	EXP_F32_512(Z0, Z1, Z2, Z3, Z4, Z5, Z6)
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	EXP_F32_512(Z0, Z1, Z2, Z3, Z4, Z5, Z6)
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

#define T64(i) ·expF64Tab4+32*(i)(SB)

// Y0 = exp(Y0). Clobbers Y1-Y10, Y15.
#define EXP_F64_256 \
	VMOVUPD      T64(E_MIN), Y15 \
	VMAXPD       Y0, Y15, Y0     \
	VMOVUPD      T64(E_MAX), Y15 \
	VMINPD       Y0, Y15, Y0     \
	VMULPD       T64(E_LOG2E), Y0, Y1 \
	VROUNDPD     $0, Y1, Y1      \
	VMOVAPD      Y0, Y2          \
	VFNMADD231PD T64(E_LN2HI), Y1, Y2 \
	VMULPD       T64(E_LN2LO), Y1, Y3 \
	VMOVAPD      Y3, Y4          \
	VFMSUB231PD  T64(E_LN2LO), Y1, Y4 \
	VSUBPD       Y3, Y2, Y5      \
	VSUBPD       Y5, Y2, Y6      \
	VSUBPD       Y3, Y6, Y6      \
	VSUBPD       Y4, Y6, Y6      \
	VMOVUPD      T64(E_C+0), Y7  \
	VFMADD213PD  T64(E_C+1), Y5, Y7 \
	VFMADD213PD  T64(E_C+2), Y5, Y7 \
	VFMADD213PD  T64(E_C+3), Y5, Y7 \
	VFMADD213PD  T64(E_C+4), Y5, Y7 \
	VFMADD213PD  T64(E_C+5), Y5, Y7 \
	VFMADD213PD  T64(E_C+6), Y5, Y7 \
	VFMADD213PD  T64(E_C+7), Y5, Y7 \
	VFMADD213PD  T64(E_C+8), Y5, Y7 \
	VFMADD213PD  T64(E_C+9), Y5, Y7 \
	VMOVUPD      T64(E_ONE), Y15 \
	VADDPD       Y15, Y5, Y8     \
	VSUBPD       Y8, Y15, Y9     \
	VADDPD       Y5, Y9, Y9      \
	VMULPD       Y5, Y5, Y10     \
	VFMADD213PD  Y6, Y10, Y7     \
	VADDPD       Y7, Y9, Y9      \
	VADDPD       Y9, Y8, Y8      \ // p; now p*2^k in two products
	VMULPD       T64(E_HALF), Y1, Y2 \
	VROUNDPD     $1, Y2, Y2      \ // k1 = floor(k/2)
	VSUBPD       Y2, Y1, Y3      \ // k2 = k - k1
	VMOVUPD      T64(E_MAGIC), Y15 \
	VADDPD       Y15, Y2, Y2     \
	VPSLLQ       $52, Y2, Y2     \ // 2^k1
	VADDPD       Y15, Y3, Y3     \
	VPSLLQ       $52, Y3, Y3     \ // 2^k2
	VMULPD       Y2, Y8, Y8      \
	VMULPD       Y3, Y8, Y0

// func expF64AVX2(dst, x []float64)
TEXT ·expF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	EXP_F64_256
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
	EXP_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// Y0 = exp(Y0), 8 float32 lanes. Clobbers Y1-Y7, Y15. p*2^k is p*2^k1 (exact,
// normal) times 2^k2 (one rounding), k1 = k>>1, k2 = k - k1, both in [-75, 64].
#define EXP_F32_256 \
	VMOVUPS      EF(EF_MIN), Y15 \
	VMAXPS       Y0, Y15, Y0     \ // NaN stays
	VMOVUPS      EF(EF_MAX), Y15 \
	VMINPS       Y0, Y15, Y0     \
	VMULPS       EF(EF_LOG2E), Y0, Y1 \
	VROUNDPS     $0, Y1, Y1      \
	VMOVAPS      Y0, Y2          \
	VFNMADD231PS EF(EF_LN2HI), Y1, Y2 \
	VFNMADD231PS EF(EF_LN2LO), Y1, Y2 \
	VMULPS       Y2, Y2, Y3      \
	VMOVUPS      EF(EF_P+0), Y4  \
	VFMADD213PS  EF(EF_P+1), Y2, Y4 \
	VFMADD213PS  EF(EF_P+2), Y2, Y4 \
	VFMADD213PS  EF(EF_P+3), Y2, Y4 \
	VFMADD213PS  EF(EF_P+4), Y2, Y4 \
	VMOVUPS      EF(EF_ONE), Y15 \
	VADDPS       Y15, Y2, Y5     \
	VSUBPS       Y5, Y15, Y6     \
	VADDPS       Y2, Y6, Y6      \
	VFMADD213PS  Y6, Y3, Y4      \
	VADDPS       Y4, Y5, Y5      \ // p
	VCVTPS2DQ    Y1, Y1          \ // k (integral: exact)
	VPSRAD       $1, Y1, Y7      \ // k1
	VPSUBD       Y7, Y1, Y1      \ // k2
	VMOVDQU      EF(EF_BIAS), Y15 \
	VPADDD       Y15, Y7, Y7     \
	VPSLLD       $23, Y7, Y7     \ // 2^k1
	VPADDD       Y15, Y1, Y1     \
	VPSLLD       $23, Y1, Y1     \ // 2^k2
	VMULPS       Y7, Y5, Y5      \
	VMULPS       Y1, Y5, Y0

// func expF32AVX2(dst, x []float32)
TEXT ·expF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	EXP_F32_256
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
	EXP_F32_256
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
