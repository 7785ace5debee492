//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// expm1, exp2, tanh, sinh, cosh kernels: the twins are expm1F64, exp2F64, tanhF64,
// sinhF64, coshF64 and their float32 versions in math_expfam_scalar.go, step by
// step (float32 exp2 and tanh compute in float32 lanes, in math_f32_exp2_amd64.s
// and math_f32_tanh_amd64.s) (see there for the algorithms and why they are accurate). The float64
// core (EF_CORE_*) is expF64's reduction and expFamPoly, with e^y kept as the
// normalized double-double 2^k * (h + l); the float32 core (EF32_CORE_*) is
// expF32's, giving 2^k and q with e^y = 2^k * (1 + q).

// Table offsets, float64 kernels (expFamTab; expFamTab4 holds 32-byte copies).
#define F_LOG2E 0
#define F_LN2HI 1
#define F_LN2LO 2
#define F_ONE 3
#define F_MAGIC 4
#define F_HALF 5
#define F_TWO 6
#define F_K1000 7
#define F_ABS 8
#define F_SIGN 9
#define F_DDLN2HI 10
#define F_DDLN2LO 11
#define F_EXPM1LO 12
#define F_EXPM1HI 13
#define F_EXP2LO 14
#define F_EXP2HI 15
#define F_TANHMAX 16
#define F_HYPMAX 17
#define F_C 18

// Table offsets, float32 kernels (expFamTab32, expFamTab324).
#define G_LOG2E 0
#define G_LN2 1
#define G_ONE 2
#define G_MAGIC 3
#define G_HALF 4
#define G_TWO 5
#define G_ABS 6
#define G_SIGN 7
#define G_EXPM1LO 8
#define G_EXPM1HI 9
#define G_EXP2LO 10
#define G_EXP2HI 11
#define G_TANHMAX 12
#define G_HYPMAX 13
#define G_C 14

#define TF(i) ·expFamTab+8*(i)(SB)
#define TG(i) ·expFamTab32+8*(i)(SB)
#define TF4(i) ·expFamTab4+32*(i)(SB)
#define TG4(i) ·expFamTab324+32*(i)(SB)

// ---- AVX-512, float64 --------------------------------------------------------
//
// Z16 log2e, Z17 ln2Hi, Z18 ln2Lo, Z19 1, Z20-Z29 the polynomial Q (C9 first),
// Z30 0x1p52+1023 (for 2^n by a shift); Z15 and Z31 hold each function's clamp
// bounds; Z11 keeps x for its sign bit.

#define EF_CONSTS_512 \
	VBROADCASTSD TF(F_LOG2E), Z16 \
	VBROADCASTSD TF(F_LN2HI), Z17 \
	VBROADCASTSD TF(F_LN2LO), Z18 \
	VBROADCASTSD TF(F_ONE), Z19 \
	VBROADCASTSD TF(F_C+0), Z20 \
	VBROADCASTSD TF(F_C+1), Z21 \
	VBROADCASTSD TF(F_C+2), Z22 \
	VBROADCASTSD TF(F_C+3), Z23 \
	VBROADCASTSD TF(F_C+4), Z24 \
	VBROADCASTSD TF(F_C+5), Z25 \
	VBROADCASTSD TF(F_C+6), Z26 \
	VBROADCASTSD TF(F_C+7), Z27 \
	VBROADCASTSD TF(F_C+8), Z28 \
	VBROADCASTSD TF(F_C+9), Z29 \
	VBROADCASTSD TF(F_MAGIC), Z30

