//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// sin/cos kernels: the twins are sinCosF64 (trigReduceCW + sinCosKernel) and
// sinCosF32 in math_sincos.go, step by step. Lanes with |x| > trigF64Max or
// trigF32Max (Inf included) are stored as x and reported in the result.
// Table offsets (sinCosF64Tab / sinCosF32Tab, 8 bytes each; the ...Tab4 copies 32).
#define S_ABS 0
#define S_MAX 1
#define S_2PI 2
#define S_C1 3
#define S_C2 4
#define S_C3 5
#define S_ONE 6
#define S_HALF 7
#define S_MHALF 8
#define S_MAGIC 9
#define S_INT1 10
#define S_SIGN 11
#define S_S 12
#define S_C 18

// ---- AVX-512 -----------------------------------------------------------------

#define SINCOS_CONSTS_512(tab) \
	VBROADCASTSD tab+8*S_ABS(SB), Z16   \
	VBROADCASTSD tab+8*S_MAX(SB), Z17   \
	VBROADCASTSD tab+8*S_2PI(SB), Z18   \
	VBROADCASTSD tab+8*S_C1(SB), Z19    \
	VBROADCASTSD tab+8*S_C2(SB), Z20    \
	VBROADCASTSD tab+8*S_C3(SB), Z21    \
	VBROADCASTSD tab+8*S_ONE(SB), Z22   \
	VBROADCASTSD tab+8*S_HALF(SB), Z23  \
	VBROADCASTSD tab+8*S_MHALF(SB), Z24 \
	VBROADCASTSD tab+8*S_MAGIC(SB), Z25 \
	VBROADCASTSD tab+8*S_INT1(SB), Z26  \
	VBROADCASTSD tab+8*S_SIGN(SB), Z27  \
	KXORB        K4, K4, K4

// From x in Z0: K2 = big lanes, Z2 = bits of q + 2^52 (low bits: quadrant),
// Z11 = sin(r), Z13 = cos(r). Clobbers Z1-Z15.
#define SINCOS_F64_512 \
	VANDPD       Z16, Z0, Z1        \ // ax
	VCMPPD       $0x1e, Z17, Z1, K2 \ // ax > trigF64Max
	VMULPD       Z18, Z1, Z2        \
	VRNDSCALEPD  $0, Z2, Z2         \ // q
	VMOVAPD      Z1, Z3             \
	VFNMADD231PD Z19, Z2, Z3        \ // r1 = ax - q*C1 (exact)
	VMULPD       Z20, Z2, Z4        \ // ph = q*C2
	VMOVAPD      Z4, Z5             \
	VFMSUB231PD  Z20, Z2, Z5        \ // pl = q*C2 - ph
	VSUBPD       Z4, Z3, Z6         \ // s = r1 - ph
	VSUBPD       Z3, Z6, Z7         \ // bb = s - r1
	VSUBPD       Z7, Z6, Z8         \
	VSUBPD       Z8, Z3, Z8         \
	VADDPD       Z7, Z4, Z9         \
	VSUBPD       Z9, Z8, Z8         \ // e = (r1 - (s - bb)) - (ph + bb)
	VSUBPD       Z5, Z8, Z8         \
	VFNMADD231PD Z21, Z2, Z8        \ // lo = (e - pl) - q*C3
	VADDPD       Z8, Z6, Z9         \ // hi = s + lo
	VSUBPD       Z6, Z9, Z12        \
	VSUBPD       Z12, Z8, Z8        \ // lo -= hi - s
	VMULPD       Z9, Z9, Z10        \ // y
	VBROADCASTSD ·sinCosF64Tab+8*(S_S+0)(SB), Z11 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_S+1)(SB), Z10, Z11 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_S+2)(SB), Z10, Z11 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_S+3)(SB), Z10, Z11 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_S+4)(SB), Z10, Z11 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_S+5)(SB), Z10, Z11 \
	VMULPD       Z24, Z10, Z12      \
	VMOVAPD      Z8, Z13            \
	VFMADD231PD  Z12, Z8, Z13       \ // lo*(1 - y/2)
	VMULPD       Z10, Z9, Z14       \
	VFMADD213PD  Z13, Z14, Z11      \
	VADDPD       Z11, Z9, Z11       \ // sin(r)
	VBROADCASTSD ·sinCosF64Tab+8*(S_C+0)(SB), Z15 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_C+1)(SB), Z10, Z15 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_C+2)(SB), Z10, Z15 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_C+3)(SB), Z10, Z15 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_C+4)(SB), Z10, Z15 \
	VFMADD213PD.BCST ·sinCosF64Tab+8*(S_C+5)(SB), Z10, Z15 \
	VMULPD       Z23, Z10, Z12      \ // hy
	VSUBPD       Z12, Z22, Z13      \ // w = 1 - hy
	VSUBPD       Z13, Z22, Z14      \
	VSUBPD       Z12, Z14, Z14      \ // (1 - w) - hy
	VMOVAPD      Z10, Z5            \
	VFMSUB231PD  Z9, Z9, Z5         \
	VMULPD       Z23, Z5, Z5        \
	VFMADD231PD  Z8, Z9, Z5         \ // u = hi*lo + (hi*hi - y)/2
	VMULPD       Z10, Z10, Z6       \
	VFMSUB213PD  Z5, Z6, Z15        \ // y*y*C(y) - u
	VADDPD       Z15, Z14, Z14      \
	VADDPD       Z14, Z13, Z13      \ // cos(r)
	VADDPD       Z25, Z2, Z2

