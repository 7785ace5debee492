//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// Kernels of the trig family: the twins are in math_trig_scalar.go (atanF64,
// atan2F64, asinAcosF64, tanF64, tanF32), step
// by step; every branch there is a per-lane mask or blend here. arctan shares
// arctan2's selection (ATAN_PICK), division and polynomial macros.
// Table offsets (trigTab, 8 bytes each; trigTab4 copies 32).
#define T_ABS 0
#define T_INF 1
#define T_ONE 2
#define T_EIGHT 3
#define T_BIG 4
#define T_SMALL 5
#define T_DN 6
#define T_UP 7
#define T_T1 8
#define T_T3 9
#define T_T5 10
#define T_T7 11
#define T_C1H 12
#define T_C1L 13
#define T_PIO8H 14
#define T_PIO8L 15
#define T_SIGN 16
#define T_HALF 17
#define T_PIO2H 18
#define T_PIO2L 19
#define T_PIH 20
#define T_PIL 21
#define T_TWO 22
#define T_MTWO 23
#define T_MONE 24
#define T_TINY 25
#define T_ZERO 26
#define T_UTINY 27
#define T_CLAMP 28
#define T_ATAN64 30
#define T_ASIN64 45

#define TB(i) ·trigTab+8*(i)(SB)
#define T4(i) ·trigTab4+32*(i)(SB)

// ---- arctan, arctan2: AVX-512 ------------------------------------------------

#define ATAN_CONSTS_512 \
	VBROADCASTSD TB(T_ABS), Z16   \
	VBROADCASTSD TB(T_INF), Z17   \
	VBROADCASTSD TB(T_ONE), Z18   \
	VBROADCASTSD TB(T_EIGHT), Z19 \
	VBROADCASTSD TB(T_BIG), Z20   \
	VBROADCASTSD TB(T_SMALL), Z21 \
	VBROADCASTSD TB(T_DN), Z22    \
	VBROADCASTSD TB(T_UP), Z23    \
	VBROADCASTSD TB(T_T1), Z24    \
	VBROADCASTSD TB(T_T3), Z25    \
	VBROADCASTSD TB(T_T5), Z26    \
	VBROADCASTSD TB(T_T7), Z27    \
	VBROADCASTSD TB(T_C1H), Z28   \
	VBROADCASTSD TB(T_C1L), Z29   \
	VBROADCASTSD TB(T_PIO8H), Z30 \
	VBROADCASTSD TB(T_PIO8L), Z31

// From y in Z0, x in Z1: Z0 = sign bit of y, Z2 = ay, Z3 = ax sanitized
// (atanSanitize), K2-K6 = m1, m2, m3, m4, flip, Z6 = k, Z7 = ch, Z8 = cl
// (zero for float32), Z9 = Ah, Z11 = Bh (atanSelect). Clobbers Z4, K7.
#define ATAN_SANITIZE_512 \
	VANDPD       Z16, Z0, Z2        \ // ay
	VANDPD       Z16, Z1, Z3        \ // ax
	VANDPD.BCST  TB(T_SIGN), Z0, Z0 \
	VCMPPD       $0, Z17, Z2, K2    \ // iy
	VCMPPD       $0, Z17, Z3, K3    \ // ix
	VXORPD       Z4, Z4, Z4         \
	VMULPD       Z4, Z2, K3, Z2     \ // ix: ay*0
	VMOVAPD      Z18, K2, Z2        \ // iy: 1
	VMULPD       Z4, Z3, K2, Z3     \ // iy: ax*0
	VMOVAPD      Z18, K3, Z3        \ // ix: 1
	VPTESTNMQ    Z2, Z2, K4         \
	VPTESTNMQ    Z3, Z3, K4, K4     \
	VMOVAPD      Z18, K4, Z3

#define ATAN_SCALE_512 \
	VMAXPD       Z3, Z2, Z4         \
	VCMPPD       $0x1e, Z20, Z4, K4 \ // m > 2^500
	VCMPPD       $0x11, Z21, Z4, K5 \ // m < 2^-500
	VMULPD       Z22, Z2, K4, Z2    \
	VMULPD       Z22, Z3, K4, Z3    \
	VMULPD       Z23, Z2, K5, Z2    \
	VMULPD       Z23, Z3, K5, Z3

#define ATAN_CMP_512 \
	VMULPD       Z24, Z3, Z4        \
	VCMPPD       $0x1e, Z4, Z2, K2  \ // m1: ay > T1*ax
	VMULPD       Z25, Z3, Z4        \
	VCMPPD       $0x1e, Z4, Z2, K3  \ // m2
	VMULPD       Z26, Z3, Z4        \
	VCMPPD       $0x1e, Z4, Z2, K4  \ // m3
	VMULPD       Z27, Z3, Z4        \
	VCMPPD       $0x1e, Z4, Z2, K5  \ // m4
	VCMPPD       $0x1e, Z3, Z2, K6  // flip: ay > ax

#define ATAN_PICK_512 \
	VXORPD       Z6, Z6, Z6         \
	VADDPD       Z18, Z6, K2, Z6    \
	VADDPD       Z18, Z6, K3, Z6    \
	VADDPD       Z18, Z6, K4, Z6    \
	VADDPD       Z18, Z6, K5, Z6    \ // k
	KXORB        K2, K5, K7         \ // j >= 1
	KXORB        K3, K4, K2         \ // j == 2
	VXORPD       Z7, Z7, Z7         \
	VXORPD       Z8, Z8, Z8         \
	VMOVAPD      Z28, K7, Z7        \
	VMOVAPD      Z29, K7, Z8        \
	VMOVAPD      Z18, K2, Z7        \ // ch
	VXORPD       Z8, Z8, K2, Z8     \ // cl
	VMOVAPD      Z18, Z9            \
	VMOVAPD      Z7, K6, Z9         \ // Ah
	VMOVAPD      Z7, Z11            \
	VMOVAPD      Z18, K6, Z11

#define ATAN_SELECT_512 ATAN_CMP_512; ATAN_PICK_512

