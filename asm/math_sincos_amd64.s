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
	SETNE ret+48(FP)       \
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