// Z11 = Z13 where n&1, sign flipped where n&2 (n in Z2); big lanes take x.
#define SINCOS_SELECT_512 \
	VPTESTMQ  Z26, Z2, K3  \
	VMOVAPD   Z13, K3, Z11 \
	VPSLLQ    $62, Z2, Z2  \
	VPANDQ    Z27, Z2, Z2  \
	VPXORQ    Z2, Z11, Z11

#define SIN_SIGN_512 \
	VPANDQ Z27, Z0, Z3 \
	VPXORQ Z3, Z11, Z11

#define BIG_512 \
	VMOVAPD Z0, K2, Z11 \
	KORB    K2, K4, K4

#define RET_BIG_512 \
	KMOVB K4, AX           \
	TESTB AL, AL           \
	SETNE big+48(FP)       \
	VZEROUPPER             \
	RET

#define SIN_F64_512 SINCOS_F64_512; SINCOS_SELECT_512; SIN_SIGN_512; BIG_512
#define COS_F64_512 SINCOS_F64_512; VPADDQ Z26, Z2, Z2; SINCOS_SELECT_512; BIG_512

// func sinF64AVX512(dst, x []float64) (big bool)
TEXT ·sinF64AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SINCOS_CONSTS_512(·sinCosF64Tab)

loop:
	CMPQ BX, $8
	JLT  tail
	VMOVUPD (SI), Z0
	SIN_F64_512
	VMOVUPD Z11, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	SIN_F64_512
	VMOVUPD   Z11, K1, (DI)

done:
	RET_BIG_512

// func cosF64AVX512(dst, x []float64) (big bool)
TEXT ·cosF64AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SINCOS_CONSTS_512(·sinCosF64Tab)

loop:
	CMPQ BX, $8
	JLT  tail
	VMOVUPD (SI), Z0
	COS_F64_512
	VMOVUPD Z11, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	COS_F64_512
	VMOVUPD   Z11, K1, (DI)

done:
	RET_BIG_512

// float32 arguments widened to float64: two-part reduction, short polynomials.
#define SINCOS_F32_512 \
	VANDPD       Z16, Z0, Z1        \
	VCMPPD       $0x1e, Z17, Z1, K2 \
	VMULPD       Z18, Z1, Z2        \
	VRNDSCALEPD  $0, Z2, Z2         \
	VMOVAPD      Z1, Z3             \
	VFNMADD231PD Z19, Z2, Z3        \
	VFNMADD231PD Z20, Z2, Z3        \ // r
	VMULPD       Z3, Z3, Z10        \ // y
	VBROADCASTSD ·sinCosF32Tab+8*(S_S+0)(SB), Z11 \
	VFMADD213PD.BCST ·sinCosF32Tab+8*(S_S+1)(SB), Z10, Z11 \
	VFMADD213PD.BCST ·sinCosF32Tab+8*(S_S+2)(SB), Z10, Z11 \
	VFMADD213PD.BCST ·sinCosF32Tab+8*(S_S+3)(SB), Z10, Z11 \
	VMULPD       Z10, Z3, Z14       \
	VFMADD213PD  Z3, Z14, Z11       \ // sin(r) = r + r*y*S(y)
	VBROADCASTSD ·sinCosF32Tab+8*(S_C+0)(SB), Z13 \
	VFMADD213PD.BCST ·sinCosF32Tab+8*(S_C+1)(SB), Z10, Z13 \
	VFMADD213PD.BCST ·sinCosF32Tab+8*(S_C+2)(SB), Z10, Z13 \
	VFMADD213PD.BCST ·sinCosF32Tab+8*(S_C+3)(SB), Z10, Z13 \
	VFMADD213PD  Z24, Z10, Z13      \
	VFMADD213PD  Z22, Z10, Z13      \ // cos(r) = 1 + y*(-1/2 + y*C(y))
	VADDPD       Z25, Z2, Z2