// Z5 = r, Z6 = rl -> Z10 + Z9 = s + l = e^(r+rl) (expFamPoly). Clobbers Z2-Z4, Z7, Z8.
#define EF_POLY_512 \
	VMOVAPD      Z20, Z7      \
	VFMADD213PD  Z21, Z5, Z7  \
	VFMADD213PD  Z22, Z5, Z7  \
	VFMADD213PD  Z23, Z5, Z7  \
	VFMADD213PD  Z24, Z5, Z7  \
	VFMADD213PD  Z25, Z5, Z7  \
	VFMADD213PD  Z26, Z5, Z7  \
	VFMADD213PD  Z27, Z5, Z7  \
	VFMADD213PD  Z28, Z5, Z7  \
	VFMADD213PD  Z29, Z5, Z7  \ // Q
	VMULPD       Z5, Z7, Z7   \ // w = r*Q
	VADDPD       Z19, Z5, Z8  \ // h = 1 + r
	VSUBPD       Z8, Z19, Z9  \
	VADDPD       Z5, Z9, Z9   \ // hl = (1 - h) + r
	VMULPD       Z5, Z5, Z2   \ // r2
	VMOVAPD      Z2, Z3       \
	VFMSUB231PD  Z5, Z5, Z3   \ // r2l = r*r - r2
	VMULPD.BCST  TF(F_HALF), Z2, Z4 \ // hr = r2/2
	VMULPD.BCST  TF(F_HALF), Z3, Z3 \ // r2l/2
	VMOVAPD      Z6, Z10      \
	VFMADD213PD  Z6, Z5, Z10  \ // rl*r + rl
	VFMADD213PD  Z10, Z2, Z7  \ // tail = r2*w + (rl*r + rl)
	VADDPD       Z4, Z8, Z10  \ // s = h + hr
	VSUBPD       Z8, Z10, Z8  \
	VSUBPD       Z8, Z4, Z4   \ // e = hr - (s - h)
	VADDPD       Z7, Z3, Z3   \
	VADDPD       Z3, Z9, Z9   \
	VADDPD       Z9, Z4, Z9      // l = e + (hl + (r2l/2 + tail))

// Z0 = y -> Z1 = k, Z8 + Z9 = h + l (normalized), e^y = 2^k (h + l). Clobbers Z2-Z7, Z10.
#define EF_CORE_512 \
	VMULPD       Z16, Z0, Z1  \
	VRNDSCALEPD  $0, Z1, Z1   \ // k
	VMOVAPD      Z0, Z2       \
	VFNMADD231PD Z17, Z1, Z2  \ // r1 = y - k*ln2Hi (exact)
	VMULPD       Z18, Z1, Z3  \ // t = k*ln2Lo
	VMOVAPD      Z3, Z4       \
	VFMSUB231PD  Z18, Z1, Z4  \ // tl = k*ln2Lo - t
	VSUBPD       Z3, Z2, Z5   \ // r = r1 - t
	VSUBPD       Z5, Z2, Z6   \
	VSUBPD       Z3, Z6, Z6   \
	VSUBPD       Z4, Z6, Z6   \ // rl = ((r1 - r) - t) - tl
	EF_POLY_512               \
	VADDPD       Z9, Z10, Z8  \ // h = s + l
	VSUBPD       Z10, Z8, Z10 \
	VSUBPD       Z10, Z9, Z9     // l - (h - s)

// Z2 = 2^-min(k, 1000) from Z1 = k.
#define EF_M_512 \
	VMINPD.BCST TF(F_K1000), Z1, Z2 \
	VSUBPD      Z2, Z30, Z2         \
	VPSLLQ      $52, Z2, Z2

// Z0 = x, clamped to [Z31, Z15], NaN kept; Z11 = x.
#define EF_CLAMP_512 \
	VMOVAPD Z0, Z11     \
	VMAXPD  Z0, Z31, Z0 \
	VMINPD  Z0, Z15, Z0

// Z0 = min(|x|, Z15), NaN kept; Z11 = x.
#define EF_ABSMIN_512 \
	VMOVAPD     Z0, Z11          \
	VANDPD.BCST TF(F_ABS), Z0, Z0 \
	VMINPD      Z0, Z15, Z0

// Z0 = R | (Z11 & sign bit).
#define EF_ORSIGN_512(R) \
	VPTERNLOGQ.BCST $0xf8, TF(F_SIGN), Z11, R \
	VMOVAPD         R, Z0

#define EXPM1_F64_512 \
	EF_CLAMP_512        \
	EF_CORE_512         \
	EF_M_512            \
	VSUBPD    Z2, Z8, Z3 \ // s = h - m
	VSUBPD    Z8, Z3, Z4 \ // bb = s - h
	VSUBPD    Z4, Z3, Z5 \
	VSUBPD    Z5, Z8, Z5 \ // h - (s - bb)
	VADDPD    Z4, Z2, Z6 \ // m + bb
	VSUBPD    Z6, Z5, Z5 \ // e: s + e = h - m exactly
	VADDPD    Z9, Z5, Z5 \
	VADDPD    Z5, Z3, Z3 \ // s + (e + l)
	VSCALEFPD Z1, Z3, Z3 \
	EF_ORSIGN_512(Z3)

