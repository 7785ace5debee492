//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// float32 sin and cos in float32 lanes: sinCosF32 in math_sincos_f32.go, step by
// step (16 lanes per zmm, 8 per ymm). Lanes with |x| > sinCosF32Max (Inf included)
// are stored as x and reported in the result. sinCosF32Tab (math_sincos_f32_amd64.go)
// holds 32 bytes per constant, at these indices:
#define SC_ABS 0
#define SC_MAX 1
#define SC_2PI 2
#define SC_C1 3
#define SC_C2 4
#define SC_C3 5
#define SC_ONE 6
#define SC_HALF 7
#define SC_MAGIC 8
#define SC_INT1 9
#define SC_SIGN 10
#define SC_S3 11
#define SC_S2 12
#define SC_S1 13
#define SC_S0 14
#define SC_K3 15
#define SC_K2 16
#define SC_K1 17
#define SC_K0 18

#define SCT(i) ·sinCosF32Tab+32*(i)(SB)

// ---- AVX-512: DI = dst, SI = x, BX = elements left, K1 = tail lanes --------------

#define SINCOS_F32L_CONSTS_512 \
	VBROADCASTSS SCT(SC_ABS), Z16 \
	VBROADCASTSS SCT(SC_MAX), Z17 \
	VBROADCASTSS SCT(SC_2PI), Z18 \
	VBROADCASTSS SCT(SC_C1), Z19 \
	VBROADCASTSS SCT(SC_C2), Z20 \
	VBROADCASTSS SCT(SC_C3), Z21 \
	VBROADCASTSS SCT(SC_ONE), Z22 \
	VBROADCASTSS SCT(SC_HALF), Z23 \
	VBROADCASTSS SCT(SC_MAGIC), Z25 \
	VBROADCASTSS SCT(SC_INT1), Z26 \
	VBROADCASTSS SCT(SC_SIGN), Z27 \
	KXORW        K4, K4, K4

// From x in Z0: K2 = big lanes, Z2 = bits of q + 2^23, Z11 = sin(r), Z13 = cos(r).
// Clobbers Z1-Z15.
#define SINCOS_F32L_512 \
	VANDPS       Z16, Z0, Z1 \ // ax
	VCMPPS       $0x1e, Z17, Z1, K2 \ // ax > sinCosF32Max
	VMULPS       Z18, Z1, Z2 \
	VRNDSCALEPS  $0, Z2, Z2 \ // q
	VMOVAPS      Z1, Z3 \
	VFNMADD231PS Z19, Z2, Z3 \ // r1 = ax - q*C1 (exact)
	VMULPS       Z20, Z2, Z4 \ // ph = q*C2
	VMOVAPS      Z4, Z5 \
	VFMSUB231PS  Z20, Z2, Z5 \ // pl = q*C2 - ph (exact)
	VSUBPS       Z4, Z3, Z6 \ // s = r1 - ph
	VSUBPS       Z3, Z6, Z7 \ // bb = s - r1
	VSUBPS       Z7, Z6, Z8 \
	VSUBPS       Z8, Z3, Z8 \
	VADDPS       Z7, Z4, Z9 \
	VSUBPS       Z9, Z8, Z8 \ // e = (r1 - (s - bb)) - (ph + bb)
	VSUBPS       Z5, Z8, Z8 \
	VMULPS       Z21, Z2, Z9 \
	VSUBPS       Z9, Z8, Z8 \ // lo = (e - pl) - q*C3
	VADDPS       Z8, Z6, Z9 \ // hi = s + lo
	VSUBPS       Z6, Z9, Z12 \
	VSUBPS       Z12, Z8, Z8 \ // lo -= hi - s
	VMULPS       Z9, Z9, Z10 \ // y
	VMULPS.BCST SCT(SC_S3), Z10, Z11 \
	VADDPS.BCST SCT(SC_S2), Z11, Z11 \
	VMULPS       Z10, Z11, Z11 \
	VADDPS.BCST SCT(SC_S1), Z11, Z11 \
	VMULPS       Z10, Z11, Z11 \
	VADDPS.BCST SCT(SC_S0), Z11, Z11 \
	VMULPS       Z23, Z10, Z12 \ // hy = y/2
	VMULPS       Z10, Z9, Z14 \
	VMULPS       Z14, Z11, Z11 \ // hi*y*S(y)
	VMULPS       Z8, Z12, Z13 \
	VSUBPS       Z13, Z8, Z13 \ // lo - hy*lo
	VADDPS       Z13, Z11, Z11 \
	VADDPS       Z11, Z9, Z11 \ // sin(r)
	VMULPS.BCST SCT(SC_K3), Z10, Z15 \
	VADDPS.BCST SCT(SC_K2), Z15, Z15 \
	VMULPS       Z10, Z15, Z15 \
	VADDPS.BCST SCT(SC_K1), Z15, Z15 \
	VMULPS       Z10, Z15, Z15 \
	VADDPS.BCST SCT(SC_K0), Z15, Z15 \
	VSUBPS       Z12, Z22, Z13 \ // w = 1 - hy
	VSUBPS       Z13, Z22, Z14 \
	VSUBPS       Z12, Z14, Z14 \ // (1 - w) - hy
	VMOVAPS      Z10, Z5 \
	VFMSUB231PS  Z9, Z9, Z5 \ // hi*hi - y (exact)
	VMULPS       Z23, Z5, Z5 \
	VMULPS       Z8, Z9, Z6 \
	VADDPS       Z5, Z6, Z5 \ // u = hi*lo + (hi*hi - y)/2
	VMULPS       Z10, Z10, Z6 \
	VMULPS       Z6, Z15, Z15 \
	VSUBPS       Z5, Z15, Z15 \ // y*y*C(y) - u
	VADDPS       Z15, Z14, Z14 \
	VADDPS       Z14, Z13, Z13 \ // cos(r)
	VADDPS       Z25, Z2, Z2 // bits of q + 2^23: the quadrant

