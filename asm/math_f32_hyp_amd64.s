//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// float32 arcsinh, arccosh, arctanh in float64 lanes: the twins asinhF32,
// acoshF32, atanhF32 and hypF32Log (math_f32_hyp.go) step by step; FMAs only in
// hypF32Log's polynomial and sum, where the twin calls math.FMA. Constants: hypF32Tab, 4 copies of each (HY_ offsets).
#define HY(i) ·hypF32Tab+32*(i)(SB)
#define HY_ONE 0
#define HY_SQRT2 1
#define HY_HALF 2
#define HY_LN2 3
#define HY_TWO 4
#define HY_ABS 5
#define HY_INF 6
#define HY_NAN 7
#define HY_MANT 8
#define HY_ONEBITS 9
#define HY_MAGIC 10
#define HY_MAGICK 11
#define HY_C 12
#define HY_SIXTH 17
#define HY_TINY 18

// ---- AVX-512 -----------------------------------------------------------------
// Constants in registers: Z16 1, Z17 sqrt2, Z18 0.5, Z19 ln2, Z20-Z24 hypF32C,
// Z28 2, Z29 the abs mask, Z30 +Inf, Z31 NaN, Z12 1/6, Z13 hypF32Tiny.

// Z2 = hypF32Log(Z3). Clobbers Z1, Z3-Z7, K2.
#define HYP_LOG_512 \
	VGETEXPPD  Z3, Z4             \ // k
	VGETMANTPD $0, Z3, Z5         \ // m in [1, 2)
	VCMPPD     $0x1e, Z17, Z5, K2 \ // m > sqrt2
	VMULPD     Z18, Z5, K2, Z5    \
	VADDPD     Z16, Z4, K2, Z4    \
	VSUBPD     Z16, Z5, Z6        \ // num = m - 1
	VADDPD     Z16, Z5, Z5        \
	VDIVPD     Z5, Z6, Z6         \ // s
	VMULPD      Z6, Z6, Z7         \ // z
	VMOVAPD     Z24, Z1            \ // p by Horner's scheme with FMAs
	VFMADD213PD Z23, Z7, Z1        \
	VFMADD213PD Z22, Z7, Z1        \
	VFMADD213PD Z21, Z7, Z1        \
	VFMADD213PD Z20, Z7, Z1        \
	VADDPD      Z6, Z6, Z6         \ // t = 2s
	VMULPD      Z7, Z6, Z7         \ // t*z
	VFMADD213PD Z6, Z7, Z1         \ // t*z*p + t
	VFMADD231PD Z19, Z4, Z1        \ // + k*ln2
	VMOVAPD     Z1, Z2

// Z2 = asinhF32(Z0) in float64. Clobbers Z1, Z3-Z11, K2, K3.
#define ASINH_512 \
	VPANDQ  Z29, Z0, Z9         \ // a
	VMULPD  Z9, Z9, Z10         \ // a2, exact
	VADDPD  Z16, Z10, Z11       \
	VSQRTPD Z11, Z11            \
	VADDPD  Z11, Z9, Z3         \ // w = a + sqrt(1 + a2)
	HYP_LOG_512                 \
	VMULPD  Z9, Z10, Z10        \ // tiny a: a - a*a2/6
	VMULPD  Z12, Z10, Z10       \
	VSUBPD  Z10, Z9, Z10        \
	VCMPPD  $0x11, Z13, Z9, K2  \ // a < hypF32Tiny
	VMOVAPD Z10, K2, Z2         \
	VPANDNQ Z0, Z29, Z10        \ // sign(x)
	VPORQ   Z10, Z2, Z2         \
	VCMPPD  $0x03, Z0, Z0, K2   \ // NaN
	VCMPPD  $0x00, Z30, Z9, K3  \ // ±Inf
	KORB    K2, K3, K2          \
	VMOVAPD Z0, K2, Z2

// Z2 = acoshF32(Z0) in float64.
#define ACOSH_512 \
	VSUBPD  Z16, Z0, Z9         \ // t = x - 1
	VADDPD  Z28, Z9, Z10        \
	VMULPD  Z10, Z9, Z10        \ // t*(2 + t)
	VSQRTPD Z10, Z10            \
	VADDPD  Z10, Z0, Z3         \ // w = x + sqrt(t*(2 + t))
	HYP_LOG_512                 \
	VCMPPD  $0x11, Z16, Z0, K2  \ // x < 1
	VMOVAPD Z31, K2, Z2         \
	VCMPPD  $0x03, Z0, Z0, K2   \ // NaN
	VCMPPD  $0x00, Z30, Z0, K3  \ // +Inf
	KORB    K2, K3, K2          \
	VMOVAPD Z0, K2, Z2