#define EXP2_F64_512 \
	VMAXPD       Z0, Z31, Z0 \
	VMINPD       Z0, Z15, Z0 \
	VRNDSCALEPD  $0, Z0, Z1  \ // k
	VSUBPD       Z1, Z0, Z2  \ // r = x - k
	VMULPD       Z14, Z2, Z5 \ // a = r*ln2 (hi)
	VMOVAPD      Z5, Z6      \
	VFMSUB231PD  Z14, Z2, Z6 \
	VMULPD       Z13, Z2, Z3 \
	VADDPD       Z3, Z6, Z6  \ // al = (r*ln2Hi - a) + r*ln2Lo
	EF_POLY_512              \
	VADDPD       Z9, Z10, Z8 \
	VSCALEFPD    Z1, Z8, Z0

#define TANH_F64_512 \
	EF_ABSMIN_512          \
	VADDPD       Z0, Z0, Z0  \ // y = 2a
	EF_CORE_512            \
	VSUBPD       Z1, Z30, Z2 \
	VPSLLQ       $52, Z2, Z2 \ // m = 2^-k
	VSUBPD       Z2, Z8, Z3  \ // s = h - m
	VSUBPD       Z8, Z3, Z4  \
	VADDPD       Z2, Z4, Z4  \
	VSUBPD       Z4, Z9, Z4  \ // l - ((s - h) + m)
	VADDPD       Z4, Z3, Z5  \ // ph
	VSUBPD       Z3, Z5, Z6  \
	VSUBPD       Z6, Z4, Z4  \ // pl
	VADDPD       Z2, Z8, Z6  \ // d = h + m
	VSUBPD       Z8, Z6, Z7  \
	VSUBPD       Z7, Z2, Z7  \
	VADDPD       Z9, Z7, Z7  \ // (m - (d - h)) + l
	VADDPD       Z7, Z6, Z10 \ // dh
	VSUBPD       Z6, Z10, Z3 \
	VSUBPD       Z3, Z7, Z7  \ // dl
	VDIVPD       Z10, Z19, Z3 \ // inv = 1/dh
	VMULPD       Z3, Z5, Z6  \ // q = ph*inv
	VMOVAPD      Z5, Z8      \
	VFNMADD231PD Z10, Z6, Z8 \ // ph - q*dh
	VMULPD       Z7, Z6, Z9  \
	VSUBPD       Z9, Z4, Z9  \ // pl - q*dl
	VADDPD       Z9, Z8, Z8  \ // res
	VFMADD213PD  Z6, Z3, Z8  \ // q + res*inv
	EF_ORSIGN_512(Z8)

#define SINH_F64_512 \
	EF_ABSMIN_512          \
	EF_CORE_512            \
	EF_M_512               \
	VSUBPD       Z2, Z8, Z3  \ // s = h - m
	VSUBPD       Z8, Z3, Z4  \
	VADDPD       Z2, Z4, Z4  \
	VSUBPD       Z4, Z9, Z4  \
	VADDPD       Z4, Z3, Z5  \ // ph
	VSUBPD       Z3, Z5, Z6  \
	VSUBPD       Z6, Z4, Z4  \ // pl
	VDIVPD       Z8, Z19, Z3 \ // inv = 1/h
	VMULPD       Z3, Z5, Z6  \ // q = ph*inv
	VMOVAPD      Z5, Z7      \
	VFNMADD231PD Z8, Z6, Z7  \ // ph - q*h
	VMULPD       Z9, Z6, Z10 \
	VSUBPD       Z10, Z4, Z10 \ // pl - q*l
	VADDPD       Z10, Z7, Z7 \
	VMULPD       Z3, Z7, Z7  \ // ql
	VMULPD       Z2, Z6, Z6  \ // mq
	VADDPD       Z6, Z5, Z10 \ // s2 = ph + mq
	VSUBPD       Z5, Z10, Z3 \
	VSUBPD       Z3, Z6, Z6  \ // e2
	VMULPD       Z2, Z7, Z7  \
	VADDPD       Z7, Z4, Z4  \ // pl + m*ql
	VADDPD       Z4, Z6, Z6  \
	VADDPD       Z6, Z10, Z10 \
	VSUBPD       Z19, Z1, Z1 \
	VSCALEFPD    Z1, Z10, Z10 \
	EF_ORSIGN_512(Z10)