// Z11 = Z13 where n&1, sign flipped where n&2 (n in Z2); big lanes take x.
#define SINCOS_F32L_SELECT_512 \
	VPTESTMD Z26, Z2, K3  \
	VMOVAPS  Z13, K3, Z11 \
	VPSLLD   $30, Z2, Z2  \
	VPANDD   Z27, Z2, Z2  \
	VPXORD   Z2, Z11, Z11

#define SIN_F32L_SIGN_512 \
	VPANDD Z27, Z0, Z3 \
	VPXORD Z3, Z11, Z11

#define BIG_F32L_512 \
	VMOVAPS Z0, K2, Z11 \
	KORW    K2, K4, K4

#define SIN_F32L_512 SINCOS_F32L_512; SINCOS_F32L_SELECT_512; SIN_F32L_SIGN_512; BIG_F32L_512
#define COS_F32L_512 SINCOS_F32L_512; VPADDD Z26, Z2, Z2; SINCOS_F32L_SELECT_512; BIG_F32L_512

// func sinF32AVX512(dst, x []float32) (big bool)
TEXT ·sinF32AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SINCOS_F32L_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	SIN_F32L_512
	VMOVUPS Z11, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	SIN_F32L_512
	VMOVUPS   Z11, K1, (DI)

done:
	KMOVW K4, AX
	TESTW AX, AX
	SETNE big+48(FP)
	VZEROUPPER
	RET

// func cosF32AVX512(dst, x []float32) (big bool)
TEXT ·cosF32AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SINCOS_F32L_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	COS_F32L_512
	VMOVUPS Z11, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	COS_F32L_512
	VMOVUPS   Z11, K1, (DI)

done:
	KMOVW K4, AX
	TESTW AX, AX
	SETNE big+48(FP)
	VZEROUPPER
	RET

// ---- AVX2: the same with constants from memory; R8 collects the big lanes ------