// Z2 = atanhF32(Z0) in float64.
#define ATANH_512 \
	VPANDQ  Z29, Z0, Z9         \ // a
	VSUBPD  Z9, Z16, Z10        \ // 1 - a
	VADDPD  Z9, Z16, Z11        \ // 1 + a
	VDIVPD  Z10, Z11, Z3        \ // w
	HYP_LOG_512                 \
	VMULPD  Z18, Z2, Z2         \
	VMULPD  Z9, Z9, Z10         \ // tiny a: a + a*a2/3
	VMULPD  Z9, Z10, Z10        \
	VMULPD  Z20, Z10, Z10       \
	VADDPD  Z10, Z9, Z10        \
	VCMPPD  $0x11, Z13, Z9, K2  \ // a < hypF32Tiny
	VMOVAPD Z10, K2, Z2         \
	VPANDNQ Z0, Z29, Z10        \ // sign(x)
	VPORQ   Z10, Z2, Z2         \
	VCMPPD  $0x00, Z16, Z9, K2  \ // a == 1: ±Inf
	VPORQ   Z10, Z30, Z11       \
	VMOVAPD Z11, K2, Z2         \
	VCMPPD  $0x1e, Z16, Z9, K2  \ // a > 1: NaN
	VMOVAPD Z31, K2, Z2         \
	VCMPPD  $0x03, Z0, Z0, K2   \ // NaN
	VMOVAPD Z0, K2, Z2

// func hypF32AVX512(dst, x []float32, op hypF32Op)
TEXT ·hypF32AVX512(SB), NOSPLIT, $0-56
	MOVQ         dst_base+0(FP), DI
	MOVQ         x_base+24(FP), SI
	MOVQ         x_len+32(FP), BX
	MOVQ         op+48(FP), R8
	VBROADCASTSD HY(HY_ONE), Z16
	VBROADCASTSD HY(HY_SQRT2), Z17
	VBROADCASTSD HY(HY_HALF), Z18
	VBROADCASTSD HY(HY_LN2), Z19
	VBROADCASTSD HY(HY_C+0), Z20
	VBROADCASTSD HY(HY_C+1), Z21
	VBROADCASTSD HY(HY_C+2), Z22
	VBROADCASTSD HY(HY_C+3), Z23
	VBROADCASTSD HY(HY_C+4), Z24
	VBROADCASTSD HY(HY_TWO), Z28
	VBROADCASTSD HY(HY_ABS), Z29
	VBROADCASTSD HY(HY_INF), Z30
	VBROADCASTSD HY(HY_NAN), Z31
	VBROADCASTSD HY(HY_SIXTH), Z12
	VBROADCASTSD HY(HY_TINY), Z13
	CMPQ         R8, $1
	JEQ          acosh
	JGT          atanh

asinh:
	CMPQ      BX, $8
	JLT       asinhtail
	VCVTPS2PD (SI), Z0
	ASINH_512
	VCVTPD2PS Z2, Y2
	VMOVUPS   Y2, (DI)
	ADDQ      $32, SI
	ADDQ      $32, DI
	SUBQ      $8, BX
	JMP       asinh

asinhtail:
	TESTQ     BX, BX
	JEQ       done
	TAILMASK_K1
	VMOVUPS.Z (SI), K1, Y0
	VCVTPS2PD Y0, Z0
	ASINH_512
	VCVTPD2PS Z2, Y2
	VMOVUPS   Y2, K1, (DI)
	JMP       done

acosh:
	CMPQ      BX, $8
	JLT       acoshtail
	VCVTPS2PD (SI), Z0
	ACOSH_512
	VCVTPD2PS Z2, Y2
	VMOVUPS   Y2, (DI)
	ADDQ      $32, SI
	ADDQ      $32, DI
	SUBQ      $8, BX
	JMP       acosh

acoshtail:
	TESTQ     BX, BX
	JEQ       done
	TAILMASK_K1
	VMOVUPS.Z (SI), K1, Y0
	VCVTPS2PD Y0, Z0
	ACOSH_512
	VCVTPD2PS Z2, Y2
	VMOVUPS   Y2, K1, (DI)
	JMP       done

