//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// ---- fast sin and cos, float64 -------------------------------------------------
// The twin is sinCosFastF64 in math_fast.go: math_sincos_amd64.s's reduction to
// hi + lo, then the polynomials on hi alone. Lanes with |x| > trigF64Max (Inf
// included) are stored as x and reported in the result, as the default kernels do;
// SinFastF64 and CosFastF64 finish them with the default twin. Table offsets of
// sinCosF64Tab, as in math_sincos_amd64.s.
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
#define ST(i) ·sinCosF64Tab+8*(i)(SB)

#define SCFAST_CONSTS_512 \
	VBROADCASTSD ST(S_ABS), Z16   \
	VBROADCASTSD ST(S_MAX), Z17   \
	VBROADCASTSD ST(S_2PI), Z18   \
	VBROADCASTSD ST(S_C1), Z19    \
	VBROADCASTSD ST(S_C2), Z20    \
	VBROADCASTSD ST(S_C3), Z21    \
	VBROADCASTSD ST(S_ONE), Z22   \
	VBROADCASTSD ST(S_MHALF), Z24 \
	VBROADCASTSD ST(S_MAGIC), Z25 \
	VBROADCASTSD ST(S_INT1), Z26  \
	VBROADCASTSD ST(S_SIGN), Z27  \
	KXORB        K4, K4, K4

// From x in Z0: K2 = big lanes, Z2 = bits of q + 2^52, Z11 = sin(hi), Z13 = cos(hi).
// Clobbers Z1-Z14.
#define SCFAST_F64_512 \
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
	VMULPD       Z9, Z9, Z10        \ // y
	VBROADCASTSD ST(S_S+0), Z11     \
	VFMADD213PD.BCST ST(S_S+1), Z10, Z11 \
	VFMADD213PD.BCST ST(S_S+2), Z10, Z11 \
	VFMADD213PD.BCST ST(S_S+3), Z10, Z11 \
	VFMADD213PD.BCST ST(S_S+4), Z10, Z11 \
	VFMADD213PD.BCST ST(S_S+5), Z10, Z11 \
	VMULPD       Z10, Z9, Z14       \ // hi*y
	VFMADD213PD  Z9, Z14, Z11       \ // sin(hi) = hi*y*S(y) + hi
	VBROADCASTSD ST(S_C+0), Z13     \
	VFMADD213PD.BCST ST(S_C+1), Z10, Z13 \
	VFMADD213PD.BCST ST(S_C+2), Z10, Z13 \
	VFMADD213PD.BCST ST(S_C+3), Z10, Z13 \
	VFMADD213PD.BCST ST(S_C+4), Z10, Z13 \
	VFMADD213PD.BCST ST(S_C+5), Z10, Z13 \
	VFMADD213PD  Z24, Z10, Z13      \ // C(y)*y - 1/2
	VFMADD213PD  Z22, Z10, Z13      \ // cos(hi) = that*y + 1
	VADDPD       Z25, Z2, Z2

// Z11 = Z13 where n&1, sign flipped where n&2 (n in Z2); big lanes take x.
#define SCFAST_SELECT_512 \
	VPTESTMQ  Z26, Z2, K3  \
	VMOVAPD   Z13, K3, Z11 \
	VPSLLQ    $62, Z2, Z2  \
	VPANDQ    Z27, Z2, Z2  \
	VPXORQ    Z2, Z11, Z11

#define SCFAST_SIGN_512 \
	VPANDQ Z27, Z0, Z3 \
	VPXORQ Z3, Z11, Z11

#define SCFAST_BIG_512 \
	VMOVAPD Z0, K2, Z11 \
	KORB    K2, K4, K4

#define SCFAST_RET_512 \
	KMOVB K4, AX     \
	TESTB AL, AL     \
	SETNE big+48(FP) \
	VZEROUPPER       \
	RET

#define SINFAST_F64_512 SCFAST_F64_512; SCFAST_SELECT_512; SCFAST_SIGN_512; SCFAST_BIG_512
#define COSFAST_F64_512 SCFAST_F64_512; VPADDQ Z26, Z2, Z2; SCFAST_SELECT_512; SCFAST_BIG_512

// func sinFastF64AVX512(dst, x []float64) (big bool)
TEXT ·sinFastF64AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SCFAST_CONSTS_512

loop:
	CMPQ BX, $8
	JLT  tail
	VMOVUPD (SI), Z0
	SINFAST_F64_512
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
	SINFAST_F64_512
	VMOVUPD   Z11, K1, (DI)

done:
	SCFAST_RET_512