#define SIN_F32_512 SINCOS_F32_512; SINCOS_SELECT_512; SIN_SIGN_512; BIG_512
#define COS_F32_512 SINCOS_F32_512; VPADDQ Z26, Z2, Z2; SINCOS_SELECT_512; BIG_512

// func sinF32AVX512(dst, x []float32) (big bool)
TEXT ·sinF32AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SINCOS_CONSTS_512(·sinCosF32Tab)

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	SIN_F32_512
	VCVTPD2PS Z11, Y11
	VMOVUPS   Y11, (DI)
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
	SIN_F32_512
	VCVTPD2PS Z11, Y11
	VMOVUPS   Y11, K1, (DI)

done:
	RET_BIG_512

// func cosF32AVX512(dst, x []float32) (big bool)
TEXT ·cosF32AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SINCOS_CONSTS_512(·sinCosF32Tab)

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	COS_F32_512
	VCVTPD2PS Z11, Y11
	VMOVUPS   Y11, (DI)
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
	COS_F32_512
	VCVTPD2PS Z11, Y11
	VMOVUPS   Y11, K1, (DI)

done:
	RET_BIG_512

// ---- AVX2 --------------------------------------------------------------------

#define C64(i) ·sinCosF64Tab4+32*(i)(SB)
#define C32(i) ·sinCosF32Tab4+32*(i)(SB)

// From x in Y0: Y2 = bits of q + 2^52, Y11 = sin(r), Y13 = cos(r). Clobbers Y1-Y15.
#define SINCOS_F64_256 \
	VANDPD       C64(S_ABS), Y0, Y1 \
	VMULPD       C64(S_2PI), Y1, Y2 \
	VROUNDPD     $0, Y2, Y2         \
	VMOVAPD      Y1, Y3             \
	VFNMADD231PD C64(S_C1), Y2, Y3  \
	VMULPD       C64(S_C2), Y2, Y4  \
	VMOVAPD      Y4, Y5             \
	VFMSUB231PD  C64(S_C2), Y2, Y5  \
	VSUBPD       Y4, Y3, Y6         \
	VSUBPD       Y3, Y6, Y7         \
	VSUBPD       Y7, Y6, Y8         \
	VSUBPD       Y8, Y3, Y8         \
	VADDPD       Y7, Y4, Y9         \
	VSUBPD       Y9, Y8, Y8         \
	VSUBPD       Y5, Y8, Y8         \
	VFNMADD231PD C64(S_C3), Y2, Y8  \
	VADDPD       Y8, Y6, Y9         \
	VSUBPD       Y6, Y9, Y12        \
	VSUBPD       Y12, Y8, Y8        \
	VMULPD       Y9, Y9, Y10        \
	VMOVUPD      C64(S_S+0), Y11    \
	VFMADD213PD  C64(S_S+1), Y10, Y11 \
	VFMADD213PD  C64(S_S+2), Y10, Y11 \
	VFMADD213PD  C64(S_S+3), Y10, Y11 \
	VFMADD213PD  C64(S_S+4), Y10, Y11 \
	VFMADD213PD  C64(S_S+5), Y10, Y11 \
	VMULPD       C64(S_MHALF), Y10, Y12 \
	VMOVAPD      Y8, Y13            \
	VFMADD231PD  Y12, Y8, Y13       \
	VMULPD       Y10, Y9, Y14       \
	VFMADD213PD  Y13, Y14, Y11      \
	VADDPD       Y11, Y9, Y11       \
	VMOVUPD      C64(S_C+0), Y15    \
	VFMADD213PD  C64(S_C+1), Y10, Y15 \
	VFMADD213PD  C64(S_C+2), Y10, Y15 \
	VFMADD213PD  C64(S_C+3), Y10, Y15 \
	VFMADD213PD  C64(S_C+4), Y10, Y15 \
	VFMADD213PD  C64(S_C+5), Y10, Y15 \
	VMULPD       C64(S_HALF), Y10, Y12 \
	VMOVUPD      C64(S_ONE), Y1     \
	VSUBPD       Y12, Y1, Y13       \
	VSUBPD       Y13, Y1, Y14       \
	VSUBPD       Y12, Y14, Y14      \
	VMOVAPD      Y10, Y5            \
	VFMSUB231PD  Y9, Y9, Y5         \
	VMULPD       C64(S_HALF), Y5, Y5 \
	VFMADD231PD  Y8, Y9, Y5         \
	VMULPD       Y10, Y10, Y6       \
	VFMSUB213PD  Y5, Y6, Y15        \
	VADDPD       Y15, Y14, Y14      \
	VADDPD       Y14, Y13, Y13      \
	VADDPD       C64(S_MAGIC), Y2, Y2

