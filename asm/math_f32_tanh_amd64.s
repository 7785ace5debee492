//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// float32 tanh in float32 lanes: the twin is tanhF32 in math_f32_tanh.go, step by
// step; both branches are computed and blended by |x| < 0.55. Table offsets
// (tanhF32Tab, 32 bytes each).
#define TH_ABS 0
#define TH_MAX 1
#define TH_SPLIT 2
#define TH_ONE 3
#define TH_TWO 4
#define TH_HALF 5
#define TH_LOG2E 6
#define TH_LN2HI 7
#define TH_LN2LO 8
#define TH_SIGN 9
#define TH_BIAS 10
#define TH_EP 11 // expF32's P4 first, P0 at TH_EP+4
#define TH_TP 16 // tanh's P4 first, P0 at TH_TP+4

#define TT(i) ·tanhF32Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------
//
// Z16 abs mask, Z17 10, Z18 0.55, Z19 1, Z20 2, Z21 1/2, Z22 log2e, Z23/Z24 ln2
// hi/lo, Z25-Z29 expF32's P4..P0, Z31 the sign mask (tanh's P is broadcast from
// memory).

#define TANH32_CONSTS_512 \
	VBROADCASTSS TT(TH_ABS), Z16   \
	VBROADCASTSS TT(TH_MAX), Z17   \
	VBROADCASTSS TT(TH_SPLIT), Z18 \
	VBROADCASTSS TT(TH_ONE), Z19   \
	VBROADCASTSS TT(TH_TWO), Z20   \
	VBROADCASTSS TT(TH_HALF), Z21  \
	VBROADCASTSS TT(TH_LOG2E), Z22 \
	VBROADCASTSS TT(TH_LN2HI), Z23 \
	VBROADCASTSS TT(TH_LN2LO), Z24 \
	VBROADCASTSS TT(TH_EP+0), Z25  \
	VBROADCASTSS TT(TH_EP+1), Z26  \
	VBROADCASTSS TT(TH_EP+2), Z27  \
	VBROADCASTSS TT(TH_EP+3), Z28  \
	VBROADCASTSS TT(TH_EP+4), Z29  \
	VBROADCASTSS TT(TH_SIGN), Z31

// Z0 = tanh(Z0). Clobbers Z1-Z15, K2.
#define TANH32_512 \
	VANDPS       Z16, Z0, Z1        \ // a
	VMINPS       Z1, Z17, Z1        \ // clamp; NaN stays
	VMULPS       Z1, Z1, Z2         \ // z
	VBROADCASTSS TT(TH_TP+0), Z3    \
	VFMADD213PS.BCST TT(TH_TP+1), Z2, Z3 \
	VFMADD213PS.BCST TT(TH_TP+2), Z2, Z3 \
	VFMADD213PS.BCST TT(TH_TP+3), Z2, Z3 \
	VFMADD213PS.BCST TT(TH_TP+4), Z2, Z3 \ // P(z)
	VMULPS       Z2, Z1, Z4         \
	VFMADD213PS  Z1, Z4, Z3         \ // tA = a + a*z*P
	VADDPS       Z1, Z1, Z5         \ // y = 2a
	VMULPS       Z22, Z5, Z6        \
	VRNDSCALEPS  $0, Z6, Z6         \ // k
	VMOVAPS      Z5, Z7             \
	VFNMADD231PS Z23, Z6, Z7        \
	VFNMADD231PS Z24, Z6, Z7        \ // r
	VMULPS       Z7, Z7, Z8         \ // r*r
	VMOVAPS      Z25, Z9            \
	VFMADD213PS  Z26, Z7, Z9        \
	VFMADD213PS  Z27, Z7, Z9        \
	VFMADD213PS  Z28, Z7, Z9        \
	VFMADD213PS  Z29, Z7, Z9        \ // G(r)
	VADDPS       Z19, Z7, Z10       \ // h = 1 + r
	VSUBPS       Z10, Z19, Z11      \
	VADDPS       Z7, Z11, Z11       \ // hl
	VFMADD213PS  Z11, Z8, Z9        \
	VADDPS       Z9, Z10, Z10       \ // p
	VSCALEFPS    Z6, Z10, Z10       \ // e = p*2^k (exact)
	VADDPS       Z19, Z10, Z11      \ // d = e + 1
	VSUBPS       Z10, Z11, Z12      \
	VSUBPS       Z12, Z19, Z12      \ // dl = 1 - (d - e)
	VDIVPS       Z11, Z20, Z13      \ // q = 2/d
	VMOVAPS      Z20, Z14           \
	VFNMADD231PS Z11, Z13, Z14      \ // 2 - q*d
	VFNMADD231PS Z12, Z13, Z14      \ // - q*dl
	VMULPS       Z21, Z13, Z15      \
	VMULPS       Z15, Z14, Z14      \ // ql
	VSUBPS       Z13, Z19, Z15      \ // s = 1 - q
	VSUBPS       Z19, Z15, Z12      \
	VADDPS       Z13, Z12, Z12      \ // u = (s - 1) + q
	VADDPS       Z14, Z12, Z12      \
	VSUBPS       Z12, Z15, Z15      \ // tB = s - (u + ql)
	VCMPPS       $0x11, Z18, Z1, K2 \ // a < 0.55
	VMOVAPS      Z3, K2, Z15        \
	VANDPS       Z31, Z0, Z0        \
	VORPS        Z15, Z0, Z0