// func cosFastF64AVX512(dst, x []float64) (big bool)
TEXT ·cosFastF64AVX512(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	SCFAST_CONSTS_512

loop:
	CMPQ BX, $8
	JLT  tail
	VMOVUPD (SI), Z0
	COSFAST_F64_512
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
	COSFAST_F64_512
	VMOVUPD   Z11, K1, (DI)

done:
	SCFAST_RET_512

#define SC4(i) ·sinCosF64Tab4+32*(i)(SB)

// From x in Y0: Y2 = bits of q + 2^52, Y11 = sin(hi), Y13 = cos(hi). Clobbers Y1-Y14.
#define SCFAST_F64_256 \
	VANDPD       SC4(S_ABS), Y0, Y1 \
	VMULPD       SC4(S_2PI), Y1, Y2 \
	VROUNDPD     $0, Y2, Y2         \
	VMOVAPD      Y1, Y3             \
	VFNMADD231PD SC4(S_C1), Y2, Y3  \
	VMULPD       SC4(S_C2), Y2, Y4  \
	VMOVAPD      Y4, Y5             \
	VFMSUB231PD  SC4(S_C2), Y2, Y5  \
	VSUBPD       Y4, Y3, Y6         \
	VSUBPD       Y3, Y6, Y7         \
	VSUBPD       Y7, Y6, Y8         \
	VSUBPD       Y8, Y3, Y8         \
	VADDPD       Y7, Y4, Y9         \
	VSUBPD       Y9, Y8, Y8         \
	VSUBPD       Y5, Y8, Y8         \
	VFNMADD231PD SC4(S_C3), Y2, Y8  \ // lo
	VADDPD       Y8, Y6, Y9         \ // hi
	VMULPD       Y9, Y9, Y10        \ // y
	VMOVUPD      SC4(S_S+0), Y11    \
	VFMADD213PD  SC4(S_S+1), Y10, Y11 \
	VFMADD213PD  SC4(S_S+2), Y10, Y11 \
	VFMADD213PD  SC4(S_S+3), Y10, Y11 \
	VFMADD213PD  SC4(S_S+4), Y10, Y11 \
	VFMADD213PD  SC4(S_S+5), Y10, Y11 \
	VMULPD       Y10, Y9, Y14       \
	VFMADD213PD  Y9, Y14, Y11       \ // sin(hi)
	VMOVUPD      SC4(S_C+0), Y13    \
	VFMADD213PD  SC4(S_C+1), Y10, Y13 \
	VFMADD213PD  SC4(S_C+2), Y10, Y13 \
	VFMADD213PD  SC4(S_C+3), Y10, Y13 \
	VFMADD213PD  SC4(S_C+4), Y10, Y13 \
	VFMADD213PD  SC4(S_C+5), Y10, Y13 \
	VFMADD213PD  SC4(S_MHALF), Y10, Y13 \
	VFMADD213PD  SC4(S_ONE), Y10, Y13 \ // cos(hi)
	VADDPD       SC4(S_MAGIC), Y2, Y2

// Y11 = Y13 where n&1, sign flipped where n&2 (n in Y2).
#define SCFAST_SELECT_256 \
	VPSLLQ    $63, Y2, Y3       \
	VBLENDVPD Y3, Y13, Y11, Y11 \
	VPSLLQ    $62, Y2, Y2       \
	VANDPD    SC4(S_SIGN), Y2, Y2 \
	VXORPD    Y2, Y11, Y11

#define SCFAST_SIGN_256 \
	VANDPD SC4(S_SIGN), Y0, Y3 \
	VXORPD Y3, Y11, Y11

// Big lanes (|x| > max, Inf included) take x; R8 collects their sign-mask bits.
#define SCFAST_BIG_256 \
	VANDPD    SC4(S_ABS), Y0, Y1      \
	VCMPPD    $0x1e, SC4(S_MAX), Y1, Y1 \
	VBLENDVPD Y1, Y0, Y11, Y11      \
	VMOVMSKPD Y1, AX                \
	ORL       AX, R8

#define SCFAST_RET_256 \
	TESTL R8, R8     \
	SETNE big+48(FP) \
	VZEROUPPER       \
	RET

#define SINFAST_F64_256 SCFAST_F64_256; SCFAST_SELECT_256; SCFAST_SIGN_256; SCFAST_BIG_256
#define COSFAST_F64_256 SCFAST_F64_256; VPADDQ SC4(S_INT1), Y2, Y2; SCFAST_SELECT_256; SCFAST_BIG_256

// func sinFastF64AVX2(dst, x []float64) (big bool)
TEXT ·sinFastF64AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	SINFAST_F64_256
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
	SINFAST_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y11, Y13, (DI)

done:
	SCFAST_RET_256

// func cosFastF64AVX2(dst, x []float64) (big bool)
TEXT ·cosFastF64AVX2(SB), NOSPLIT, $0-49
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	XORL R8, R8

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	COSFAST_F64_256
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
	COSFAST_F64_256
	TAILMASK_Y13_F64
	VMASKMOVPD Y11, Y13, (DI)

done:
	SCFAST_RET_256