// Z0 = atan2(y, x) from ATAN_SANITIZE_512 + ATAN_SCALE_512 + ATAN_SELECT_512,
// x still in Z1. Clobbers Z1-Z15, K2.
#define ATAN_F64_512 \
	VXORPD       Z10, Z10, Z10      \
	VMOVAPD      Z8, K6, Z10        \ // Al
	VMOVAPD      Z8, Z12            \
	VXORPD       Z12, Z12, K6, Z12  \ // Bl
	VMULPD       Z9, Z2, Z13        \ // p = ay*Ah
	VMOVAPD      Z13, Z14           \
	VFMSUB231PD  Z9, Z2, Z14        \ // pl
	VMULPD       Z11, Z3, Z15       \ // q = ax*Bh
	VMOVAPD      Z15, Z4            \
	VFMSUB231PD  Z11, Z3, Z4        \ // ql
	VSUBPD       Z15, Z13, Z5       \ // nh = p - q
	VSUBPD       Z13, Z5, Z7        \ // bb
	VSUBPD       Z7, Z5, Z8         \
	VSUBPD       Z8, Z13, Z8        \
	VADDPD       Z7, Z15, Z7        \
	VSUBPD       Z7, Z8, Z8         \ // ne
	VSUBPD       Z4, Z14, Z14       \
	VADDPD       Z14, Z8, Z8        \
	VFNMADD231PD Z12, Z3, Z8        \
	VFMADD231PD  Z10, Z2, Z8        \ // nl
	VMULPD       Z11, Z2, Z13       \ // p = ay*Bh
	VMOVAPD      Z13, Z14           \
	VFMSUB231PD  Z11, Z2, Z14       \
	VMULPD       Z9, Z3, Z15        \ // q = ax*Ah
	VMOVAPD      Z15, Z4            \
	VFMSUB231PD  Z9, Z3, Z4         \
	VADDPD       Z15, Z13, Z7       \ // dh = p + q
	VSUBPD       Z13, Z7, Z9        \ // bb
	VSUBPD       Z9, Z7, Z11        \
	VSUBPD       Z11, Z13, Z11      \
	VSUBPD       Z9, Z15, Z9        \
	VADDPD       Z9, Z11, Z11       \ // de
	VADDPD       Z4, Z14, Z14       \
	VADDPD       Z14, Z11, Z11      \
	VFMADD231PD  Z10, Z3, Z11       \
	VFMADD231PD  Z12, Z2, Z11       \ // dl
	VPMOVQ2M     Z1, K2             \ // x < 0: pi - angle
	VXORPD.BCST  TB(T_SIGN), Z5, K2, Z5 \
	VXORPD.BCST  TB(T_SIGN), Z8, K2, Z8 \
	VSUBPD       Z6, Z19, K2, Z6    // k = 8 - k

// u + ul = (Z5 + Z8)/(Z7 + Z11) in Z3, Z4.
#define ATAN_DIV_512 \
	VDIVPD       Z7, Z18, Z2        \ // inv = 1/dh
	VMULPD       Z2, Z5, Z3         \ // u
	VMOVAPD      Z5, Z4             \
	VFNMADD231PD Z7, Z3, Z4         \ // r = nh - u*dh
	VFNMADD231PD Z11, Z3, Z8        \
	VADDPD       Z8, Z4, Z4         \
	VMULPD       Z2, Z4, Z4         // ul

// arctan2: u is the quotient itself (for tiny y/x it is the result).
#define ATAN2_DIV_512 \
	VDIVPD       Z7, Z18, Z2        \ // inv = 1/dh
	VDIVPD       Z7, Z5, Z3         \ // u = nh/dh, correctly rounded
	VMOVAPD      Z5, Z4             \
	VFNMADD231PD Z7, Z3, Z4         \ // r = nh - u*dh
	VFNMADD231PD Z11, Z3, Z8        \
	VADDPD       Z8, Z4, Z4         \
	VMULPD       Z2, Z4, Z4         // ul

#define ATAN_UTINY_512 \
	VANDPD       Z16, Z5, Z12       \
	VBROADCASTSD TB(T_UTINY), Z13   \
	VCMPPD       $0x11, Z13, Z12, K3 \
	VXORPD       Z4, Z4, K3, Z4     // |nh| < 2^-969: ul = 0

// Z0 = sign(Z0) * (k*pi/8 + atan(u + ul)), k in Z6.
#define ATAN_POLY_512 \
	VMULPD       Z3, Z3, Z9         \ // z
	VBROADCASTSD TB(T_ATAN64+0), Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+1), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+2), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+3), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+4), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+5), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+6), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+7), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+8), Z9, Z10 \
	VFMADD213PD.BCST TB(T_ATAN64+9), Z9, Z10 \
	VMOVAPD      Z4, Z12            \
	VFNMADD231PD Z9, Z4, Z12        \ // ul*(1-z)
	VMULPD       Z9, Z3, Z13        \
	VFMADD213PD  Z12, Z13, Z10      \ // small
	VMULPD       Z30, Z6, Z14       \ // jh
	VMOVAPD      Z14, Z15           \
	VFMSUB231PD  Z30, Z6, Z15       \
	VFMADD231PD  Z31, Z6, Z15       \ // jl
	VADDPD       Z3, Z14, Z2        \ // s = jh + u
	VSUBPD       Z14, Z2, Z4        \
	VSUBPD       Z4, Z3, Z4         \ // e
	VADDPD       Z10, Z15, Z15      \
	VADDPD       Z15, Z4, Z4        \
	VADDPD       Z4, Z2, Z2         \
	VXORPD       Z2, Z0, Z0

#define ATAN2_F64_512 ATAN_SANITIZE_512; ATAN_SCALE_512; ATAN_SELECT_512; ATAN_F64_512; ATAN2_DIV_512; ATAN_UTINY_512; ATAN_POLY_512

// arctan: the twin atanF64 (arctan2 with x = 1, |x| clamped to 2^60).
// From x in Z0: Z0 = sign of x, Z2 = a, K2-K6 = m1, m2, m3, m4, flip.
#define ATAN1_CMP_512 \
	VANDPD       Z16, Z0, Z2        \
	VANDPD.BCST  TB(T_SIGN), Z0, Z0 \
	VMINPD       Z2, Z20, Z2        \ // min(a, 2^60); NaN stays
	VCMPPD       $0x1e, Z24, Z2, K2 \
	VCMPPD       $0x1e, Z25, Z2, K3 \
	VCMPPD       $0x1e, Z26, Z2, K4 \
	VCMPPD       $0x1e, Z27, Z2, K5 \
	VCMPPD       $0x1e, Z18, Z2, K6

// num = a*A - B (exact) + nl, den = a*B + A (two-sum) + dl.
#define ATAN1_F64_512 \
	VXORPD       Z10, Z10, Z10      \
	VMOVAPD      Z8, K6, Z10        \ // Al
	VMOVAPD      Z8, Z12            \
	VXORPD       Z12, Z12, K6, Z12  \ // Bl
	VMULPD       Z9, Z2, Z13        \ // p = a*Ah
	VMOVAPD      Z13, Z14           \
	VFMSUB231PD  Z9, Z2, Z14        \ // pl
	VSUBPD       Z11, Z13, Z5       \ // nh = p - Bh
	VSUBPD       Z12, Z14, Z8       \
	VFMADD231PD  Z10, Z2, Z8        \ // nl = a*Al + (pl - Bl)
	VMULPD       Z11, Z2, Z13       \ // q = a*Bh
	VMOVAPD      Z13, Z14           \
	VFMSUB231PD  Z11, Z2, Z14       \ // ql
	VADDPD       Z9, Z13, Z7        \ // dh = q + Ah
	VSUBPD       Z13, Z7, Z15       \ // bb
	VSUBPD       Z15, Z7, Z4        \
	VSUBPD       Z4, Z13, Z4        \
	VSUBPD       Z15, Z9, Z15       \
	VADDPD       Z15, Z4, Z4        \ // de
	VADDPD       Z14, Z4, Z4        \
	VFMADD231PD  Z12, Z2, Z4        \
	VADDPD       Z10, Z4, Z11       // dl

