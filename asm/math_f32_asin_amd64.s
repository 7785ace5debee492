//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// float32 arcsin and arccos in float32 lanes: the twin is asinAcosF32 in
// math_f32_asin.go, step by step; its branches are masks (AVX-512) or blends
// (AVX2) here. Table offsets (asinF32Tab, 32 bytes each).
#define AS_ABS 0
#define AS_HALF 1
#define AS_ONE 2
#define AS_TINY 3
#define AS_PIO2H 4
#define AS_PIO2L 5
#define AS_PIH 6
#define AS_PIL 7
#define AS_TWO 8
#define AS_MTWO 9
#define AS_MONE 10
#define AS_SIGN 11
#define AS_P 12 // P5 first, P0 at AS_P+5

#define AT(i) ·asinF32Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------
//
// Z16 abs mask, Z17 1/2, Z18 1, Z19 2^-60, Z20/Z21 pi/2 hi/lo, Z22/Z23 pi hi/lo,
// Z24 2, Z25 -2, Z26 -1, Z27-Z31 P5..P1 (P0 and the sign mask are broadcast from
// memory).

#define ASIN32_CONSTS_512 \
	VBROADCASTSS AT(AS_ABS), Z16   \
	VBROADCASTSS AT(AS_HALF), Z17  \
	VBROADCASTSS AT(AS_ONE), Z18   \
	VBROADCASTSS AT(AS_TINY), Z19  \
	VBROADCASTSS AT(AS_PIO2H), Z20 \
	VBROADCASTSS AT(AS_PIO2L), Z21 \
	VBROADCASTSS AT(AS_PIH), Z22   \
	VBROADCASTSS AT(AS_PIL), Z23   \
	VBROADCASTSS AT(AS_TWO), Z24   \
	VBROADCASTSS AT(AS_MTWO), Z25  \
	VBROADCASTSS AT(AS_MONE), Z26  \
	VBROADCASTSS AT(AS_P+0), Z27   \
	VBROADCASTSS AT(AS_P+1), Z28   \
	VBROADCASTSS AT(AS_P+2), Z29   \
	VBROADCASTSS AT(AS_P+3), Z30   \
	VBROADCASTSS AT(AS_P+4), Z31

// From x in Z0: K2 = small lanes (|x| <= 1/2), Z3 = w, Z7 = corr = wl + w*z*P(z).
// Clobbers Z1-Z8.
#define ASIN32_CORE_512 \
	VANDPS       Z16, Z0, Z1        \ // a
	VCMPPS       $0x12, Z17, Z1, K2 \ // a <= 1/2
	VSUBPS       Z1, Z18, Z2        \
	VMULPS       Z17, Z2, Z2        \ // z = (1-a)/2
	VSQRTPS      Z2, Z3             \ // w
	VMOVAPS      Z2, Z4             \
	VFNMADD231PS Z3, Z3, Z4         \ // d = z - w*w
	VADDPS       Z3, Z3, Z5         \
	VMAXPS       Z5, Z19, Z5        \ // max(2w, 2^-60)
	VDIVPS       Z5, Z4, Z6         \ // wl
	VMULPS       Z1, Z1, K2, Z2     \ // small: z = a*a
	VMOVAPS      Z1, K2, Z3         \ //        w = a
	VXORPS       Z6, Z6, K2, Z6     \ //        wl = 0
	VMOVAPS      Z27, Z7            \
	VFMADD213PS  Z28, Z2, Z7        \
	VFMADD213PS  Z29, Z2, Z7        \
	VFMADD213PS  Z30, Z2, Z7        \
	VFMADD213PS  Z31, Z2, Z7        \
	VFMADD213PS.BCST AT(AS_P+5), Z2, Z7 \ // P(z)
	VMULPS       Z2, Z3, Z8         \ // w*z
	VFMADD213PS  Z6, Z8, Z7           // corr

// K (Z9 hi, Z10 lo) and sigma (Z11): asin: (0, 1) small, (pi/2, -2) else.
#define ASIN32_SEL_512 \
	VMOVAPS      Z20, Z9            \
	VXORPS       Z9, Z9, K2, Z9     \
	VMOVAPS      Z21, Z10           \
	VXORPS       Z10, Z10, K2, Z10  \
	VMOVAPS      Z25, Z11           \
	VMOVAPS      Z18, K2, Z11

// acos: (pi/2, -1, or 1 for x < 0) small, (pi, -2) for x < -1/2, (0, 2) for x > 1/2.
#define ACOS32_SEL_512 \
	VPMOVD2M     Z0, K3             \ // sign of x
	VXORPS       Z9, Z9, Z9         \
	VMOVAPS      Z22, K3, Z9        \
	VMOVAPS      Z20, K2, Z9        \
	VXORPS       Z10, Z10, Z10      \
	VMOVAPS      Z23, K3, Z10       \
	VMOVAPS      Z21, K2, Z10       \
	VMOVAPS      Z24, Z11           \
	VMOVAPS      Z25, K3, Z11       \
	VMOVAPS      Z26, K2, Z11       \
	KANDW        K2, K3, K4         \
	VMOVAPS      Z18, K4, Z11