#define COSH_F64_512 \
	EF_ABSMIN_512          \
	EF_CORE_512            \
	EF_M_512               \
	VMULPD       Z2, Z2, Z2  \ // mm
	VDIVPD       Z8, Z19, Z3 \ // inv = 1/h
	VMULPD       Z3, Z2, Z6  \ // c = mm*inv
	VMOVAPD      Z2, Z7      \
	VFNMADD231PD Z8, Z6, Z7  \ // mm - c*h
	VMULPD       Z9, Z6, Z10 \
	VSUBPD       Z10, Z7, Z7 \
	VMULPD       Z3, Z7, Z7  \ // cl
	VADDPD       Z6, Z8, Z10 \ // s = h + c
	VSUBPD       Z8, Z10, Z4 \
	VSUBPD       Z4, Z6, Z6  \ // e
	VADDPD       Z7, Z9, Z9  \ // l + cl
	VADDPD       Z9, Z6, Z6  \
	VADDPD       Z6, Z10, Z10 \
	VSUBPD       Z19, Z1, Z1 \
	VSCALEFPD    Z1, Z10, Z0

// ---- AVX-512, float32 (computed in float64 lanes) ---------------------------
//
// Z16 log2e, Z17 ln2, Z19 1, Z20-Z25 the polynomial (C5 first), Z30 0x1p52+1023;
// Z15, Z31 clamp bounds; Z11 keeps x.

#define EF32_CONSTS_512 \
	VBROADCASTSD TG(G_LOG2E), Z16 \
	VBROADCASTSD TG(G_LN2), Z17 \
	VBROADCASTSD TG(G_ONE), Z19 \
	VBROADCASTSD TG(G_C+0), Z20 \
	VBROADCASTSD TG(G_C+1), Z21 \
	VBROADCASTSD TG(G_C+2), Z22 \
	VBROADCASTSD TG(G_C+3), Z23 \
	VBROADCASTSD TG(G_C+4), Z24 \
	VBROADCASTSD TG(G_C+5), Z25 \
	VBROADCASTSD TG(G_MAGIC), Z30

// Z0 = y -> Z1 = 2^k, Z7 = q, e^y = 2^k (1 + q). Clobbers Z5, Z10.
#define EF32_CORE_512 \
	VMULPD       Z16, Z0, Z1 \
	VRNDSCALEPD  $0, Z1, Z1  \ // k
	VMOVAPD      Z0, Z5      \
	VFNMADD231PD Z17, Z1, Z5 \ // r = y - k*ln2
	VMOVAPD      Z20, Z7     \
	VFMADD213PD  Z21, Z5, Z7 \
	VFMADD213PD  Z22, Z5, Z7 \
	VFMADD213PD  Z23, Z5, Z7 \
	VFMADD213PD  Z24, Z5, Z7 \
	VFMADD213PD  Z25, Z5, Z7 \
	VMULPD       Z5, Z5, Z10 \
	VFMADD213PD  Z5, Z10, Z7 \ // q = r*r*p + r
	VADDPD       Z30, Z1, Z1 \
	VPSLLQ       $52, Z1, Z1

#define EF32_ABSMIN_512 \
	VMOVAPD     Z0, Z11          \
	VANDPD.BCST TG(G_ABS), Z0, Z0 \
	VMINPD      Z0, Z15, Z0

#define EF32_ORSIGN_512(R) \
	VPTERNLOGQ.BCST $0xf8, TG(G_SIGN), Z11, R \
	VMOVAPD         R, Z0

#define EXPM1_F32_512 \
	EF_CLAMP_512          \
	EF32_CORE_512         \
	VSUBPD      Z19, Z1, Z2 \ // 2^k - 1
	VFMADD213PD Z2, Z1, Z7  \ // 2^k q + (2^k - 1)
	EF32_ORSIGN_512(Z7)

#define SINH_F32_512 \
	EF32_ABSMIN_512             \
	EF32_CORE_512               \
	VSUBPD      Z19, Z1, Z2      \
	VFMADD213PD Z2, Z1, Z7       \ // E = e^a - 1
	VADDPD      Z19, Z7, Z2      \
	VDIVPD      Z2, Z7, Z2       \ // E/(E + 1)
	VADDPD      Z2, Z7, Z7       \
	VMULPD.BCST TG(G_HALF), Z7, Z7 \
	EF32_ORSIGN_512(Z7)

#define COSH_F32_512 \
	EF32_ABSMIN_512             \
	EF32_CORE_512               \
	VFMADD213PD Z1, Z1, Z7       \ // e^a
	VDIVPD      Z7, Z19, Z2      \
	VADDPD      Z2, Z7, Z7       \
	VMULPD.BCST TG(G_HALF), Z7, Z0