#define ATAN_F64_512_ ATAN1_CMP_512; ATAN_PICK_512; ATAN1_F64_512; ATAN_DIV_512; ATAN_POLY_512


// func atanF64AVX512(dst, x []float64)
TEXT ·atanF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	ATAN_CONSTS_512
	VBROADCASTSD TB(T_CLAMP), Z20

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	ATAN_F64_512_
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
	ATAN_F64_512_
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func atan2F64AVX512(dst, y, x []float64)
TEXT ·atan2F64AVX512(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ y_base+24(FP), SI
	MOVQ y_len+32(FP), BX
	MOVQ x_base+48(FP), R9
	ATAN_CONSTS_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	VMOVUPD (R9), Z1
	ATAN2_F64_512
	VMOVUPD Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, R9
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	VMOVUPD.Z (R9), K1, Z1
	ATAN2_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- arctan, arctan2: AVX2 ---------------------------------------------------

// From y in Y0, x in Y1: Y0 = sign bit of y, Y2 = ay, Y3 = ax sanitized and
// (float64) scaled, Y9 = k, Y6 = ch, Y7 = cl, Y8 = flip mask, Y10 = Ah,
// Y12 = Bh. Clobbers Y4, Y5.
#define ATAN_SANITIZE_256 \
	VANDPD       T4(T_ABS), Y0, Y2    \
	VANDPD       T4(T_ABS), Y1, Y3    \
	VANDPD       T4(T_SIGN), Y0, Y0   \
	VCMPPD       $0, T4(T_INF), Y2, Y4 \ // iy
	VCMPPD       $0, T4(T_INF), Y3, Y5 \ // ix
	VXORPD       Y6, Y6, Y6           \
	VMULPD       Y6, Y2, Y7           \
	VBLENDVPD    Y5, Y7, Y2, Y2       \ // ix: ay*0
	VBLENDVPD    Y4, T4(T_ONE), Y2, Y2 \ // iy: 1
	VMULPD       Y6, Y3, Y7           \
	VBLENDVPD    Y4, Y7, Y3, Y3       \ // iy: ax*0
	VBLENDVPD    Y5, T4(T_ONE), Y3, Y3 \ // ix: 1
	VCMPPD       $0, Y6, Y2, Y4       \
	VCMPPD       $0, Y6, Y3, Y5       \
	VANDPD       Y5, Y4, Y4           \
	VBLENDVPD    Y4, T4(T_ONE), Y3, Y3

#define ATAN_SCALE_256 \
	VMAXPD       Y3, Y2, Y4           \
	VCMPPD       $0x1e, T4(T_BIG), Y4, Y5 \
	VCMPPD       $0x11, T4(T_SMALL), Y4, Y4 \
	VMOVUPD      T4(T_ONE), Y6        \
	VBLENDVPD    Y5, T4(T_DN), Y6, Y6 \
	VBLENDVPD    Y4, T4(T_UP), Y6, Y6 \
	VMULPD       Y6, Y2, Y2           \
	VMULPD       Y6, Y3, Y3

#define ATAN_CMP_256 \
	VMULPD       T4(T_T1), Y3, Y4     \
	VCMPPD       $0x1e, Y4, Y2, Y4    \ // m1
	VMULPD       T4(T_T3), Y3, Y5     \
	VCMPPD       $0x1e, Y5, Y2, Y5    \ // m2
	VMULPD       T4(T_T5), Y3, Y6     \
	VCMPPD       $0x1e, Y6, Y2, Y6    \ // m3
	VMULPD       T4(T_T7), Y3, Y7     \
	VCMPPD       $0x1e, Y7, Y2, Y7    \ // m4
	VCMPPD       $0x1e, Y3, Y2, Y8    // flip

#define ATAN_PICK_256 \
	VANDPD       T4(T_ONE), Y4, Y9    \
	VANDPD       T4(T_ONE), Y5, Y10   \
	VADDPD       Y10, Y9, Y9          \
	VANDPD       T4(T_ONE), Y6, Y10   \
	VADDPD       Y10, Y9, Y9          \
	VANDPD       T4(T_ONE), Y7, Y10   \
	VADDPD       Y10, Y9, Y9          \ // k
	VXORPD       Y7, Y4, Y4           \ // j >= 1
	VXORPD       Y6, Y5, Y5           \ // j == 2
	VANDPD       T4(T_C1H), Y4, Y6    \
	VBLENDVPD    Y5, T4(T_ONE), Y6, Y6 \ // ch
	VANDPD       T4(T_C1L), Y4, Y7    \
	VANDNPD      Y7, Y5, Y7           \ // cl
	VMOVUPD      T4(T_ONE), Y10       \
	VBLENDVPD    Y8, Y6, Y10, Y10     \ // Ah
	VBLENDVPD    Y8, T4(T_ONE), Y6, Y12

#define ATAN_SELECT_256 ATAN_CMP_256; ATAN_PICK_256

#define ATAN_F64_256 \
	VANDPD       Y7, Y8, Y11          \ // Al
	VANDNPD      Y7, Y8, Y13          \ // Bl
	VMULPD       Y10, Y2, Y4          \ // p = ay*Ah
	VMOVAPD      Y4, Y5               \
	VFMSUB231PD  Y10, Y2, Y5          \ // pl
	VMULPD       Y12, Y3, Y6          \ // q = ax*Bh
	VMOVAPD      Y6, Y7               \
	VFMSUB231PD  Y12, Y3, Y7          \ // ql
	VSUBPD       Y7, Y5, Y5           \ // pl - ql
	VSUBPD       Y6, Y4, Y8           \ // nh
	VSUBPD       Y4, Y8, Y7           \ // bb
	VSUBPD       Y7, Y8, Y14          \
	VSUBPD       Y14, Y4, Y14         \
	VADDPD       Y7, Y6, Y7           \
	VSUBPD       Y7, Y14, Y14         \ // ne
	VADDPD       Y5, Y14, Y14         \
	VFNMADD231PD Y13, Y3, Y14         \
	VFMADD231PD  Y11, Y2, Y14         \ // nl
	VMULPD       Y12, Y2, Y4          \ // p = ay*Bh
	VMOVAPD      Y4, Y5               \
	VFMSUB231PD  Y12, Y2, Y5          \
	VMULPD       Y10, Y3, Y6          \ // q = ax*Ah
	VMOVAPD      Y6, Y7               \
	VFMSUB231PD  Y10, Y3, Y7          \
	VADDPD       Y7, Y5, Y5           \ // pl + ql
	VADDPD       Y6, Y4, Y15          \ // dh
	VSUBPD       Y4, Y15, Y7          \ // bb
	VSUBPD       Y7, Y15, Y10         \
	VSUBPD       Y10, Y4, Y10         \
	VSUBPD       Y7, Y6, Y7           \
	VADDPD       Y7, Y10, Y10         \ // de
	VADDPD       Y5, Y10, Y10         \
	VFMADD231PD  Y11, Y3, Y10         \
	VFMADD231PD  Y13, Y2, Y10         \ // dl
	VANDPD       T4(T_SIGN), Y1, Y2   \ // x < 0: pi - angle
	VXORPD       Y2, Y8, Y8           \
	VXORPD       Y2, Y14, Y14         \
	VMOVUPD      T4(T_EIGHT), Y3      \
	VSUBPD       Y9, Y3, Y3           \
	VBLENDVPD    Y1, Y3, Y9, Y9

// u + ul = (Y8 + Y14)/(Y15 + Y10) in Y2, Y3.
#define ATAN_DIV_256 \
	VMOVUPD      T4(T_ONE), Y1        \
	VDIVPD       Y15, Y1, Y1          \ // inv
	VMULPD       Y1, Y8, Y2           \ // u
	VMOVAPD      Y8, Y3               \
	VFNMADD231PD Y15, Y2, Y3          \ // r
	VFNMADD231PD Y10, Y2, Y14         \
	VADDPD       Y14, Y3, Y3          \
	VMULPD       Y1, Y3, Y3           // ul

#define ATAN2_DIV_256 \
	VMOVUPD      T4(T_ONE), Y1        \
	VDIVPD       Y15, Y1, Y1          \ // inv
	VDIVPD       Y15, Y8, Y2          \ // u = nh/dh
	VMOVAPD      Y8, Y3               \
	VFNMADD231PD Y15, Y2, Y3          \ // r
	VFNMADD231PD Y10, Y2, Y14         \
	VADDPD       Y14, Y3, Y3          \
	VMULPD       Y1, Y3, Y3           // ul

#define ATAN_UTINY_256 \
	VANDPD       T4(T_ABS), Y8, Y5    \
	VCMPPD       $0x11, T4(T_UTINY), Y5, Y5 \
	VANDNPD      Y3, Y5, Y3           // |nh| < 2^-969: ul = 0

#define ATAN_POLY_256 \
	VMULPD       Y2, Y2, Y4           \ // z
	VMOVUPD      T4(T_ATAN64+0), Y5   \
	VFMADD213PD  T4(T_ATAN64+1), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+2), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+3), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+4), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+5), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+6), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+7), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+8), Y4, Y5 \
	VFMADD213PD  T4(T_ATAN64+9), Y4, Y5 \
	VMOVAPD      Y3, Y6               \
	VFNMADD231PD Y4, Y3, Y6           \
	VMULPD       Y4, Y2, Y7           \
	VFMADD213PD  Y6, Y7, Y5           \ // small
	VMULPD       T4(T_PIO8H), Y9, Y6  \ // jh
	VMOVAPD      Y6, Y7               \
	VFMSUB231PD  T4(T_PIO8H), Y9, Y7  \
	VFMADD231PD  T4(T_PIO8L), Y9, Y7  \ // jl
	VADDPD       Y2, Y6, Y8           \ // s
	VSUBPD       Y6, Y8, Y10          \
	VSUBPD       Y10, Y2, Y10         \ // e
	VADDPD       Y5, Y7, Y7           \
	VADDPD       Y7, Y10, Y10         \
	VADDPD       Y10, Y8, Y8          \
	VXORPD       Y8, Y0, Y0

