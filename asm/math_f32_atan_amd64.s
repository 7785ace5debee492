//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// float32 arctan in float32 lanes: the twin is atanF32 in math_f32_atan.go, step
// by step; its branches are masks (AVX-512) or blends (AVX2) here. Table offsets
// (atanF32Tab, 32 bytes each).
#define AN_ABS 0
#define AN_ONE 1
#define AN_CLAMP 2
#define AN_T1 3
#define AN_T3 4
#define AN_PIO4H 5
#define AN_PIO4L 6
#define AN_PIO2H 7
#define AN_PIO2L 8
#define AN_MONE 9
#define AN_SIGN 10
#define AN_P 11 // P5 first, P0 at AN_P+5

#define NT(i) ·atanF32Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------
//
// Z16 abs mask, Z17 1, Z18 2^30, Z19 1/2, Z20 tan(3pi/8), Z21/Z22 pi/4 hi/lo,
// Z23/Z24 pi/2 hi/lo, Z25 -1, Z26-Z30 P5..P1, Z31 the sign mask (P0 is
// broadcast from memory).

#define ATAN32_CONSTS_512 \
	VBROADCASTSS NT(AN_ABS), Z16   \
	VBROADCASTSS NT(AN_ONE), Z17   \
	VBROADCASTSS NT(AN_CLAMP), Z18 \
	VBROADCASTSS NT(AN_T1), Z19    \
	VBROADCASTSS NT(AN_T3), Z20    \
	VBROADCASTSS NT(AN_PIO4H), Z21 \
	VBROADCASTSS NT(AN_PIO4L), Z22 \
	VBROADCASTSS NT(AN_PIO2H), Z23 \
	VBROADCASTSS NT(AN_PIO2L), Z24 \
	VBROADCASTSS NT(AN_MONE), Z25  \
	VBROADCASTSS NT(AN_P+0), Z26   \
	VBROADCASTSS NT(AN_P+1), Z27   \
	VBROADCASTSS NT(AN_P+2), Z28   \
	VBROADCASTSS NT(AN_P+3), Z29   \
	VBROADCASTSS NT(AN_P+4), Z30   \
	VBROADCASTSS NT(AN_SIGN), Z31

// Z0 = arctan(Z0). Clobbers Z1-Z15, K2, K3.
#define ATAN32_512 \
	VANDPS       Z16, Z0, Z1        \ // a
	VMINPS       Z1, Z18, Z1        \ // clamp; NaN stays
	VCMPPS       $0x1e, Z19, Z1, K2 \ // a > 1/2
	VCMPPS       $0x1e, Z20, Z1, K3 \ // a > tan(3pi/8)
	VMOVAPS      Z1, Z2             \ // num = a
	VMOVAPS      Z17, Z3            \ // den = 1
	VXORPS       Z4, Z4, Z4         \ // dl = 0
	VXORPS       Z5, Z5, Z5         \ // jh = 0
	VXORPS       Z6, Z6, Z6         \ // jl = 0
	VSUBPS       Z17, Z1, K2, Z2    \ // num = a - 1
	VADDPS       Z17, Z1, K2, Z3    \ // den = a + 1
	VSUBPS       Z17, Z3, Z7        \
	VSUBPS       Z7, Z1, K2, Z4     \ // dl = a - (den - 1)
	VMOVAPS      Z21, K2, Z5        \
	VMOVAPS      Z22, K2, Z6        \ // J = pi/4
	VMOVAPS      Z25, K3, Z2        \ // num = -1
	VMOVAPS      Z1, K3, Z3         \ // den = a
	VXORPS       Z4, Z4, K3, Z4     \ // dl = 0
	VMOVAPS      Z23, K3, Z5        \
	VMOVAPS      Z24, K3, Z6        \ // J = pi/2
	VDIVPS       Z3, Z17, Z7        \ // inv = 1/den
	VMULPS       Z7, Z2, Z8         \ // t = num*inv
	VMOVAPS      Z2, Z9             \
	VFNMADD231PS Z3, Z8, Z9         \ // r = num - t*den
	VFNMADD231PS Z4, Z8, Z9         \ // r - t*dl
	VMULPS       Z7, Z9, Z9         \ // tl
	VMULPS       Z8, Z8, Z10        \ // z
	VMOVAPS      Z26, Z11           \
	VFMADD213PS  Z27, Z10, Z11      \
	VFMADD213PS  Z28, Z10, Z11      \
	VFMADD213PS  Z29, Z10, Z11      \
	VFMADD213PS  Z30, Z10, Z11      \
	VFMADD213PS.BCST NT(AN_P+5), Z10, Z11 \ // P(z)
	VMULPS       Z10, Z8, Z12       \ // t*z
	VMOVAPS      Z9, Z13            \
	VFNMADD231PS Z10, Z9, Z13       \ // tl - tl*z
	VFMADD213PS  Z13, Z12, Z11      \ // corr
	VADDPS       Z8, Z5, Z14        \ // s = jh + t
	VSUBPS       Z5, Z14, Z15       \
	VSUBPS       Z15, Z8, Z15       \ // e = t - (s - jh)
	VADDPS       Z11, Z6, Z6        \ // jl + corr
	VADDPS       Z6, Z15, Z15       \
	VADDPS       Z15, Z14, Z14      \
	VANDPS       Z31, Z0, Z0        \
	VXORPS       Z14, Z0, Z0