// func expm1F64AVX512(dst, x []float64)
TEXT ·expm1F64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF_CONSTS_512
	VBROADCASTSD TF(F_EXPM1LO), Z31
	VBROADCASTSD TF(F_EXPM1HI), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	EXPM1_F64_512
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
	EXPM1_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func exp2F64AVX512(dst, x []float64)
TEXT ·exp2F64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF_CONSTS_512
	VBROADCASTSD TF(F_EXP2LO), Z31
	VBROADCASTSD TF(F_EXP2HI), Z15
	VBROADCASTSD TF(F_DDLN2HI), Z14
	VBROADCASTSD TF(F_DDLN2LO), Z13
	KXNORB K1, K1, K1

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	EXP2_F64_512
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
	EXP2_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func tanhF64AVX512(dst, x []float64)
TEXT ·tanhF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF_CONSTS_512
	VBROADCASTSD TF(F_TANHMAX), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	TANH_F64_512
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
	TANH_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func sinhF64AVX512(dst, x []float64)
TEXT ·sinhF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF_CONSTS_512
	VBROADCASTSD TF(F_HYPMAX), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	SINH_F64_512
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
	SINH_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func coshF64AVX512(dst, x []float64)
TEXT ·coshF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF_CONSTS_512
	VBROADCASTSD TF(F_HYPMAX), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	COSH_F64_512
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
	COSH_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// func expm1F32AVX512(dst, x []float32)
TEXT ·expm1F32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF32_CONSTS_512
	VBROADCASTSD TG(G_EXPM1LO), Z31
	VBROADCASTSD TG(G_EXPM1HI), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	EXPM1_F32_512
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
	EXPM1_F32_512
	VCVTPD2PS Z0, Y0
	VMOVUPS   Y0, K1, (DI)

done:
	VZEROUPPER
	RET

// func sinhF32AVX512(dst, x []float32)
TEXT ·sinhF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF32_CONSTS_512
	VBROADCASTSD TG(G_HYPMAX), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	SINH_F32_512
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
	SINH_F32_512
	VCVTPD2PS Z0, Y0
	VMOVUPS   Y0, K1, (DI)

done:
	VZEROUPPER
	RET

// func coshF32AVX512(dst, x []float32)
TEXT ·coshF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	EF32_CONSTS_512
	VBROADCASTSD TG(G_HYPMAX), Z15
	KXNORB K1, K1, K1

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	COSH_F32_512
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
	COSH_F32_512
	VCVTPD2PS Z0, Y0
	VMOVUPS   Y0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2, float64 -----------------------------------------------------------
//
// Constants are memory operands (expFamTab4); Y15 holds one while it is needed;
// Y11 keeps x; Y12 and Y14 hold a function's bounds; Y13 is the tail mask.

// Y5 = r, Y6 = rl -> Y10 + Y9 = s + l = e^(r+rl) (expFamPoly); Y15 = 1.
// Clobbers Y2-Y4, Y7, Y8.
#define EF_POLY_256 \
	VMOVUPD      TF4(F_C+0), Y7 \
	VFMADD213PD  TF4(F_C+1), Y5, Y7 \
	VFMADD213PD  TF4(F_C+2), Y5, Y7 \
	VFMADD213PD  TF4(F_C+3), Y5, Y7 \
	VFMADD213PD  TF4(F_C+4), Y5, Y7 \
	VFMADD213PD  TF4(F_C+5), Y5, Y7 \
	VFMADD213PD  TF4(F_C+6), Y5, Y7 \
	VFMADD213PD  TF4(F_C+7), Y5, Y7 \
	VFMADD213PD  TF4(F_C+8), Y5, Y7 \
	VFMADD213PD  TF4(F_C+9), Y5, Y7 \
	VMULPD       Y5, Y7, Y7   \
	VMOVUPD      TF4(F_ONE), Y15 \
	VADDPD       Y15, Y5, Y8  \
	VSUBPD       Y8, Y15, Y9  \
	VADDPD       Y5, Y9, Y9   \
	VMULPD       Y5, Y5, Y2   \
	VMOVAPD      Y2, Y3       \
	VFMSUB231PD  Y5, Y5, Y3   \
	VMULPD       TF4(F_HALF), Y2, Y4 \
	VMULPD       TF4(F_HALF), Y3, Y3 \
	VMOVAPD      Y6, Y10      \
	VFMADD213PD  Y6, Y5, Y10  \
	VFMADD213PD  Y10, Y2, Y7  \
	VADDPD       Y4, Y8, Y10  \
	VSUBPD       Y8, Y10, Y8  \
	VSUBPD       Y8, Y4, Y4   \
	VADDPD       Y7, Y3, Y3   \
	VADDPD       Y3, Y9, Y9   \
	VADDPD       Y9, Y4, Y9