#define ATAN2_F64_256 ATAN_SANITIZE_256; ATAN_SCALE_256; ATAN_SELECT_256; ATAN_F64_256; ATAN2_DIV_256; ATAN_UTINY_256; ATAN_POLY_256

// arctan (x = 1): Y0 = sign of x, Y2 = a, Y4-Y8 = m1, m2, m3, m4, flip.
#define ATAN1_CMP_256 \
	VANDPD       T4(T_ABS), Y0, Y2    \
	VANDPD       T4(T_SIGN), Y0, Y0   \
	VMOVUPD      T4(T_CLAMP), Y3      \
	VMINPD       Y2, Y3, Y2           \
	VCMPPD       $0x1e, T4(T_T1), Y2, Y4 \
	VCMPPD       $0x1e, T4(T_T3), Y2, Y5 \
	VCMPPD       $0x1e, T4(T_T5), Y2, Y6 \
	VCMPPD       $0x1e, T4(T_T7), Y2, Y7 \
	VCMPPD       $0x1e, T4(T_ONE), Y2, Y8

#define ATAN1_F64_256 \
	VANDPD       Y7, Y8, Y11          \ // Al
	VANDNPD      Y7, Y8, Y13          \ // Bl
	VMULPD       Y10, Y2, Y4          \ // p
	VMOVAPD      Y4, Y5               \
	VFMSUB231PD  Y10, Y2, Y5          \ // pl
	VSUBPD       Y12, Y4, Y8          \ // nh
	VSUBPD       Y13, Y5, Y14         \
	VFMADD231PD  Y11, Y2, Y14         \ // nl
	VMULPD       Y12, Y2, Y4          \ // q
	VMOVAPD      Y4, Y5               \
	VFMSUB231PD  Y12, Y2, Y5          \ // ql
	VADDPD       Y10, Y4, Y15         \ // dh
	VSUBPD       Y4, Y15, Y6          \
	VSUBPD       Y6, Y15, Y7          \
	VSUBPD       Y7, Y4, Y7           \
	VSUBPD       Y6, Y10, Y6          \
	VADDPD       Y6, Y7, Y7           \ // de
	VADDPD       Y5, Y7, Y7           \
	VFMADD231PD  Y13, Y2, Y7          \
	VADDPD       Y11, Y7, Y10         // dl

#define ATAN_F64_256_ ATAN1_CMP_256; ATAN_PICK_256; ATAN1_F64_256; ATAN_DIV_256; ATAN_POLY_256


