//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// float32 arctan2 in float32 lanes: the twin is atan2F32 in math_f32_atan2.go,
// step by step; its branches are masks (AVX-512) or blends (AVX2) here. Table
// offsets (atan2F32Tab, 32 bytes each).
#define A2_ABS 0
#define A2_INF 1
#define A2_ONE 2
#define A2_HALF 3
#define A2_BIG 4
#define A2_SMALL 5
#define A2_DOWN 6
#define A2_UP 7
#define A2_TINY 8
#define A2_SIGN 9
#define A2_PIO4H 10
#define A2_PIO4L 11
#define A2_PIO2H 12
#define A2_PIO2L 13
#define A2_PIH 14
#define A2_PIL 15
#define A2_P34H 16
#define A2_P34L 17
#define A2_P 18 // P5 first, P0 at A2_P+5

#define AB(i) ·atan2F32Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------
//
// Z16 abs mask, Z17 +Inf, Z18 1, Z19 1/2, Z20 2^100, Z21 2^-40, Z22 2^-40 (the
// scale down), Z23 2^100 (the scale up), Z24 2^-100, Z25-Z29 P5..P1, Z30 the sign
// mask, Z31 0; the offsets J are broadcast from memory under masks.

#define ATAN2_32_CONSTS_512 \
	VBROADCASTSS AB(A2_ABS), Z16   \
	VBROADCASTSS AB(A2_INF), Z17   \
	VBROADCASTSS AB(A2_ONE), Z18   \
	VBROADCASTSS AB(A2_HALF), Z19  \
	VBROADCASTSS AB(A2_BIG), Z20   \
	VBROADCASTSS AB(A2_SMALL), Z21 \
	VBROADCASTSS AB(A2_DOWN), Z22  \
	VBROADCASTSS AB(A2_UP), Z23    \
	VBROADCASTSS AB(A2_TINY), Z24  \
	VBROADCASTSS AB(A2_P+0), Z25   \
	VBROADCASTSS AB(A2_P+1), Z26   \
	VBROADCASTSS AB(A2_P+2), Z27   \
	VBROADCASTSS AB(A2_P+3), Z28   \
	VBROADCASTSS AB(A2_P+4), Z29   \
	VBROADCASTSS AB(A2_SIGN), Z30  \
	VXORPS       Z31, Z31, Z31