// func tanhF32AVX512(dst, x []float32)
TEXT ·tanhF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	TANH32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	TANH32_512
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	TANH32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

// Y0 = tanh(Y0). Clobbers Y1-Y15. 2^k is built from its bits (k <= 29).
#define TANH32_256 \
	VANDPS       TT(TH_ABS), Y0, Y1 \
	VMOVUPS      TT(TH_MAX), Y2     \
	VMINPS       Y1, Y2, Y1         \ // a; NaN stays
	VMULPS       Y1, Y1, Y2         \ // z
	VMOVUPS      TT(TH_TP+0), Y3    \
	VFMADD213PS  TT(TH_TP+1), Y2, Y3 \
	VFMADD213PS  TT(TH_TP+2), Y2, Y3 \
	VFMADD213PS  TT(TH_TP+3), Y2, Y3 \
	VFMADD213PS  TT(TH_TP+4), Y2, Y3 \
	VMULPS       Y2, Y1, Y4         \
	VFMADD213PS  Y1, Y4, Y3         \ // tA
	VADDPS       Y1, Y1, Y5         \ // y
	VMULPS       TT(TH_LOG2E), Y5, Y6 \
	VROUNDPS     $0, Y6, Y6         \ // k
	VMOVAPS      Y5, Y7             \
	VFNMADD231PS TT(TH_LN2HI), Y6, Y7 \
	VFNMADD231PS TT(TH_LN2LO), Y6, Y7 \ // r
	VMULPS       Y7, Y7, Y8         \
	VMOVUPS      TT(TH_EP+0), Y9    \
	VFMADD213PS  TT(TH_EP+1), Y7, Y9 \
	VFMADD213PS  TT(TH_EP+2), Y7, Y9 \
	VFMADD213PS  TT(TH_EP+3), Y7, Y9 \
	VFMADD213PS  TT(TH_EP+4), Y7, Y9 \ // G(r)
	VMOVUPS      TT(TH_ONE), Y15    \
	VADDPS       Y15, Y7, Y10       \ // h
	VSUBPS       Y10, Y15, Y11      \
	VADDPS       Y7, Y11, Y11       \ // hl
	VFMADD213PS  Y11, Y8, Y9        \
	VADDPS       Y9, Y10, Y10       \ // p
	VCVTPS2DQ    Y6, Y6             \
	VPADDD       TT(TH_BIAS), Y6, Y6 \
	VPSLLD       $23, Y6, Y6        \ // 2^k
	VMULPS       Y6, Y10, Y10       \ // e (exact)
	VADDPS       Y15, Y10, Y11      \ // d
	VSUBPS       Y10, Y11, Y12      \
	VSUBPS       Y12, Y15, Y12      \ // dl
	VMOVUPS      TT(TH_TWO), Y14    \
	VDIVPS       Y11, Y14, Y13      \ // q
	VFNMADD231PS Y11, Y13, Y14      \
	VFNMADD231PS Y12, Y13, Y14      \
	VMULPS       TT(TH_HALF), Y13, Y2 \
	VMULPS       Y2, Y14, Y14       \ // ql
	VSUBPS       Y13, Y15, Y4       \ // s
	VSUBPS       Y15, Y4, Y12       \
	VADDPS       Y13, Y12, Y12      \ // u
	VADDPS       Y14, Y12, Y12      \
	VSUBPS       Y12, Y4, Y4        \ // tB
	VCMPPS       $0x11, TT(TH_SPLIT), Y1, Y2 \
	VBLENDVPS    Y2, Y3, Y4, Y4     \
	VANDPS       TT(TH_SIGN), Y0, Y0 \
	VORPS        Y4, Y0, Y0

// func tanhF32AVX2(dst, x []float32)
TEXT ·tanhF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	TANH32_256
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
	TANH32_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