// func atanF64AVX2(dst, x []float64)
TEXT ·atanF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	ATAN_F64_256_
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
	ATAN_F64_256_
	TAILMASK_Y13_F64
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func atan2F64AVX2(dst, y, x []float64)
TEXT ·atan2F64AVX2(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ y_base+24(FP), SI
	MOVQ y_len+32(FP), BX
	MOVQ x_base+48(FP), R9

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	VMOVUPD (R9), Y1
	ATAN2_F64_256
	VMOVUPD Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, R9
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	VMASKMOVPD (R9), Y13, Y1
	ATAN2_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// ---- arcsin, arccos: AVX-512 -------------------------------------------------

#define ASIN_CONSTS_512 \
	VBROADCASTSD TB(T_ABS), Z16   \
	VBROADCASTSD TB(T_HALF), Z17  \
	VBROADCASTSD TB(T_ONE), Z18   \
	VBROADCASTSD TB(T_TINY), Z19  \
	VBROADCASTSD TB(T_PIO2H), Z20 \
	VBROADCASTSD TB(T_PIO2L), Z21 \
	VBROADCASTSD TB(T_PIH), Z22   \
	VBROADCASTSD TB(T_PIL), Z23   \
	VBROADCASTSD TB(T_TWO), Z24   \
	VBROADCASTSD TB(T_MTWO), Z25  \
	VBROADCASTSD TB(T_MONE), Z26

// From x in Z0: K2 = small lanes (|x| <= 1/2), Z3 = w, Z7 = wl + w*z*P(z).
// Clobbers Z1-Z8.
#define ASIN_CORE_F64_512 \
	VANDPD       Z16, Z0, Z1        \ // a
	VCMPPD       $0x12, Z17, Z1, K2 \ // a <= 1/2
	VSUBPD       Z1, Z18, Z2        \
	VMULPD       Z17, Z2, Z2        \ // z = (1-a)/2
	VSQRTPD      Z2, Z3             \ // sq
	VMOVAPD      Z2, Z4             \
	VFNMADD231PD Z3, Z3, Z4         \ // d = z - sq*sq
	VADDPD       Z3, Z3, Z5         \
	VMAXPD       Z5, Z19, Z5        \ // den = max(2sq, 2^-60)
	VDIVPD       Z5, Z4, Z6         \ // wl
	VMULPD       Z1, Z1, K2, Z2     \ // small: z = a*a
	VMOVAPD      Z1, K2, Z3         \ // w = a
	VXORPD       Z6, Z6, K2, Z6     \ // wl = 0
	VBROADCASTSD TB(T_ASIN64+0), Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+1), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+2), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+3), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+4), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+5), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+6), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+7), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+8), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+9), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+10), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+11), Z2, Z7 \
	VFMADD213PD.BCST TB(T_ASIN64+12), Z2, Z7 \
	VMULPD       Z2, Z3, Z8         \
	VFMADD213PD  Z6, Z8, Z7

// K (Z9 hi, Z10 lo) and sigma (Z11): asin: (0, 1) small, (pi/2, -2) else.
#define ASIN_SEL_512 \
	VMOVAPD      Z20, Z9            \
	VXORPD       Z9, Z9, K2, Z9     \
	VMOVAPD      Z21, Z10           \
	VXORPD       Z10, Z10, K2, Z10  \
	VMOVAPD      Z25, Z11           \
	VMOVAPD      Z18, K2, Z11

// acos: (pi/2, -1 or 1 for x < 0) small, (pi, -2) for x < -1/2, (0, 2) for x > 1/2.
#define ACOS_SEL_512 \
	VPMOVQ2M     Z0, K3             \
	VXORPD       Z9, Z9, Z9         \
	VMOVAPD      Z22, K3, Z9        \
	VMOVAPD      Z20, K2, Z9        \
	VXORPD       Z10, Z10, Z10      \
	VMOVAPD      Z23, K3, Z10       \
	VMOVAPD      Z21, K2, Z10       \
	VMOVAPD      Z24, Z11           \
	VMOVAPD      Z25, K3, Z11       \
	VMOVAPD      Z26, K2, Z11       \
	KANDB        K2, K3, K4         \
	VMOVAPD      Z18, K4, Z11

// Z13 = K + sigma*(w + corr): K + sigma*w exactly, rounded once.
#define ASIN_FIN_F64_512 \
	VMULPD       Z3, Z11, Z12       \ // sw
	VADDPD       Z12, Z9, Z13       \ // s
	VSUBPD       Z9, Z13, Z14       \
	VSUBPD       Z14, Z12, Z14      \ // e
	VFMADD231PD  Z11, Z7, Z10       \ // kl + sigma*corr
	VADDPD       Z10, Z14, Z14      \
	VADDPD       Z14, Z13, Z13

#define ASIN_SIGN_512 \
	VANDPD.BCST  TB(T_SIGN), Z0, Z0 \
	VXORPD       Z13, Z0, Z0

#define ASIN_F64_512 ASIN_CORE_F64_512; ASIN_SEL_512; ASIN_FIN_F64_512; ASIN_SIGN_512
#define ACOS_F64_512 ASIN_CORE_F64_512; ACOS_SEL_512; ASIN_FIN_F64_512; VMOVAPD Z13, Z0

// ---- arcsin, arccos: AVX2 ----------------------------------------------------

// From x in Y0: Y15 = small mask, Y3 = w, Y7 = wl + w*z*P(z). Clobbers Y1-Y8.
#define ASIN_CORE_F64_256 \
	VANDPD       T4(T_ABS), Y0, Y1  \
	VCMPPD       $0x12, T4(T_HALF), Y1, Y15 \
	VMOVUPD      T4(T_ONE), Y2      \
	VSUBPD       Y1, Y2, Y2         \
	VMULPD       T4(T_HALF), Y2, Y2 \ // z
	VSQRTPD      Y2, Y3             \
	VMOVAPD      Y2, Y4             \
	VFNMADD231PD Y3, Y3, Y4         \ // d
	VADDPD       Y3, Y3, Y5         \
	VMOVUPD      T4(T_TINY), Y6     \
	VMAXPD       Y5, Y6, Y5         \
	VDIVPD       Y5, Y4, Y6         \ // wl
	VMULPD       Y1, Y1, Y7         \
	VBLENDVPD    Y15, Y7, Y2, Y2    \
	VBLENDVPD    Y15, Y1, Y3, Y3    \
	VANDNPD      Y6, Y15, Y6        \
	VMOVUPD      T4(T_ASIN64+0), Y7 \
	VFMADD213PD  T4(T_ASIN64+1), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+2), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+3), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+4), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+5), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+6), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+7), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+8), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+9), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+10), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+11), Y2, Y7 \
	VFMADD213PD  T4(T_ASIN64+12), Y2, Y7 \
	VMULPD       Y2, Y3, Y8         \
	VFMADD213PD  Y6, Y8, Y7

#define ASIN_SEL_256 \
	VANDNPD      T4(T_PIO2H), Y15, Y9 \
	VANDNPD      T4(T_PIO2L), Y15, Y10 \
	VMOVUPD      T4(T_MTWO), Y11    \
	VBLENDVPD    Y15, T4(T_ONE), Y11, Y11

#define ACOS_SEL_256 \
	VXORPD       Y9, Y9, Y9         \
	VBLENDVPD    Y0, T4(T_PIH), Y9, Y9 \
	VBLENDVPD    Y15, T4(T_PIO2H), Y9, Y9 \
	VXORPD       Y10, Y10, Y10      \
	VBLENDVPD    Y0, T4(T_PIL), Y10, Y10 \
	VBLENDVPD    Y15, T4(T_PIO2L), Y10, Y10 \
	VMOVUPD      T4(T_TWO), Y11     \
	VBLENDVPD    Y0, T4(T_MTWO), Y11, Y11 \
	VMOVUPD      T4(T_MONE), Y12    \
	VBLENDVPD    Y0, T4(T_ONE), Y12, Y12 \
	VBLENDVPD    Y15, Y12, Y11, Y11