// Z0 = arctan2(Z0, Z1). Clobbers Z1-Z15, K2-K6.
#define ATAN2_32_512 \
	VANDPS       Z16, Z0, Z2        \ // ay
	VANDPS       Z16, Z1, Z3        \ // ax
	VCMPPS       $0, Z17, Z2, K2    \ // ay == Inf
	VCMPPS       $0, Z17, Z3, K3    \ // ax == Inf
	VMULPS       Z31, Z2, Z5        \ // ay*0
	VMULPS       Z31, Z3, Z6        \ // ax*0
	VMOVAPS      Z5, K3, Z2         \
	VMOVAPS      Z18, K2, Z2        \
	VMOVAPS      Z6, K2, Z3         \
	VMOVAPS      Z18, K3, Z3        \
	VCMPPS       $0, Z31, Z2, K4    \
	VCMPPS       $0, Z31, Z3, K5    \
	KANDW        K4, K5, K4         \
	VMOVAPS      Z18, K4, Z3        \ // 0/0 -> 0/1
	VMAXPS       Z3, Z2, Z5         \ // m
	VMOVAPS      Z18, Z6            \
	VCMPPS       $0x1e, Z20, Z5, K2 \
	VMOVAPS      Z22, K2, Z6        \
	VCMPPS       $0x11, Z21, Z5, K3 \
	VMOVAPS      Z23, K3, Z6        \
	VMULPS       Z6, Z2, Z2         \
	VMULPS       Z6, Z3, Z3         \ // scaled ay, ax
	VMULPS       Z19, Z3, Z5        \
	VCMPPS       $0x1e, Z5, Z2, K2  \ // mid: ay > ax/2
	VADDPS       Z3, Z3, Z5         \
	VCMPPS       $0x1e, Z5, Z2, K3  \ // flip: ay > 2ax
	VMOVAPS      Z2, Z7             \ // num = ay
	VMOVAPS      Z3, Z8             \ // den = ax
	VXORPS       Z9, Z9, Z9         \ // dl
	VXORPS       Z10, Z10, Z10      \ // jh
	VXORPS       Z11, Z11, Z11      \ // jl
	VSUBPS       Z3, Z2, K2, Z7     \ // num = ay - ax
	VMAXPS       Z3, Z2, Z12        \ // hi
	VMINPS       Z3, Z2, Z13        \ // lo
	VADDPS       Z13, Z12, Z14      \
	VMOVAPS      Z14, K2, Z8        \ // den = hi + lo
	VSUBPS       Z12, Z14, Z14      \
	VSUBPS       Z14, Z13, K2, Z9   \ // dl = lo - (den - hi)
	VBROADCASTSS AB(A2_PIO4H), K2, Z10 \
	VBROADCASTSS AB(A2_PIO4L), K2, Z11 \
	VXORPS       Z30, Z3, K3, Z7    \ // flip: num = -ax
	VMOVAPS      Z2, K3, Z8         \ //       den = ay
	VXORPS       Z9, Z9, K3, Z9     \ //       dl = 0
	VBROADCASTSS AB(A2_PIO2H), K3, Z10 \
	VBROADCASTSS AB(A2_PIO2L), K3, Z11 \
	VPMOVD2M     Z1, K4             \ // x's sign bit
	VXORPS       Z30, Z7, K4, Z7    \ // num = -num
	KANDNW       K4, K2, K5         \ // x < 0, not mid: J = pi
	VBROADCASTSS AB(A2_PIH), K5, Z10 \
	VBROADCASTSS AB(A2_PIL), K5, Z11 \
	KANDNW       K2, K3, K6         \
	KANDW        K6, K4, K6         \ // x < 0, mid, not flip: J = 3pi/4
	VBROADCASTSS AB(A2_P34H), K6, Z10 \
	VBROADCASTSS AB(A2_P34L), K6, Z11 \
	VDIVPS       Z8, Z7, Z12        \ // t = num/den
	VDIVPS       Z8, Z18, Z13       \ // inv
	VMOVAPS      Z7, Z14            \
	VFNMADD231PS Z8, Z12, Z14       \ // r = num - t*den
	VFNMADD231PS Z9, Z12, Z14       \ // - t*dl
	VMULPS       Z13, Z14, Z14      \ // tl
	VANDPS       Z16, Z7, Z15       \
	VANDPS       Z16, Z12, Z13      \
	VMINPS       Z13, Z15, Z15      \ // min(|num|, |t|)
	VCMPPS       $0x11, Z24, Z15, K5 \
	VXORPS       Z14, Z14, K5, Z14  \ // tl = 0 there
	VMULPS       Z12, Z12, Z15      \ // z
	VMOVAPS      Z25, Z13           \
	VFMADD213PS  Z26, Z15, Z13      \
	VFMADD213PS  Z27, Z15, Z13      \
	VFMADD213PS  Z28, Z15, Z13      \
	VFMADD213PS  Z29, Z15, Z13      \
	VFMADD213PS.BCST AB(A2_P+5), Z15, Z13 \ // P(z)
	VMULPS       Z15, Z12, Z7       \ // t*z
	VMOVAPS      Z14, Z8            \
	VFNMADD231PS Z15, Z14, Z8       \ // tl - tl*z
	VFMADD213PS  Z8, Z7, Z13        \ // corr
	VADDPS       Z12, Z10, Z7       \ // s = jh + t
	VSUBPS       Z10, Z7, Z8        \
	VSUBPS       Z8, Z12, Z8        \ // e
	VADDPS       Z13, Z11, Z11      \
	VADDPS       Z11, Z8, Z8        \
	VADDPS       Z8, Z7, Z7         \
	VANDPS       Z30, Z0, Z0        \
	VXORPS       Z7, Z0, Z0