// func atanF32AVX512(dst, x []float32)
TEXT ·atanF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	ATAN32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	ATAN32_512
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
	ATAN32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

// Y0 = arctan(Y0). Clobbers Y1-Y15.
#define ATAN32_256 \
	VANDPS       NT(AN_ABS), Y0, Y1 \
	VMOVUPS      NT(AN_CLAMP), Y2   \
	VMINPS       Y1, Y2, Y1         \ // clamp; NaN stays
	VCMPPS       $0x1e, NT(AN_T1), Y1, Y14 \ // a > 1/2
	VCMPPS       $0x1e, NT(AN_T3), Y1, Y15 \ // a > tan(3pi/8)
	VMOVUPS      NT(AN_ONE), Y3     \
	VSUBPS       Y3, Y1, Y2         \
	VBLENDVPS    Y14, Y2, Y1, Y2    \ // num
	VADDPS       Y3, Y1, Y4         \
	VBLENDVPS    Y14, Y4, Y3, Y3    \ // den
	VSUBPS       NT(AN_ONE), Y3, Y4 \
	VSUBPS       Y4, Y1, Y4         \
	VANDPS       Y14, Y4, Y4        \ // dl
	VANDPS       NT(AN_PIO4H), Y14, Y5 \
	VANDPS       NT(AN_PIO4L), Y14, Y6 \
	VBLENDVPS    Y15, NT(AN_MONE), Y2, Y2 \
	VBLENDVPS    Y15, Y1, Y3, Y3    \
	VANDNPS      Y4, Y15, Y4        \
	VBLENDVPS    Y15, NT(AN_PIO2H), Y5, Y5 \
	VBLENDVPS    Y15, NT(AN_PIO2L), Y6, Y6 \
	VMOVUPS      NT(AN_ONE), Y7     \
	VDIVPS       Y3, Y7, Y7         \ // inv
	VMULPS       Y7, Y2, Y8         \ // t
	VMOVAPS      Y2, Y9             \
	VFNMADD231PS Y3, Y8, Y9         \
	VFNMADD231PS Y4, Y8, Y9         \
	VMULPS       Y7, Y9, Y9         \ // tl
	VMULPS       Y8, Y8, Y10        \ // z
	VMOVUPS      NT(AN_P+0), Y11    \
	VFMADD213PS  NT(AN_P+1), Y10, Y11 \
	VFMADD213PS  NT(AN_P+2), Y10, Y11 \
	VFMADD213PS  NT(AN_P+3), Y10, Y11 \
	VFMADD213PS  NT(AN_P+4), Y10, Y11 \
	VFMADD213PS  NT(AN_P+5), Y10, Y11 \
	VMULPS       Y10, Y8, Y12       \
	VMOVAPS      Y9, Y13            \
	VFNMADD231PS Y10, Y9, Y13       \
	VFMADD213PS  Y13, Y12, Y11      \ // corr
	VADDPS       Y8, Y5, Y14        \ // s
	VSUBPS       Y5, Y14, Y15       \
	VSUBPS       Y15, Y8, Y15       \ // e
	VADDPS       Y11, Y6, Y6        \
	VADDPS       Y6, Y15, Y15       \
	VADDPS       Y15, Y14, Y14      \
	VANDPS       NT(AN_SIGN), Y0, Y0 \
	VXORPS       Y14, Y0, Y0

// func atanF32AVX2(dst, x []float32)
TEXT ·atanF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	ATAN32_256
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
	ATAN32_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