#define ASIN_FIN_F64_256 \
	VMULPD       Y3, Y11, Y12       \
	VADDPD       Y12, Y9, Y13       \
	VSUBPD       Y9, Y13, Y14       \
	VSUBPD       Y14, Y12, Y14      \
	VFMADD231PD  Y11, Y7, Y10       \
	VADDPD       Y10, Y14, Y14      \
	VADDPD       Y14, Y13, Y13

#define ASIN_SIGN_256 \
	VANDPD       T4(T_SIGN), Y0, Y0 \
	VXORPD       Y13, Y0, Y0

#define ASIN_F64_256 ASIN_CORE_F64_256; ASIN_SEL_256; ASIN_FIN_F64_256; ASIN_SIGN_256
#define ACOS_F64_256 ASIN_CORE_F64_256; ACOS_SEL_256; ASIN_FIN_F64_256; VMOVAPD Y13, Y0

// func asinF64AVX512(dst, x []float64)
TEXT ·asinF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	ASIN_CONSTS_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	ASIN_F64_512
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
	ASIN_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func acosF64AVX512(dst, x []float64)
TEXT ·acosF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	ASIN_CONSTS_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	ACOS_F64_512
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
	ACOS_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func asinF64AVX2(dst, x []float64)
TEXT ·asinF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	ASIN_F64_256
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
	ASIN_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func acosF64AVX2(dst, x []float64)
TEXT ·acosF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	ACOS_F64_256
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
	ACOS_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// ---- tan ---------------------------------------------------------------------
// The reduction and the sin/cos polynomials are those of math_sincos_amd64.s
// (trigReduceCW, sinCosPairs), with the sine's low part kept apart.

#define T_TMAX64 64
#define T_2PI 65
#define T_PC1 66
#define T_PC2 67
#define T_PC3 68
#define T_MAGIC 69
#define T_MHALF 70
#define T_TMAX32 71
#define T_INT1 72
#define T_SIN64 73
#define T_COS64 79
#define T_SIN32 85
#define T_COS32 89

#define TAN_CONSTS_512(max) \
	VBROADCASTSD TB(T_ABS), Z16   \
	VBROADCASTSD TB(max), Z17     \
	VBROADCASTSD TB(T_2PI), Z18   \
	VBROADCASTSD TB(T_PC1), Z19   \
	VBROADCASTSD TB(T_PC2), Z20   \
	VBROADCASTSD TB(T_PC3), Z21   \
	VBROADCASTSD TB(T_ONE), Z22   \
	VBROADCASTSD TB(T_HALF), Z23  \
	VBROADCASTSD TB(T_MHALF), Z24 \
	VBROADCASTSD TB(T_MAGIC), Z25 \
	VBROADCASTSD TB(T_INT1), Z26  \
	VBROADCASTSD TB(T_SIGN), Z27

// From x in Z0, ax in Z1: Z0 = tan(x). Clobbers Z1-Z15, K3.
#define TAN_F64_512 \
	VMULPD       Z18, Z1, Z2        \
	VRNDSCALEPD  $0, Z2, Z2         \ // q
	VMOVAPD      Z1, Z3             \
	VFNMADD231PD Z19, Z2, Z3        \ // r1 = ax - q*C1 (exact)
	VMULPD       Z20, Z2, Z4        \ // ph
	VMOVAPD      Z4, Z5             \
	VFMSUB231PD  Z20, Z2, Z5        \ // pl
	VSUBPD       Z4, Z3, Z6         \ // s = r1 - ph
	VSUBPD       Z3, Z6, Z7         \
	VSUBPD       Z7, Z6, Z8         \
	VSUBPD       Z8, Z3, Z8         \
	VADDPD       Z7, Z4, Z9         \
	VSUBPD       Z9, Z8, Z8         \ // e
	VSUBPD       Z5, Z8, Z8         \
	VFNMADD231PD Z21, Z2, Z8        \ // lo
	VADDPD       Z8, Z6, Z9         \ // hi
	VSUBPD       Z6, Z9, Z12        \
	VSUBPD       Z12, Z8, Z8        \ // lo
	VMULPD       Z9, Z9, Z10        \ // y
	VBROADCASTSD TB(T_SIN64+0), Z11 \
	VFMADD213PD.BCST TB(T_SIN64+1), Z10, Z11 \
	VFMADD213PD.BCST TB(T_SIN64+2), Z10, Z11 \
	VFMADD213PD.BCST TB(T_SIN64+3), Z10, Z11 \
	VFMADD213PD.BCST TB(T_SIN64+4), Z10, Z11 \
	VFMADD213PD.BCST TB(T_SIN64+5), Z10, Z11 \
	VMULPD       Z24, Z10, Z12      \
	VMOVAPD      Z8, Z13            \
	VFMADD231PD  Z12, Z8, Z13       \ // lo*(1 - y/2)
	VMULPD       Z10, Z9, Z14       \
	VFMADD213PD  Z13, Z14, Z11      \ // sl
	VBROADCASTSD TB(T_COS64+0), Z15 \
	VFMADD213PD.BCST TB(T_COS64+1), Z10, Z15 \
	VFMADD213PD.BCST TB(T_COS64+2), Z10, Z15 \
	VFMADD213PD.BCST TB(T_COS64+3), Z10, Z15 \
	VFMADD213PD.BCST TB(T_COS64+4), Z10, Z15 \
	VFMADD213PD.BCST TB(T_COS64+5), Z10, Z15 \
	VMULPD       Z23, Z10, Z12      \ // hy
	VSUBPD       Z12, Z22, Z13      \ // ch = 1 - hy
	VSUBPD       Z13, Z22, Z14      \
	VSUBPD       Z12, Z14, Z14      \
	VMOVAPD      Z10, Z5            \
	VFMSUB231PD  Z9, Z9, Z5         \
	VMULPD       Z23, Z5, Z5        \
	VFMADD231PD  Z8, Z9, Z5         \ // u
	VMULPD       Z10, Z10, Z6       \
	VFMSUB213PD  Z5, Z6, Z15        \
	VADDPD       Z15, Z14, Z14      \ // cl
	VADDPD       Z11, Z9, Z3        \ // s
	VSUBPD       Z9, Z3, Z4         \
	VSUBPD       Z4, Z11, Z11       \ // sl
	VADDPD       Z14, Z13, Z5       \ // c
	VSUBPD       Z13, Z5, Z6        \
	VSUBPD       Z6, Z14, Z14       \ // cl
	VADDPD       Z25, Z2, Z2        \
	VPTESTMQ     Z26, Z2, K3        \ // q odd: -c/s
	VMOVAPD      Z3, Z7             \
	VMOVAPD      Z5, K3, Z7         \ // nh
	VMOVAPD      Z11, Z8            \
	VMOVAPD      Z14, K3, Z8        \ // nl
	VMOVAPD      Z5, Z9             \
	VMOVAPD      Z3, K3, Z9         \ // dh
	VMOVAPD      Z14, Z10           \
	VMOVAPD      Z11, K3, Z10       \ // dl
	VDIVPD       Z9, Z22, Z12       \ // inv
	VMULPD       Z12, Z7, Z13       \ // t
	VMOVAPD      Z7, Z4             \
	VFNMADD231PD Z9, Z13, Z4        \
	VFNMADD231PD Z10, Z13, Z8       \
	VADDPD       Z8, Z4, Z4         \
	VMULPD       Z12, Z4, Z4        \ // tl
	VADDPD       Z4, Z13, Z13       \
	VPSLLQ       $63, Z2, Z2        \
	VPANDQ       Z27, Z0, Z0        \
	VPXORQ       Z2, Z0, Z0         \
	VPXORQ       Z13, Z0, Z0