// Y0 = y -> Y1 = k, Y8 + Y9 = h + l (normalized); Y15 = 1. Clobbers Y2-Y7, Y10.
#define EF_CORE_256 \
	VMULPD       TF4(F_LOG2E), Y0, Y1 \
	VROUNDPD     $0, Y1, Y1   \
	VMOVAPD      Y0, Y2       \
	VFNMADD231PD TF4(F_LN2HI), Y1, Y2 \
	VMULPD       TF4(F_LN2LO), Y1, Y3 \
	VMOVAPD      Y3, Y4       \
	VFMSUB231PD  TF4(F_LN2LO), Y1, Y4 \
	VSUBPD       Y3, Y2, Y5   \
	VSUBPD       Y5, Y2, Y6   \
	VSUBPD       Y3, Y6, Y6   \
	VSUBPD       Y4, Y6, Y6   \
	EF_POLY_256               \
	VADDPD       Y9, Y10, Y8  \
	VSUBPD       Y10, Y8, Y10 \
	VSUBPD       Y10, Y9, Y9

// Y2 = 2^-min(k, 1000) from Y1 = k. Clobbers Y3.
#define EF_M_256 \
	VMINPD  TF4(F_K1000), Y1, Y2 \
	VMOVUPD TF4(F_MAGIC), Y3     \
	VSUBPD  Y2, Y3, Y2           \
	VPSLLQ  $52, Y2, Y2

// Y0 = R * 2^Y1, rounded once as scale2 does: R*2^k1 is exact, k1 = floor(Y1/2),
// the product by 2^(Y1-k1) rounds. Clobbers Y1, Y2, Y4, R.
#define EF_SCALE_256(R) \
	VMULPD   TF4(F_HALF), Y1, Y2 \
	VROUNDPD $1, Y2, Y2          \
	VSUBPD   Y2, Y1, Y4          \
	VMOVUPD  TF4(F_MAGIC), Y1    \
	VADDPD   Y1, Y2, Y2          \
	VPSLLQ   $52, Y2, Y2         \
	VADDPD   Y1, Y4, Y4          \
	VPSLLQ   $52, Y4, Y4         \
	VMULPD   Y2, R, R            \
	VMULPD   Y4, R, Y0

#define EF_CLAMP_256 \
	VMOVAPD Y0, Y11     \
	VMAXPD  Y0, Y12, Y0 \
	VMINPD  Y0, Y14, Y0

#define EF_ABSMIN_256 \
	VMOVAPD Y0, Y11              \
	VANDPD  TF4(F_ABS), Y0, Y0   \
	VMINPD  Y0, Y14, Y0

// Y0 = R | (Y11 & sign bit).
#define EF_ORSIGN_256(R) \
	VANDPD TF4(F_SIGN), Y11, Y11 \
	VORPD  Y11, R, Y0

#define EXPM1_F64_256 \
	EF_CLAMP_256        \
	EF_CORE_256         \
	EF_M_256            \
	VSUBPD    Y2, Y8, Y3 \
	VSUBPD    Y8, Y3, Y4 \
	VSUBPD    Y4, Y3, Y5 \
	VSUBPD    Y5, Y8, Y5 \
	VADDPD    Y4, Y2, Y6 \
	VSUBPD    Y6, Y5, Y5 \
	VADDPD    Y9, Y5, Y5 \
	VADDPD    Y5, Y3, Y3 \
	EF_SCALE_256(Y3)    \
	EF_ORSIGN_256(Y0)

#define EXP2_F64_256 \
	VMAXPD       Y0, Y12, Y0 \
	VMINPD       Y0, Y14, Y0 \
	VROUNDPD     $0, Y0, Y1  \
	VSUBPD       Y1, Y0, Y2  \
	VMULPD       TF4(F_DDLN2HI), Y2, Y5 \
	VMOVAPD      Y5, Y6      \
	VFMSUB231PD  TF4(F_DDLN2HI), Y2, Y6 \
	VMULPD       TF4(F_DDLN2LO), Y2, Y3 \
	VADDPD       Y3, Y6, Y6  \
	EF_POLY_256              \
	VADDPD       Y9, Y10, Y8 \
	EF_SCALE_256(Y8)

