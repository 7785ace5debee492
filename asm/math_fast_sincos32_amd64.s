//go:build !noasm && gc

#include "textflag.h"
#include "math_f32_amd64.h"

// Fast-mode float32 sin and cos in float32 lanes: the twin is sinCosFastF32 in
// math_fast.go, step by step. Lanes with |x| > sinCosF32FastMax (Inf included) are
// stored as x and reported in the result; SinFastF32 and CosFastF32 finish them with
// the default reduction (patchF32). Offsets of sinCosFastF32Tab (32 bytes each):
#define F_ABS 0
#define F_MAX 1
#define F_2PI 2
#define F_P1 3
#define F_P2 4
#define F_P3 5
#define F_ONE 6
#define F_MHALF 7
#define F_SIGN 8
#define F_INT1 9
#define F_S 10
#define F_C 14
#define FS(i) ·sinCosFastF32Tab+32*(i)(SB)

#define SC32_CONSTS_512 \
	VBROADCASTSS FS(F_ABS), Z16   \
	VBROADCASTSS FS(F_MAX), Z17   \
	VBROADCASTSS FS(F_2PI), Z18   \
	VBROADCASTSS FS(F_P1), Z19    \
	VBROADCASTSS FS(F_P2), Z20    \
	VBROADCASTSS FS(F_P3), Z21    \
	VBROADCASTSS FS(F_ONE), Z22   \
	VBROADCASTSS FS(F_MHALF), Z23 \
	VBROADCASTSS FS(F_SIGN), Z24  \
	VBROADCASTSS FS(F_INT1), Z25  \
	VBROADCASTSS FS(F_S+0), Z26   \
	VBROADCASTSS FS(F_S+1), Z27   \
	VBROADCASTSS FS(F_S+2), Z28   \
	VBROADCASTSS FS(F_S+3), Z29   \
	VBROADCASTSS FS(F_C+0), Z30   \
	VBROADCASTSS FS(F_C+1), Z31   \
	KXORW        K4, K4, K4

// From x in Z0: K2 = big lanes, Z2 = n = int(q), Z5 = sin(r), Z7 = cos(r).
// Clobbers Z1-Z7.
#define SC32_512 \
	VANDPS       Z16, Z0, Z1        \ // ax
	VCMPPS       $0x1e, Z17, Z1, K2 \ // ax > max
	VMULPS       Z18, Z1, Z2        \
	VRNDSCALEPS  $0, Z2, Z2         \ // q
	VMOVAPS      Z1, Z3             \
	VFNMADD231PS Z19, Z2, Z3        \
	VFNMADD231PS Z20, Z2, Z3        \
	VFNMADD231PS Z21, Z2, Z3        \ // r = ax - q*pi/2
	VMULPS       Z3, Z3, Z4         \ // y
	VMOVAPS      Z26, Z5            \
	VFMADD213PS  Z27, Z4, Z5        \
	VFMADD213PS  Z28, Z4, Z5        \
	VFMADD213PS  Z29, Z4, Z5        \ // S(y)
	VMULPS       Z4, Z3, Z6         \ // r*y
	VFMADD213PS  Z3, Z6, Z5         \ // sin(r) = r*y*S(y) + r
	VMOVAPS      Z30, Z7            \
	VFMADD213PS  Z31, Z4, Z7        \
	VFMADD213PS.BCST FS(F_C+2), Z4, Z7 \
	VFMADD213PS.BCST FS(F_C+3), Z4, Z7 \
	VFMADD213PS  Z23, Z4, Z7        \ // C(y)*y - 1/2
	VFMADD213PS  Z22, Z4, Z7        \ // cos(r)
	VCVTPS2DQ    Z2, Z2             // n (q is integral: exact)

// Z5 = Z7 where n&1, sign flipped where n&2; big lanes take x.
#define SC32_SELECT_512 \
	VPTESTMD  Z25, Z2, K3  \
	VMOVAPS   Z7, K3, Z5   \
	VPSLLD    $30, Z2, Z2  \
	VPANDD    Z24, Z2, Z2  \
	VPXORD    Z2, Z5, Z5

#define SC32_SIGN_512 \
	VPANDD Z24, Z0, Z3 \
	VPXORD Z3, Z5, Z5

#define SC32_BIG_512 \
	VMOVAPS Z0, K2, Z5 \
	KORW    K2, K4, K4