// func atan2F32AVX512(dst, y, x []float32)
TEXT ·atan2F32AVX512(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ y_base+24(FP), SI
	MOVQ y_len+32(FP), BX
	MOVQ x_base+48(FP), R9
	ATAN2_32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	VMOVUPS (R9), Z1
	ATAN2_32_512
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, R9
	ADDQ    $64, DI
	SUBQ    $16, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	VMOVUPS.Z (R9), K1, Z1
	ATAN2_32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

// Y0 = arctan2(Y0, Y1). Clobbers Y1-Y15.
#define ATAN2_32_256 \
	VANDPS       AB(A2_ABS), Y0, Y2 \
	VANDPS       AB(A2_ABS), Y1, Y3 \
	VCMPPS       $0, AB(A2_INF), Y2, Y4 \
	VCMPPS       $0, AB(A2_INF), Y3, Y5 \
	VXORPS       Y6, Y6, Y6         \
	VMULPS       Y6, Y2, Y7         \
	VMULPS       Y6, Y3, Y8         \
	VBLENDVPS    Y5, Y7, Y2, Y2     \
	VBLENDVPS    Y4, AB(A2_ONE), Y2, Y2 \
	VBLENDVPS    Y4, Y8, Y3, Y3     \
	VBLENDVPS    Y5, AB(A2_ONE), Y3, Y3 \
	VCMPPS       $0, Y6, Y2, Y4     \
	VCMPPS       $0, Y6, Y3, Y5     \
	VANDPS       Y5, Y4, Y4         \
	VBLENDVPS    Y4, AB(A2_ONE), Y3, Y3 \
	VMAXPS       Y3, Y2, Y4         \ // m
	VMOVUPS      AB(A2_ONE), Y5     \
	VCMPPS       $0x1e, AB(A2_BIG), Y4, Y6 \
	VBLENDVPS    Y6, AB(A2_DOWN), Y5, Y5 \
	VCMPPS       $0x11, AB(A2_SMALL), Y4, Y6 \
	VBLENDVPS    Y6, AB(A2_UP), Y5, Y5 \
	VMULPS       Y5, Y2, Y2         \
	VMULPS       Y5, Y3, Y3         \
	VMULPS       AB(A2_HALF), Y3, Y4 \
	VCMPPS       $0x1e, Y4, Y2, Y14 \ // mid
	VADDPS       Y3, Y3, Y4         \
	VCMPPS       $0x1e, Y4, Y2, Y15 \ // flip
	VMAXPS       Y3, Y2, Y4         \ // hi
	VMINPS       Y3, Y2, Y5         \ // lo
	VADDPS       Y5, Y4, Y6         \
	VSUBPS       Y4, Y6, Y7         \
	VSUBPS       Y7, Y5, Y7         \
	VSUBPS       Y3, Y2, Y8         \
	VBLENDVPS    Y14, Y8, Y2, Y8    \ // num
	VBLENDVPS    Y14, Y6, Y3, Y9    \ // den
	VANDPS       Y14, Y7, Y7        \ // dl
	VANDPS       AB(A2_PIO4H), Y14, Y10 \
	VANDPS       AB(A2_PIO4L), Y14, Y11 \
	VXORPS       AB(A2_SIGN), Y3, Y4 \
	VBLENDVPS    Y15, Y4, Y8, Y8    \
	VBLENDVPS    Y15, Y2, Y9, Y9    \
	VANDNPS      Y7, Y15, Y7        \
	VBLENDVPS    Y15, AB(A2_PIO2H), Y10, Y10 \
	VBLENDVPS    Y15, AB(A2_PIO2L), Y11, Y11 \
	VANDPS       AB(A2_SIGN), Y1, Y4 \
	VXORPS       Y4, Y8, Y8         \ // num = -num for x < 0
	VANDNPS      Y1, Y14, Y5        \ // x < 0, not mid
	VBLENDVPS    Y5, AB(A2_PIH), Y10, Y10 \
	VBLENDVPS    Y5, AB(A2_PIL), Y11, Y11 \
	VANDNPS      Y14, Y15, Y5       \
	VANDPS       Y1, Y5, Y5         \ // x < 0, mid, not flip
	VBLENDVPS    Y5, AB(A2_P34H), Y10, Y10 \
	VBLENDVPS    Y5, AB(A2_P34L), Y11, Y11 \
	VDIVPS       Y9, Y8, Y12        \ // t
	VMOVUPS      AB(A2_ONE), Y13    \
	VDIVPS       Y9, Y13, Y13       \ // inv
	VMOVAPS      Y8, Y14            \
	VFNMADD231PS Y9, Y12, Y14       \
	VFNMADD231PS Y7, Y12, Y14       \
	VMULPS       Y13, Y14, Y14      \ // tl
	VANDPS       AB(A2_ABS), Y8, Y15 \
	VANDPS       AB(A2_ABS), Y12, Y13 \
	VMINPS       Y13, Y15, Y15      \
	VCMPPS       $0x11, AB(A2_TINY), Y15, Y15 \
	VANDNPS      Y14, Y15, Y14      \ // tl = 0 where min(|num|, |t|) < 2^-100
	VMULPS       Y12, Y12, Y15      \ // z
	VMOVUPS      AB(A2_P+0), Y13    \
	VFMADD213PS  AB(A2_P+1), Y15, Y13 \
	VFMADD213PS  AB(A2_P+2), Y15, Y13 \
	VFMADD213PS  AB(A2_P+3), Y15, Y13 \
	VFMADD213PS  AB(A2_P+4), Y15, Y13 \
	VFMADD213PS  AB(A2_P+5), Y15, Y13 \
	VMULPS       Y15, Y12, Y8       \
	VMOVAPS      Y14, Y9            \
	VFNMADD231PS Y15, Y14, Y9       \
	VFMADD213PS  Y9, Y8, Y13        \ // corr
	VADDPS       Y12, Y10, Y8       \
	VSUBPS       Y10, Y8, Y9        \
	VSUBPS       Y9, Y12, Y9        \
	VADDPS       Y13, Y11, Y11      \
	VADDPS       Y11, Y9, Y9        \
	VADDPS       Y9, Y8, Y8         \
	VANDPS       AB(A2_SIGN), Y0, Y0 \
	VXORPS       Y8, Y0, Y0

// func atan2F32AVX2(dst, y, x []float32)
TEXT ·atan2F32AVX2(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ y_base+24(FP), SI
	MOVQ y_len+32(FP), BX
	MOVQ x_base+48(FP), R9

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	VMOVUPS (R9), Y1
	ATAN2_32_256
	VMOVUPS Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, R9
	ADDQ    $32, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_Y13
	VMASKMOVPS (SI), Y13, Y0
	VMASKMOVPS (R9), Y13, Y1
	ATAN2_32_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