atanh:
	CMPQ      BX, $8
	JLT       atanhtail
	VCVTPS2PD (SI), Z0
	ATANH_512
	VCVTPD2PS Z2, Y2
	VMOVUPS   Y2, (DI)
	ADDQ      $32, SI
	ADDQ      $32, DI
	SUBQ      $8, BX
	JMP       atanh

atanhtail:
	TESTQ     BX, BX
	JEQ       done
	TAILMASK_K1
	VMOVUPS.Z (SI), K1, Y0
	VCVTPS2PD Y0, Z0
	ATANH_512
	VCVTPD2PS Z2, Y2
	VMOVUPS   Y2, K1, (DI)
	JMP       done

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------
// The same on 4 lanes, constants from memory; k and m split from the bits of w
// (w >= 1 is normal), k converted exactly through the bits of 2^52 + k + 1023.

// Y2 = hypF32Log(Y3). Clobbers Y1, Y3-Y7.
#define HYP_LOG_256 \
	VPSRLQ    $52, Y3, Y4                 \
	VPOR      HY(HY_MAGIC), Y4, Y4        \
	VSUBPD    HY(HY_MAGICK), Y4, Y4       \ // k
	VPAND     HY(HY_MANT), Y3, Y5         \
	VPOR      HY(HY_ONEBITS), Y5, Y5      \ // m in [1, 2)
	VCMPPD    $0x1e, HY(HY_SQRT2), Y5, Y6 \ // m > sqrt2
	VMULPD    HY(HY_HALF), Y5, Y7         \
	VBLENDVPD Y6, Y7, Y5, Y5              \
	VANDPD    HY(HY_ONE), Y6, Y6          \
	VADDPD    Y6, Y4, Y4                  \ // k + 1 there, k + 0 elsewhere
	VSUBPD    HY(HY_ONE), Y5, Y6          \ // num = m - 1
	VADDPD    HY(HY_ONE), Y5, Y5          \
	VDIVPD    Y5, Y6, Y6                  \ // s
	VMULPD      Y6, Y6, Y7                  \ // z
	VMOVUPD     HY(HY_C+4), Y1              \ // p by Horner's scheme with FMAs
	VFMADD213PD HY(HY_C+3), Y7, Y1          \
	VFMADD213PD HY(HY_C+2), Y7, Y1          \
	VFMADD213PD HY(HY_C+1), Y7, Y1          \
	VFMADD213PD HY(HY_C+0), Y7, Y1          \
	VADDPD      Y6, Y6, Y6                  \ // t = 2s
	VMULPD      Y7, Y6, Y7                  \ // t*z
	VFMADD213PD Y6, Y7, Y1                  \ // t*z*p + t
	VFMADD231PD HY(HY_LN2), Y4, Y1          \ // + k*ln2
	VMOVAPD     Y1, Y2

// Y2 = asinhF32(Y0) in float64. Clobbers Y1, Y3-Y11.
#define ASINH_256 \
	VANDPD    HY(HY_ABS), Y0, Y9          \ // a
	VMULPD    Y9, Y9, Y10                 \ // a2
	VADDPD    HY(HY_ONE), Y10, Y11        \
	VSQRTPD   Y11, Y11                    \
	VADDPD    Y11, Y9, Y3                 \ // w
	HYP_LOG_256                           \
	VMULPD    Y9, Y10, Y10                \ // tiny a: a - a*a2/6
	VMULPD    HY(HY_SIXTH), Y10, Y10      \
	VSUBPD    Y10, Y9, Y10                \
	VCMPPD    $0x11, HY(HY_TINY), Y9, Y11 \
	VBLENDVPD Y11, Y10, Y2, Y2            \
	VMOVUPD   HY(HY_ABS), Y10             \
	VANDNPD   Y0, Y10, Y10                \ // sign(x)
	VORPD     Y10, Y2, Y2                 \
	VCMPPD    $0x03, Y0, Y0, Y10          \ // NaN
	VCMPPD    $0x00, HY(HY_INF), Y9, Y11  \ // ±Inf
	VORPD     Y11, Y10, Y10               \
	VBLENDVPD Y10, Y0, Y2, Y2

// Y2 = acoshF32(Y0) in float64.
#define ACOSH_256 \
	VSUBPD    HY(HY_ONE), Y0, Y9          \ // t
	VADDPD    HY(HY_TWO), Y9, Y10         \
	VMULPD    Y10, Y9, Y10                \
	VSQRTPD   Y10, Y10                    \
	VADDPD    Y10, Y0, Y3                 \ // w
	HYP_LOG_256                           \
	VCMPPD    $0x11, HY(HY_ONE), Y0, Y10  \ // x < 1
	VBLENDVPD Y10, HY(HY_NAN), Y2, Y2     \
	VCMPPD    $0x03, Y0, Y0, Y10          \ // NaN
	VCMPPD    $0x00, HY(HY_INF), Y0, Y11  \ // +Inf
	VORPD     Y11, Y10, Y10               \
	VBLENDVPD Y10, Y0, Y2, Y2