#define SC32_RET_512 \
	KMOVW K4, AX     \
	TESTW AX, AX     \
	SETNE big+48(FP) \
	VZEROUPPER       \
	RET

#define SIN32_512 SC32_512; SC32_SELECT_512; SC32_SIGN_512; SC32_BIG_512
#define COS32_512 SC32_512; VPADDD Z25, Z2, Z2; SC32_SELECT_512; SC32_BIG_512

// func sinFastF32AVX512(dst, x []float32) (big bool)
TEXT ·sinFastF32AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SC32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	SIN32_512
	VMOVUPS Z5, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	SIN32_512
	VMOVUPS   Z5, K1, (DI)

done:
	SC32_RET_512

// func cosFastF32AVX512(dst, x []float32) (big bool)
TEXT ·cosFastF32AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SC32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	COS32_512
	VMOVUPS Z5, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_K1
	VMOVUPS.Z (SI), K1, Z0
	COS32_512
	VMOVUPS   Z5, K1, (DI)

done:
	SC32_RET_512

// From x in Y0: Y2 = n, Y5 = sin(r), Y7 = cos(r). Clobbers Y1-Y7.
#define SC32_256 \
	VANDPS       FS(F_ABS), Y0, Y1  \
	VMULPS       FS(F_2PI), Y1, Y2  \
	VROUNDPS     $0, Y2, Y2         \
	VMOVAPS      Y1, Y3             \
	VFNMADD231PS FS(F_P1), Y2, Y3   \
	VFNMADD231PS FS(F_P2), Y2, Y3   \
	VFNMADD231PS FS(F_P3), Y2, Y3   \
	VMULPS       Y3, Y3, Y4         \
	VMOVUPS      FS(F_S+0), Y5      \
	VFMADD213PS  FS(F_S+1), Y4, Y5  \
	VFMADD213PS  FS(F_S+2), Y4, Y5  \
	VFMADD213PS  FS(F_S+3), Y4, Y5  \
	VMULPS       Y4, Y3, Y6         \
	VFMADD213PS  Y3, Y6, Y5         \
	VMOVUPS      FS(F_C+0), Y7      \
	VFMADD213PS  FS(F_C+1), Y4, Y7  \
	VFMADD213PS  FS(F_C+2), Y4, Y7  \
	VFMADD213PS  FS(F_C+3), Y4, Y7  \
	VFMADD213PS  FS(F_MHALF), Y4, Y7 \
	VFMADD213PS  FS(F_ONE), Y4, Y7  \
	VCVTPS2DQ    Y2, Y2

#define SC32_SELECT_256 \
	VPSLLD    $31, Y2, Y3       \
	VBLENDVPS Y3, Y7, Y5, Y5    \
	VPSLLD    $30, Y2, Y2       \
	VANDPS    FS(F_SIGN), Y2, Y2 \
	VXORPS    Y2, Y5, Y5

#define SC32_SIGN_256 \
	VANDPS FS(F_SIGN), Y0, Y3 \
	VXORPS Y3, Y5, Y5

// Big lanes take x; R8 collects their sign-mask bits.
#define SC32_BIG_256 \
	VANDPS    FS(F_ABS), Y0, Y1       \
	VCMPPS    $0x1e, FS(F_MAX), Y1, Y1 \
	VBLENDVPS Y1, Y0, Y5, Y5          \
	VMOVMSKPS Y1, AX                  \
	ORL       AX, R8

#define SC32_RET_256 \
	TESTL R8, R8     \
	SETNE big+48(FP) \
	VZEROUPPER       \
	RET

#define SIN32_256 SC32_256; SC32_SELECT_256; SC32_SIGN_256; SC32_BIG_256
#define COS32_256 SC32_256; VPADDD FS(F_INT1), Y2, Y2; SC32_SELECT_256; SC32_BIG_256

// func sinFastF32AVX2(dst, x []float32) (big bool)
TEXT ·sinFastF32AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	SIN32_256
	VMOVUPS Y5, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_Y13
	VMASKMOVPS (SI), Y13, Y0
	SIN32_256
	VMASKMOVPS Y5, Y13, (DI)

done:
	SC32_RET_256

// func cosFastF32AVX2(dst, x []float32) (big bool)
TEXT ·cosFastF32AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	COS32_256
	VMOVUPS Y5, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	F32_TAILMASK_Y13
	VMASKMOVPS (SI), Y13, Y0
	COS32_256
	VMASKMOVPS Y5, Y13, (DI)

done:
	SC32_RET_256
