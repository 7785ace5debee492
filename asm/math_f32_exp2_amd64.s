//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// float32 exp2 in float32 lanes: the twin is exp2F32 in math_f32_exp2.go, step
// by step. Table offsets (exp2F32Tab, 32 bytes each).
#define E2_MIN 0
#define E2_MAX 1
#define E2_ONE 2
#define E2_BIAS 3
#define E2_Q 4 // Q5 first, Q0 at E2_Q+5

#define E2(i) ·exp2F32Tab+32*(i)(SB)

// X = 2^X, 16 float32 lanes, with K and Q as scratch. Z16 min, Z17 max, Z18 1,
// Z19-Z24 Q5..Q0.
#define EXP2_F32L_512(X, K, Q) \
	VMAXPS       X, Z16, X   \ // clamp; NaN stays
	VMINPS       X, Z17, X   \
	VRNDSCALEPS  $0, X, K    \ // k
	VSUBPS       K, X, X     \ // r (exact)
	VMOVAPS      Z19, Q      \
	VFMADD213PS  Z20, X, Q   \
	VFMADD213PS  Z21, X, Q   \
	VFMADD213PS  Z22, X, Q   \
	VFMADD213PS  Z23, X, Q   \
	VFMADD213PS  Z24, X, Q   \ // Q(r)
	VFMADD213PS  Z18, X, Q   \ // p = 1 + r*Q
	VSCALEFPS    K, Q, X

// func exp2F32AVX512(dst, x []float32)
TEXT ·exp2F32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VBROADCASTSS E2(E2_MIN), Z16
	VBROADCASTSS E2(E2_MAX), Z17
	VBROADCASTSS E2(E2_ONE), Z18
	VBROADCASTSS E2(E2_Q+0), Z19
	VBROADCASTSS E2(E2_Q+1), Z20
	VBROADCASTSS E2(E2_Q+2), Z21
	VBROADCASTSS E2(E2_Q+3), Z22
	VBROADCASTSS E2(E2_Q+4), Z23
	VBROADCASTSS E2(E2_Q+5), Z24

loop2:
	CMPQ    BX, $32
	JLT     loop
	VMOVUPS (SI), Z0
	VMOVUPS 64(SI), Z3
	EXP2_F32L_512(Z0, Z1, Z2)
	EXP2_F32L_512(Z3, Z4, Z5)
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
	EXP2_F32L_512(Z0, Z1, Z2)
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	EXP2_F32L_512(Z0, Z1, Z2)
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// Y0 = 2^Y0, 8 float32 lanes. Clobbers Y1-Y3, Y15. p*2^k is p*2^k1 (exact,
// normal) times 2^k2 (one rounding), k1 = k>>1, k2 = k - k1, both in [-80, 65].
#define EXP2_F32L_256 \
	VMOVUPS      E2(E2_MIN), Y15 \
	VMAXPS       Y0, Y15, Y0     \ // NaN stays
	VMOVUPS      E2(E2_MAX), Y15 \
	VMINPS       Y0, Y15, Y0     \
	VROUNDPS     $0, Y0, Y1      \ // k
	VSUBPS       Y1, Y0, Y0      \ // r
	VMOVUPS      E2(E2_Q+0), Y2  \
	VFMADD213PS  E2(E2_Q+1), Y0, Y2 \
	VFMADD213PS  E2(E2_Q+2), Y0, Y2 \
	VFMADD213PS  E2(E2_Q+3), Y0, Y2 \
	VFMADD213PS  E2(E2_Q+4), Y0, Y2 \
	VFMADD213PS  E2(E2_Q+5), Y0, Y2 \
	VFMADD213PS  E2(E2_ONE), Y0, Y2 \ // p
	VCVTPS2DQ    Y1, Y1          \ // k (integral: exact)
	VPSRAD       $1, Y1, Y3      \ // k1
	VPSUBD       Y3, Y1, Y1      \ // k2
	VMOVDQU      E2(E2_BIAS), Y15 \
	VPADDD       Y15, Y3, Y3     \
	VPSLLD       $23, Y3, Y3     \ // 2^k1
	VPADDD       Y15, Y1, Y1     \
	VPSLLD       $23, Y1, Y1     \ // 2^k2
	VMULPS       Y3, Y2, Y2      \
	VMULPS       Y1, Y2, Y0

// func exp2F32AVX2(dst, x []float32)
TEXT ·exp2F32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	EXP2_F32L_256
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
	EXP2_F32L_256
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