#define TAN_F32_512 \
	VMULPD       Z18, Z1, Z2        \
	VRNDSCALEPD  $0, Z2, Z2         \
	VMOVAPD      Z1, Z3             \
	VFNMADD231PD Z19, Z2, Z3        \
	VFNMADD231PD Z20, Z2, Z3        \ // r
	VMULPD       Z3, Z3, Z10        \
	VBROADCASTSD TB(T_SIN32+0), Z11 \
	VFMADD213PD.BCST TB(T_SIN32+1), Z10, Z11 \
	VFMADD213PD.BCST TB(T_SIN32+2), Z10, Z11 \
	VFMADD213PD.BCST TB(T_SIN32+3), Z10, Z11 \
	VMULPD       Z10, Z3, Z14       \
	VFMADD213PD  Z3, Z14, Z11       \ // sin(r)
	VBROADCASTSD TB(T_COS32+0), Z13 \
	VFMADD213PD.BCST TB(T_COS32+1), Z10, Z13 \
	VFMADD213PD.BCST TB(T_COS32+2), Z10, Z13 \
	VFMADD213PD.BCST TB(T_COS32+3), Z10, Z13 \
	VFMADD213PD  Z24, Z10, Z13      \
	VFMADD213PD  Z22, Z10, Z13      \ // cos(r)
	VADDPD       Z25, Z2, Z2        \
	VPTESTMQ     Z26, Z2, K3        \
	VMOVAPD      Z11, Z7            \
	VMOVAPD      Z13, K3, Z7        \
	VMOVAPD      Z13, Z9            \
	VMOVAPD      Z11, K3, Z9        \
	VDIVPD       Z9, Z7, Z13        \
	VPSLLQ       $63, Z2, Z2        \
	VPANDQ       Z27, Z0, Z0        \
	VPXORQ       Z2, Z0, Z0         \
	VPXORQ       Z13, Z0, Z0