// From x in Y0: Y2 = bits of q + 2^23, Y11 = sin(r), Y13 = cos(r). Clobbers Y1-Y15.
#define SINCOS_F32L_256 \
	VANDPS       SCT(SC_ABS), Y0, Y1 \ // ax
	VMULPS       SCT(SC_2PI), Y1, Y2 \
	VROUNDPS     $0, Y2, Y2 \ // q
	VMOVAPS      Y1, Y3 \
	VFNMADD231PS SCT(SC_C1), Y2, Y3 \ // r1 = ax - q*C1 (exact)
	VMULPS       SCT(SC_C2), Y2, Y4 \ // ph = q*C2
	VMOVAPS      Y4, Y5 \
	VFMSUB231PS  SCT(SC_C2), Y2, Y5 \ // pl = q*C2 - ph (exact)
	VSUBPS       Y4, Y3, Y6 \ // s = r1 - ph
	VSUBPS       Y3, Y6, Y7 \ // bb = s - r1
	VSUBPS       Y7, Y6, Y8 \
	VSUBPS       Y8, Y3, Y8 \
	VADDPS       Y7, Y4, Y9 \
	VSUBPS       Y9, Y8, Y8 \ // e = (r1 - (s - bb)) - (ph + bb)
	VSUBPS       Y5, Y8, Y8 \
	VMULPS       SCT(SC_C3), Y2, Y9 \
	VSUBPS       Y9, Y8, Y8 \ // lo = (e - pl) - q*C3
	VADDPS       Y8, Y6, Y9 \ // hi = s + lo
	VSUBPS       Y6, Y9, Y12 \
	VSUBPS       Y12, Y8, Y8 \ // lo -= hi - s
	VMULPS       Y9, Y9, Y10 \ // y
	VMULPS SCT(SC_S3), Y10, Y11 \
	VADDPS SCT(SC_S2), Y11, Y11 \
	VMULPS       Y10, Y11, Y11 \
	VADDPS SCT(SC_S1), Y11, Y11 \
	VMULPS       Y10, Y11, Y11 \
	VADDPS SCT(SC_S0), Y11, Y11 \
	VMULPS       SCT(SC_HALF), Y10, Y12 \ // hy = y/2
	VMULPS       Y10, Y9, Y14 \
	VMULPS       Y14, Y11, Y11 \ // hi*y*S(y)
	VMULPS       Y8, Y12, Y13 \
	VSUBPS       Y13, Y8, Y13 \ // lo - hy*lo
	VADDPS       Y13, Y11, Y11 \
	VADDPS       Y11, Y9, Y11 \ // sin(r)
	VMULPS SCT(SC_K3), Y10, Y15 \
	VADDPS SCT(SC_K2), Y15, Y15 \
	VMULPS       Y10, Y15, Y15 \
	VADDPS SCT(SC_K1), Y15, Y15 \
	VMULPS       Y10, Y15, Y15 \
	VADDPS SCT(SC_K0), Y15, Y15 \
	VMOVUPS      SCT(SC_ONE), Y1 \
	VSUBPS       Y12, Y1, Y13 \ // w = 1 - hy
	VSUBPS       Y13, Y1, Y14 \
	VSUBPS       Y12, Y14, Y14 \ // (1 - w) - hy
	VMOVAPS      Y10, Y5 \
	VFMSUB231PS  Y9, Y9, Y5 \ // hi*hi - y (exact)
	VMULPS       SCT(SC_HALF), Y5, Y5 \
	VMULPS       Y8, Y9, Y6 \
	VADDPS       Y5, Y6, Y5 \ // u = hi*lo + (hi*hi - y)/2
	VMULPS       Y10, Y10, Y6 \
	VMULPS       Y6, Y15, Y15 \
	VSUBPS       Y5, Y15, Y15 \ // y*y*C(y) - u
	VADDPS       Y15, Y14, Y14 \
	VADDPS       Y14, Y13, Y13 \ // cos(r)
	VADDPS       SCT(SC_MAGIC), Y2, Y2 // bits of q + 2^23: the quadrant

// Y11 = Y13 where n&1, sign flipped where n&2 (n in Y2).
#define SINCOS_F32L_SELECT_256 \
	VPSLLD    $31, Y2, Y3       \
	VBLENDVPS Y3, Y13, Y11, Y11 \
	VPSLLD    $30, Y2, Y2       \
	VANDPS    SCT(SC_SIGN), Y2, Y2 \
	VXORPS    Y2, Y11, Y11

#define SIN_F32L_SIGN_256 \
	VANDPS SCT(SC_SIGN), Y0, Y3 \
	VXORPS Y3, Y11, Y11

// Big lanes (|x| > sinCosF32Max, Inf included) take x; R8 collects their sign bits.
#define BIG_F32L_256 \
	VANDPS    SCT(SC_ABS), Y0, Y1        \
	VCMPPS    $0x1e, SCT(SC_MAX), Y1, Y1 \
	VBLENDVPS Y1, Y0, Y11, Y11           \
	VMOVMSKPS Y1, AX                     \
	ORL       AX, R8

#define SIN_F32L_256 SINCOS_F32L_256; SINCOS_F32L_SELECT_256; SIN_F32L_SIGN_256; BIG_F32L_256
#define COS_F32L_256 SINCOS_F32L_256; VPADDD SCT(SC_INT1), Y2, Y2; SINCOS_F32L_SELECT_256; BIG_F32L_256

// func sinF32AVX2(dst, x []float32) (big bool)
TEXT ·sinF32AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	SIN_F32L_256
	VMOVUPS Y11, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_Y13
	VMASKMOVPS (SI), Y13, Y0
	SIN_F32L_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y11, Y13, (DI)

done:
	TESTL R8, R8
	SETNE big+48(FP)
	VZEROUPPER
	RET

// func cosF32AVX2(dst, x []float32) (big bool)
TEXT ·cosF32AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	COS_F32L_256
	VMOVUPS Y11, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_Y13
	VMASKMOVPS (SI), Y13, Y0
	COS_F32L_256
	F32_TAILMASK_Y13
	VMASKMOVPS Y11, Y13, (DI)

done:
	TESTL R8, R8
	SETNE big+48(FP)
	VZEROUPPER
	RET