// Y2 = atanhF32(Y0) in float64.
#define ATANH_256 \
	VANDPD    HY(HY_ABS), Y0, Y9          \ // a
	VMOVUPD   HY(HY_ONE), Y10             \
	VSUBPD    Y9, Y10, Y10                \ // 1 - a
	VADDPD    HY(HY_ONE), Y9, Y11         \ // 1 + a
	VDIVPD    Y10, Y11, Y3                \ // w
	HYP_LOG_256                           \
	VMULPD    HY(HY_HALF), Y2, Y2         \
	VMULPD    Y9, Y9, Y10                 \ // tiny a: a + a*a2/3
	VMULPD    Y9, Y10, Y10                \
	VMULPD    HY(HY_C+0), Y10, Y10        \
	VADDPD    Y10, Y9, Y10                \
	VCMPPD    $0x11, HY(HY_TINY), Y9, Y11 \
	VBLENDVPD Y11, Y10, Y2, Y2            \
	VMOVUPD   HY(HY_ABS), Y10             \
	VANDNPD   Y0, Y10, Y10                \ // sign(x)
	VORPD     Y10, Y2, Y2                 \
	VCMPPD    $0x00, HY(HY_ONE), Y9, Y11  \ // a == 1: ±Inf
	VORPD     HY(HY_INF), Y10, Y12        \
	VBLENDVPD Y11, Y12, Y2, Y2            \
	VCMPPD    $0x1e, HY(HY_ONE), Y9, Y11  \ // a > 1: NaN
	VBLENDVPD Y11, HY(HY_NAN), Y2, Y2     \
	VCMPPD    $0x03, Y0, Y0, Y11          \ // NaN
	VBLENDVPD Y11, Y0, Y2, Y2

// func hypF32AVX2(dst, x []float32, op hypF32Op)
TEXT ·hypF32AVX2(SB), NOSPLIT, $0-56
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ op+48(FP), R8
	CMPQ R8, $1
	JEQ  acosh
	JGT  atanh

asinh:
	CMPQ       BX, $4
	JLT        asinhtail
	VCVTPS2PD  (SI), Y0
	ASINH_256
	VCVTPD2PSY Y2, X2
	VMOVUPS    X2, (DI)
	ADDQ       $16, SI
	ADDQ       $16, DI
	SUBQ       $4, BX
	JMP        asinh

asinhtail:
	TESTQ      BX, BX
	JEQ        done
	TAILMASK_X13_F32
	VMASKMOVPS (SI), X13, X0
	VCVTPS2PD  X0, Y0
	ASINH_256
	VCVTPD2PSY Y2, X2
	VMASKMOVPS X2, X13, (DI)
	JMP        done

acosh:
	CMPQ       BX, $4
	JLT        acoshtail
	VCVTPS2PD  (SI), Y0
	ACOSH_256
	VCVTPD2PSY Y2, X2
	VMOVUPS    X2, (DI)
	ADDQ       $16, SI
	ADDQ       $16, DI
	SUBQ       $4, BX
	JMP        acosh

acoshtail:
	TESTQ      BX, BX
	JEQ        done
	TAILMASK_X13_F32
	VMASKMOVPS (SI), X13, X0
	VCVTPS2PD  X0, Y0
	ACOSH_256
	VCVTPD2PSY Y2, X2
	VMASKMOVPS X2, X13, (DI)
	JMP        done

atanh:
	CMPQ       BX, $4
	JLT        atanhtail
	VCVTPS2PD  (SI), Y0
	ATANH_256
	VCVTPD2PSY Y2, X2
	VMOVUPS    X2, (DI)
	ADDQ       $16, SI
	ADDQ       $16, DI
	SUBQ       $4, BX
	JMP        atanh

atanhtail:
	TESTQ      BX, BX
	JEQ        done
	TAILMASK_X13_F32
	VMASKMOVPS (SI), X13, X0
	VCVTPS2PD  X0, Y0
	ATANH_256
	VCVTPD2PSY Y2, X2
	VMASKMOVPS X2, X13, (DI)
	JMP        done

done:
	VZEROUPPER
	RET