// func tanF64AVX512(dst, x []float64) (done int)
TEXT ·tanF64AVX512(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	TAN_CONSTS_512(T_TMAX64)

loop:
	CMPQ     BX, $8
	JLT      tail
	VMOVUPD  (SI), Z0
	VANDPD   Z16, Z0, Z1
	VCMPPD   $0x1e, Z17, Z1, K2
	KORTESTB K2, K2
	JNE      big
	TAN_F64_512
	VMOVUPD  Z0, (DI)
	ADDQ     $64, SI
	ADDQ     $64, DI
	SUBQ     $8, BX
	JMP      loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	VANDPD    Z16, Z0, Z1
	VCMPPD    $0x1e, Z17, Z1, K2
	KORTESTB  K2, K2
	JNE       big
	TAN_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	MOVQ x_len+32(FP), AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

big:
	MOVQ x_len+32(FP), AX
	SUBQ BX, AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

// func tanF32AVX512(dst, x []float32) (done int)
TEXT ·tanF32AVX512(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	TAN_CONSTS_512(T_TMAX32)

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	VANDPD    Z16, Z0, Z1
	VCMPPD    $0x1e, Z17, Z1, K2
	KORTESTB  K2, K2
	JNE       big
	TAN_F32_512
	VCVTPD2PS Z0, Y0
	VMOVUPS   Y0, (DI)
	ADDQ      $32, SI
	ADDQ      $32, DI
	SUBQ      $8, BX
	JMP       loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPS.Z (SI), K1, Y0
	VCVTPS2PD Y0, Z0
	VANDPD    Z16, Z0, Z1
	VCMPPD    $0x1e, Z17, Z1, K2
	KORTESTB  K2, K2
	JNE       big
	TAN_F32_512
	VCVTPD2PS Z0, Y0
	VMOVUPS   Y0, K1, (DI)

done:
	MOVQ x_len+32(FP), AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

big:
	MOVQ x_len+32(FP), AX
	SUBQ BX, AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

// From x in Y0, ax in Y1: Y0 = tan(x). Clobbers Y1-Y15.
#define TAN_F64_256 \
	VMULPD       T4(T_2PI), Y1, Y2  \
	VROUNDPD     $0, Y2, Y2         \
	VMOVAPD      Y1, Y3             \
	VFNMADD231PD T4(T_PC1), Y2, Y3  \
	VMULPD       T4(T_PC2), Y2, Y4  \
	VMOVAPD      Y4, Y5             \
	VFMSUB231PD  T4(T_PC2), Y2, Y5  \
	VSUBPD       Y4, Y3, Y6         \
	VSUBPD       Y3, Y6, Y7         \
	VSUBPD       Y7, Y6, Y8         \
	VSUBPD       Y8, Y3, Y8         \
	VADDPD       Y7, Y4, Y9         \
	VSUBPD       Y9, Y8, Y8         \
	VSUBPD       Y5, Y8, Y8         \
	VFNMADD231PD T4(T_PC3), Y2, Y8  \
	VADDPD       Y8, Y6, Y9         \ // hi
	VSUBPD       Y6, Y9, Y12        \
	VSUBPD       Y12, Y8, Y8        \ // lo
	VMULPD       Y9, Y9, Y10        \ // y
	VMOVUPD      T4(T_SIN64+0), Y11 \
	VFMADD213PD  T4(T_SIN64+1), Y10, Y11 \
	VFMADD213PD  T4(T_SIN64+2), Y10, Y11 \
	VFMADD213PD  T4(T_SIN64+3), Y10, Y11 \
	VFMADD213PD  T4(T_SIN64+4), Y10, Y11 \
	VFMADD213PD  T4(T_SIN64+5), Y10, Y11 \
	VMULPD       T4(T_MHALF), Y10, Y12 \
	VMOVAPD      Y8, Y13            \
	VFMADD231PD  Y12, Y8, Y13       \
	VMULPD       Y10, Y9, Y14       \
	VFMADD213PD  Y13, Y14, Y11      \ // sl
	VMOVUPD      T4(T_COS64+0), Y15 \
	VFMADD213PD  T4(T_COS64+1), Y10, Y15 \
	VFMADD213PD  T4(T_COS64+2), Y10, Y15 \
	VFMADD213PD  T4(T_COS64+3), Y10, Y15 \
	VFMADD213PD  T4(T_COS64+4), Y10, Y15 \
	VFMADD213PD  T4(T_COS64+5), Y10, Y15 \
	VMULPD       T4(T_HALF), Y10, Y12 \
	VMOVUPD      T4(T_ONE), Y1      \
	VSUBPD       Y12, Y1, Y13       \ // ch
	VSUBPD       Y13, Y1, Y14       \
	VSUBPD       Y12, Y14, Y14      \
	VMOVAPD      Y10, Y5            \
	VFMSUB231PD  Y9, Y9, Y5         \
	VMULPD       T4(T_HALF), Y5, Y5 \
	VFMADD231PD  Y8, Y9, Y5         \
	VMULPD       Y10, Y10, Y6       \
	VFMSUB213PD  Y5, Y6, Y15        \
	VADDPD       Y15, Y14, Y14      \ // cl
	VADDPD       Y11, Y9, Y3        \ // s
	VSUBPD       Y9, Y3, Y4         \
	VSUBPD       Y4, Y11, Y11       \
	VADDPD       Y14, Y13, Y5       \ // c
	VSUBPD       Y13, Y5, Y6        \
	VSUBPD       Y6, Y14, Y14       \
	VADDPD       T4(T_MAGIC), Y2, Y2 \
	VPSLLQ       $63, Y2, Y2        \ // q odd
	VBLENDVPD    Y2, Y5, Y3, Y7     \ // nh
	VBLENDVPD    Y2, Y14, Y11, Y8   \ // nl
	VBLENDVPD    Y2, Y3, Y5, Y9     \ // dh
	VBLENDVPD    Y2, Y11, Y14, Y10  \ // dl
	VDIVPD       Y9, Y1, Y12        \
	VMULPD       Y12, Y7, Y13       \ // t
	VMOVAPD      Y7, Y4             \
	VFNMADD231PD Y9, Y13, Y4        \
	VFNMADD231PD Y10, Y13, Y8       \
	VADDPD       Y8, Y4, Y4         \
	VMULPD       Y12, Y4, Y4        \
	VADDPD       Y4, Y13, Y13       \
	VANDPD       T4(T_SIGN), Y0, Y0 \
	VXORPD       Y2, Y0, Y0         \
	VXORPD       Y13, Y0, Y0

#define TAN_F32_256 \
	VMULPD       T4(T_2PI), Y1, Y2  \
	VROUNDPD     $0, Y2, Y2         \
	VMOVAPD      Y1, Y3             \
	VFNMADD231PD T4(T_PC1), Y2, Y3  \
	VFNMADD231PD T4(T_PC2), Y2, Y3  \
	VMULPD       Y3, Y3, Y10        \
	VMOVUPD      T4(T_SIN32+0), Y11 \
	VFMADD213PD  T4(T_SIN32+1), Y10, Y11 \
	VFMADD213PD  T4(T_SIN32+2), Y10, Y11 \
	VFMADD213PD  T4(T_SIN32+3), Y10, Y11 \
	VMULPD       Y10, Y3, Y14       \
	VFMADD213PD  Y3, Y14, Y11       \
	VMOVUPD      T4(T_COS32+0), Y13 \
	VFMADD213PD  T4(T_COS32+1), Y10, Y13 \
	VFMADD213PD  T4(T_COS32+2), Y10, Y13 \
	VFMADD213PD  T4(T_COS32+3), Y10, Y13 \
	VFMADD213PD  T4(T_MHALF), Y10, Y13 \
	VFMADD213PD  T4(T_ONE), Y10, Y13 \
	VADDPD       T4(T_MAGIC), Y2, Y2 \
	VPSLLQ       $63, Y2, Y2        \
	VBLENDVPD    Y2, Y13, Y11, Y7   \
	VBLENDVPD    Y2, Y11, Y13, Y9   \
	VDIVPD       Y9, Y7, Y13        \
	VANDPD       T4(T_SIGN), Y0, Y0 \
	VXORPD       Y2, Y0, Y0         \
	VXORPD       Y13, Y0, Y0

// func tanF64AVX2(dst, x []float64) (done int)
TEXT ·tanF64AVX2(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ      BX, $4
	JLT       tail
	VMOVUPD   (SI), Y0
	VANDPD    T4(T_ABS), Y0, Y1
	VCMPPD    $0x1e, T4(T_TMAX64), Y1, Y2
	VMOVMSKPD Y2, AX
	TESTL     AX, AX
	JNE       big
	TAN_F64_256
	VMOVUPD   Y0, (DI)
	ADDQ      $32, SI
	ADDQ      $32, DI
	SUBQ      $4, BX
	JMP       loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	VANDPD     T4(T_ABS), Y0, Y1
	VCMPPD     $0x1e, T4(T_TMAX64), Y1, Y2
	VMOVMSKPD  Y2, AX
	TESTL      AX, AX
	JNE        big
	TAN_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y0, Y13, (DI)

done:
	MOVQ x_len+32(FP), AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

big:
	MOVQ x_len+32(FP), AX
	SUBQ BX, AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

// func tanF32AVX2(dst, x []float32) (done int)
TEXT ·tanF32AVX2(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ       BX, $4
	JLT        tail
	VCVTPS2PD  (SI), Y0
	VANDPD     T4(T_ABS), Y0, Y1
	VCMPPD     $0x1e, T4(T_TMAX32), Y1, Y2
	VMOVMSKPD  Y2, AX
	TESTL      AX, AX
	JNE        big
	TAN_F32_256
	VCVTPD2PSY Y0, X0
	VMOVUPS    X0, (DI)
	ADDQ       $16, SI
	ADDQ       $16, DI
	SUBQ       $4, BX
	JMP        loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_X13_F32
	VMASKMOVPS (SI), X13, X0
	VCVTPS2PD  X0, Y0
	VANDPD     T4(T_ABS), Y0, Y1
	VCMPPD     $0x1e, T4(T_TMAX32), Y1, Y2
	VMOVMSKPD  Y2, AX
	TESTL      AX, AX
	JNE        big
	TAN_F32_256
	VCVTPD2PSY Y0, X0
	TAILMASK_X13_F32
	VMASKMOVPS X0, X13, (DI)

done:
	MOVQ x_len+32(FP), AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET

big:
	MOVQ x_len+32(FP), AX
	SUBQ BX, AX
	MOVQ AX, done+48(FP)
	VZEROUPPER
	RET