// Z13 = K + sigma*(w + corr): K + sigma*w exactly (fast two-sum), rounded once.
#define ASIN32_FIN_512 \
	VMULPS       Z3, Z11, Z12       \ // sw (exact)
	VADDPS       Z12, Z9, Z13       \ // s
	VSUBPS       Z9, Z13, Z14       \
	VSUBPS       Z14, Z12, Z14      \ // e
	VFMADD231PS  Z11, Z7, Z10       \ // kl + sigma*corr
	VADDPS       Z10, Z14, Z14      \
	VADDPS       Z14, Z13, Z13

#define ASIN32_512 ASIN32_CORE_512; ASIN32_SEL_512; ASIN32_FIN_512; VANDPS.BCST AT(AS_SIGN), Z0, Z0; VXORPS Z13, Z0, Z0
#define ACOS32_512 ASIN32_CORE_512; ACOS32_SEL_512; ASIN32_FIN_512; VMOVAPS Z13, Z0

// func asinF32AVX512(dst, x []float32)
TEXT ·asinF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	ASIN32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	ASIN32_512
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
	ASIN32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func acosF32AVX512(dst, x []float32)
TEXT ·acosF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	ASIN32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	ACOS32_512
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
	ACOS32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

// From x in Y0: Y15 = small mask, Y3 = w, Y7 = corr. Clobbers Y1-Y8.
#define ASIN32_CORE_256 \
	VANDPS       AT(AS_ABS), Y0, Y1 \
	VCMPPS       $0x12, AT(AS_HALF), Y1, Y15 \
	VMOVUPS      AT(AS_ONE), Y2     \
	VSUBPS       Y1, Y2, Y2         \
	VMULPS       AT(AS_HALF), Y2, Y2 \ // z
	VSQRTPS      Y2, Y3             \ // w
	VMOVAPS      Y2, Y4             \
	VFNMADD231PS Y3, Y3, Y4         \ // d
	VADDPS       Y3, Y3, Y5         \
	VMOVUPS      AT(AS_TINY), Y6    \
	VMAXPS       Y5, Y6, Y5         \
	VDIVPS       Y5, Y4, Y6         \ // wl
	VMULPS       Y1, Y1, Y7         \
	VBLENDVPS    Y15, Y7, Y2, Y2    \
	VBLENDVPS    Y15, Y1, Y3, Y3    \
	VANDNPS      Y6, Y15, Y6        \
	VMOVUPS      AT(AS_P+0), Y7     \
	VFMADD213PS  AT(AS_P+1), Y2, Y7 \
	VFMADD213PS  AT(AS_P+2), Y2, Y7 \
	VFMADD213PS  AT(AS_P+3), Y2, Y7 \
	VFMADD213PS  AT(AS_P+4), Y2, Y7 \
	VFMADD213PS  AT(AS_P+5), Y2, Y7 \
	VMULPS       Y2, Y3, Y8         \
	VFMADD213PS  Y6, Y8, Y7

#define ASIN32_SEL_256 \
	VANDNPS      AT(AS_PIO2H), Y15, Y9 \
	VANDNPS      AT(AS_PIO2L), Y15, Y10 \
	VMOVUPS      AT(AS_MTWO), Y11   \
	VBLENDVPS    Y15, AT(AS_ONE), Y11, Y11

#define ACOS32_SEL_256 \
	VXORPS       Y9, Y9, Y9         \
	VBLENDVPS    Y0, AT(AS_PIH), Y9, Y9 \
	VBLENDVPS    Y15, AT(AS_PIO2H), Y9, Y9 \
	VXORPS       Y10, Y10, Y10      \
	VBLENDVPS    Y0, AT(AS_PIL), Y10, Y10 \
	VBLENDVPS    Y15, AT(AS_PIO2L), Y10, Y10 \
	VMOVUPS      AT(AS_TWO), Y11    \
	VBLENDVPS    Y0, AT(AS_MTWO), Y11, Y11 \
	VMOVUPS      AT(AS_MONE), Y12   \
	VBLENDVPS    Y0, AT(AS_ONE), Y12, Y12 \
	VBLENDVPS    Y15, Y12, Y11, Y11

#define ASIN32_FIN_256 \
	VMULPS       Y3, Y11, Y12       \
	VADDPS       Y12, Y9, Y13       \
	VSUBPS       Y9, Y13, Y14       \
	VSUBPS       Y14, Y12, Y14      \
	VFMADD231PS  Y11, Y7, Y10       \
	VADDPS       Y10, Y14, Y14      \
	VADDPS       Y14, Y13, Y13

#define ASIN32_256 ASIN32_CORE_256; ASIN32_SEL_256; ASIN32_FIN_256; VANDPS AT(AS_SIGN), Y0, Y0; VXORPS Y13, Y0, Y0
#define ACOS32_256 ASIN32_CORE_256; ACOS32_SEL_256; ASIN32_FIN_256; VMOVAPS Y13, Y0

// func asinF32AVX2(dst, x []float32)
TEXT ·asinF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	ASIN32_256
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
	ASIN32_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func acosF32AVX2(dst, x []float32)
TEXT ·acosF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	ACOS32_256
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
	ACOS32_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