#define TANH_F64_256 \
	EF_ABSMIN_256          \
	VADDPD       Y0, Y0, Y0  \
	EF_CORE_256            \
	VMOVUPD      TF4(F_MAGIC), Y2 \
	VSUBPD       Y1, Y2, Y2  \
	VPSLLQ       $52, Y2, Y2 \
	VSUBPD       Y2, Y8, Y3  \
	VSUBPD       Y8, Y3, Y4  \
	VADDPD       Y2, Y4, Y4  \
	VSUBPD       Y4, Y9, Y4  \
	VADDPD       Y4, Y3, Y5  \
	VSUBPD       Y3, Y5, Y6  \
	VSUBPD       Y6, Y4, Y4  \
	VADDPD       Y2, Y8, Y6  \
	VSUBPD       Y8, Y6, Y7  \
	VSUBPD       Y7, Y2, Y7  \
	VADDPD       Y9, Y7, Y7  \
	VADDPD       Y7, Y6, Y10 \
	VSUBPD       Y6, Y10, Y3 \
	VSUBPD       Y3, Y7, Y7  \
	VDIVPD       Y10, Y15, Y3 \
	VMULPD       Y3, Y5, Y6  \
	VMOVAPD      Y5, Y8      \
	VFNMADD231PD Y10, Y6, Y8 \
	VMULPD       Y7, Y6, Y9  \
	VSUBPD       Y9, Y4, Y9  \
	VADDPD       Y9, Y8, Y8  \
	VFMADD213PD  Y6, Y3, Y8  \
	EF_ORSIGN_256(Y8)

#define SINH_F64_256 \
	EF_ABSMIN_256          \
	EF_CORE_256            \
	EF_M_256               \
	VSUBPD       Y2, Y8, Y3  \
	VSUBPD       Y8, Y3, Y4  \
	VADDPD       Y2, Y4, Y4  \
	VSUBPD       Y4, Y9, Y4  \
	VADDPD       Y4, Y3, Y5  \
	VSUBPD       Y3, Y5, Y6  \
	VSUBPD       Y6, Y4, Y4  \
	VDIVPD       Y8, Y15, Y3 \
	VMULPD       Y3, Y5, Y6  \
	VMOVAPD      Y5, Y7      \
	VFNMADD231PD Y8, Y6, Y7  \
	VMULPD       Y9, Y6, Y10 \
	VSUBPD       Y10, Y4, Y10 \
	VADDPD       Y10, Y7, Y7 \
	VMULPD       Y3, Y7, Y7  \
	VMULPD       Y2, Y6, Y6  \
	VADDPD       Y6, Y5, Y10 \
	VSUBPD       Y5, Y10, Y3 \
	VSUBPD       Y3, Y6, Y6  \
	VMULPD       Y2, Y7, Y7  \
	VADDPD       Y7, Y4, Y4  \
	VADDPD       Y4, Y6, Y6  \
	VADDPD       Y6, Y10, Y10 \
	VSUBPD       Y15, Y1, Y1 \
	EF_SCALE_256(Y10)      \
	EF_ORSIGN_256(Y0)

#define COSH_F64_256 \
	EF_ABSMIN_256          \
	EF_CORE_256            \
	EF_M_256               \
	VMULPD       Y2, Y2, Y2  \
	VDIVPD       Y8, Y15, Y3 \
	VMULPD       Y3, Y2, Y6  \
	VMOVAPD      Y2, Y7      \
	VFNMADD231PD Y8, Y6, Y7  \
	VMULPD       Y9, Y6, Y10 \
	VSUBPD       Y10, Y7, Y7 \
	VMULPD       Y3, Y7, Y7  \
	VADDPD       Y6, Y8, Y10 \
	VSUBPD       Y8, Y10, Y4 \
	VSUBPD       Y4, Y6, Y6  \
	VADDPD       Y7, Y9, Y9  \
	VADDPD       Y9, Y6, Y6  \
	VADDPD       Y6, Y10, Y10 \
	VSUBPD       Y15, Y1, Y1 \
	EF_SCALE_256(Y10)

// ---- AVX2, float32 (computed in float64 lanes) -------------------------------

// Y0 = y -> Y1 = 2^k, Y7 = q. Clobbers Y5, Y10.
#define EF32_CORE_256 \
	VMULPD       TG4(G_LOG2E), Y0, Y1 \
	VROUNDPD     $0, Y1, Y1  \
	VMOVAPD      Y0, Y5      \
	VFNMADD231PD TG4(G_LN2), Y1, Y5 \
	VMOVUPD      TG4(G_C+0), Y7 \
	VFMADD213PD  TG4(G_C+1), Y5, Y7 \
	VFMADD213PD  TG4(G_C+2), Y5, Y7 \
	VFMADD213PD  TG4(G_C+3), Y5, Y7 \
	VFMADD213PD  TG4(G_C+4), Y5, Y7 \
	VFMADD213PD  TG4(G_C+5), Y5, Y7 \
	VMULPD       Y5, Y5, Y10 \
	VFMADD213PD  Y5, Y10, Y7 \
	VADDPD       TG4(G_MAGIC), Y1, Y1 \
	VPSLLQ       $52, Y1, Y1