// Y11 = Y13 where n&1, sign flipped where n&2 (n in Y2).
#define SINCOS_SELECT_256(T) \
	VPSLLQ    $63, Y2, Y3      \
	VBLENDVPD Y3, Y13, Y11, Y11 \
	VPSLLQ    $62, Y2, Y2      \
	VANDPD    T(S_SIGN), Y2, Y2 \
	VXORPD    Y2, Y11, Y11

#define SIN_SIGN_256(T) \
	VANDPD T(S_SIGN), Y0, Y3 \
	VXORPD Y3, Y11, Y11

// Big lanes (|x| > max, Inf included) take x; R8 collects their sign-mask bits.
#define BIG_256(T) \
	VANDPD    T(S_ABS), Y0, Y1      \
	VCMPPD    $0x1e, T(S_MAX), Y1, Y1 \
	VBLENDVPD Y1, Y0, Y11, Y11      \
	VMOVMSKPD Y1, AX                \
	ORL       AX, R8

#define RET_BIG_256 \
	TESTL R8, R8     \
	SETNE big+48(FP) \
	VZEROUPPER       \
	RET

#define SIN_F64_256 SINCOS_F64_256; SINCOS_SELECT_256(C64); SIN_SIGN_256(C64); BIG_256(C64)
#define COS_F64_256 SINCOS_F64_256; VPADDQ C64(S_INT1), Y2, Y2; SINCOS_SELECT_256(C64); BIG_256(C64)

#define SINCOS_F32_256 \
	VANDPD       C32(S_ABS), Y0, Y1 \
	VMULPD       C32(S_2PI), Y1, Y2 \
	VROUNDPD     $0, Y2, Y2         \
	VMOVAPD      Y1, Y3             \
	VFNMADD231PD C32(S_C1), Y2, Y3  \
	VFNMADD231PD C32(S_C2), Y2, Y3  \
	VMULPD       Y3, Y3, Y10        \
	VMOVUPD      C32(S_S+0), Y11    \
	VFMADD213PD  C32(S_S+1), Y10, Y11 \
	VFMADD213PD  C32(S_S+2), Y10, Y11 \
	VFMADD213PD  C32(S_S+3), Y10, Y11 \
	VMULPD       Y10, Y3, Y14       \
	VFMADD213PD  Y3, Y14, Y11       \
	VMOVUPD      C32(S_C+0), Y13    \
	VFMADD213PD  C32(S_C+1), Y10, Y13 \
	VFMADD213PD  C32(S_C+2), Y10, Y13 \
	VFMADD213PD  C32(S_C+3), Y10, Y13 \
	VFMADD213PD  C32(S_MHALF), Y10, Y13 \
	VFMADD213PD  C32(S_ONE), Y10, Y13 \
	VADDPD       C32(S_MAGIC), Y2, Y2

#define SIN_F32_256 SINCOS_F32_256; SINCOS_SELECT_256(C32); SIN_SIGN_256(C32); BIG_256(C32)
#define COS_F32_256 SINCOS_F32_256; VPADDQ C32(S_INT1), Y2, Y2; SINCOS_SELECT_256(C32); BIG_256(C32)

// func sinF64AVX2(dst, x []float64) (big bool)
TEXT ·sinF64AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	SIN_F64_256
	VMOVUPD Y11, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	SIN_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y11, Y13, (DI)

done:
	RET_BIG_256

// func cosF64AVX2(dst, x []float64) (big bool)
TEXT ·cosF64AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	COS_F64_256
	VMOVUPD Y11, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	COS_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y11, Y13, (DI)

done:
	RET_BIG_256

// func sinF32AVX2(dst, x []float32) (big bool)
TEXT ·sinF32AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ       BX, $4
	JLT        tail
	VCVTPS2PD  (SI), Y0
	SIN_F32_256
	VCVTPD2PSY Y11, X11
	VMOVUPS    X11, (DI)
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
	SIN_F32_256
	VCVTPD2PSY Y11, X11
	TAILMASK_X13_F32
	VMASKMOVPS X11, X13, (DI)

done:
	RET_BIG_256

// func cosF32AVX2(dst, x []float32) (big bool)
TEXT ·cosF32AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ       BX, $4
	JLT        tail
	VCVTPS2PD  (SI), Y0
	COS_F32_256
	VCVTPD2PSY Y11, X11
	VMOVUPS    X11, (DI)
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
	COS_F32_256
	VCVTPD2PSY Y11, X11
	TAILMASK_X13_F32
	VMASKMOVPS X11, X13, (DI)

done:
	RET_BIG_256