#define EF32_ABSMIN_256 \
	VMOVAPD Y0, Y11            \
	VANDPD  TG4(G_ABS), Y0, Y0 \
	VMINPD  Y0, Y14, Y0

#define EF32_ORSIGN_256(R) \
	VANDPD TG4(G_SIGN), Y11, Y11 \
	VORPD  Y11, R, Y0

#define EXPM1_F32_256 \
	EF_CLAMP_256          \
	EF32_CORE_256         \
	VSUBPD      TG4(G_ONE), Y1, Y2 \
	VFMADD213PD Y2, Y1, Y7  \
	EF32_ORSIGN_256(Y7)

#define SINH_F32_256 \
	EF32_ABSMIN_256             \
	EF32_CORE_256               \
	VMOVUPD     TG4(G_ONE), Y15  \
	VSUBPD      Y15, Y1, Y2      \
	VFMADD213PD Y2, Y1, Y7       \
	VADDPD      Y15, Y7, Y2      \
	VDIVPD      Y2, Y7, Y2       \
	VADDPD      Y2, Y7, Y7       \
	VMULPD      TG4(G_HALF), Y7, Y7 \
	EF32_ORSIGN_256(Y7)

#define COSH_F32_256 \
	EF32_ABSMIN_256             \
	EF32_CORE_256               \
	VFMADD213PD Y1, Y1, Y7       \
	VMOVUPD     TG4(G_ONE), Y15  \
	VDIVPD      Y7, Y15, Y2      \
	VADDPD      Y2, Y7, Y7       \
	VMULPD      TG4(G_HALF), Y7, Y0

// func expm1F64AVX2(dst, x []float64)
TEXT ·expm1F64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TF4(F_EXPM1LO), Y12
	VMOVUPD TF4(F_EXPM1HI), Y14

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	EXPM1_F64_256
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
	EXPM1_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func exp2F64AVX2(dst, x []float64)
TEXT ·exp2F64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TF4(F_EXP2LO), Y12
	VMOVUPD TF4(F_EXP2HI), Y14

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	EXP2_F64_256
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
	EXP2_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func tanhF64AVX2(dst, x []float64)
TEXT ·tanhF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TF4(F_TANHMAX), Y14

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	TANH_F64_256
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
	TANH_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func sinhF64AVX2(dst, x []float64)
TEXT ·sinhF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TF4(F_HYPMAX), Y14

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	SINH_F64_256
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
	SINH_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func coshF64AVX2(dst, x []float64)
TEXT ·coshF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TF4(F_HYPMAX), Y14

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	COSH_F64_256
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
	COSH_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// func expm1F32AVX2(dst, x []float32)
TEXT ·expm1F32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TG4(G_EXPM1LO), Y12
	VMOVUPD TG4(G_EXPM1HI), Y14

loop:
	CMPQ       BX, $4
	JLT        tail
	VCVTPS2PD  (SI), Y0
	EXPM1_F32_256
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
	EXPM1_F32_256
	VCVTPD2PSY Y0, X0
	VMASKMOVPS X0, X13, (DI)

done:
	VZEROUPPER
	RET

// func sinhF32AVX2(dst, x []float32)
TEXT ·sinhF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TG4(G_HYPMAX), Y14

loop:
	CMPQ       BX, $4
	JLT        tail
	VCVTPS2PD  (SI), Y0
	SINH_F32_256
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
	SINH_F32_256
	VCVTPD2PSY Y0, X0
	VMASKMOVPS X0, X13, (DI)

done:
	VZEROUPPER
	RET

// func coshF32AVX2(dst, x []float32)
TEXT ·coshF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	VMOVUPD TG4(G_HYPMAX), Y14

loop:
	CMPQ       BX, $4
	JLT        tail
	VCVTPS2PD  (SI), Y0
	COSH_F32_256
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
	COSH_F32_256
	VCVTPD2PSY Y0, X0
	VMASKMOVPS X0, X13, (DI)

done:
	VZEROUPPER
	RET
