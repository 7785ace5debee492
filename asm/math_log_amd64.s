//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_f32_amd64.h"

// log kernels: the twins are logF64 and logF32 in math_log.go, step by step.
// Table offsets (logF64Tab, 8 bytes each; the logF64Tab4 copies 32).
#define L_SQRT2 0
#define L_HALF 1
#define L_ONE 2
#define L_TWO 3
#define L_LN2HI 4
#define L_LN2LO 5
#define L_INF 6
#define L_NINF 7
#define L_NAN 8
#define L_MINNORM 9
#define L_TWO52 10
#define L_BIAS 11
#define L_BIASSUB 12
#define L_MANT 13
#define L_C 16

// ---- AVX-512 -----------------------------------------------------------------

#define LOG_CONSTS_512(tab, ncoef) \
	VBROADCASTSD tab+8*L_SQRT2(SB), Z16 \
	VBROADCASTSD tab+8*L_HALF(SB), Z17  \
	VBROADCASTSD tab+8*L_ONE(SB), Z18   \
	VBROADCASTSD tab+8*L_TWO(SB), Z19   \
	VBROADCASTSD tab+8*L_LN2HI(SB), Z20 \
	VBROADCASTSD tab+8*L_LN2LO(SB), Z21 \
	VBROADCASTSD tab+8*L_NINF(SB), Z29  \
	VBROADCASTSD tab+8*L_INF(SB), Z30   \
	VBROADCASTSD tab+8*L_NAN(SB), Z31   \
	VPXORQ       Z15, Z15, Z15

// Z1 = m, Z2 = e with x = m*2^e, sqrt(2)/2 <= m <= sqrt(2) (subnormals included).
#define LOG_SPLIT_512 \
	VGETMANTPD $0, Z0, Z1         \
	VGETEXPPD  Z0, Z2             \
	VCMPPD     $0x1e, Z16, Z1, K2 \ // m > sqrt2
	VMULPD     Z17, Z1, K2, Z1    \
	VADDPD     Z18, Z2, K2, Z2

// Z10 = log(x) special values (x = Z0) blended in.
#define LOG_SPECIALS_512 \
	VCMPPD  $0x11, Z15, Z0, K2 \ // x < 0
	VMOVAPD Z31, K2, Z10       \
	VCMPPD  $0x00, Z15, Z0, K2 \ // x == 0
	VMOVAPD Z29, K2, Z10       \
	VCMPPD  $0x00, Z30, Z0, K2 \ // x == +Inf
	VMOVAPD Z0, K2, Z10

// Z0 = log(Z0). Clobbers Z1-Z10.
#define LOG_F64_512 \
	LOG_SPLIT_512            \
	VSUBPD      Z18, Z1, Z3  \ // f = m - 1
	VADDPD      Z19, Z3, Z4  \
	VDIVPD      Z4, Z3, Z5   \ // s = f/(2+f)
	VMULPD      Z5, Z5, Z6   \ // z
	VMOVAPD     Z22, Z7      \
	VFMADD213PD Z23, Z6, Z7  \
	VFMADD213PD Z24, Z6, Z7  \
	VFMADD213PD Z25, Z6, Z7  \
	VFMADD213PD Z26, Z6, Z7  \
	VFMADD213PD Z27, Z6, Z7  \
	VFMADD213PD Z28, Z6, Z7  \
	VMULPD      Z3, Z3, Z8   \
	VMULPD      Z17, Z8, Z8  \ // hfsq
	VFMADD213PD Z8, Z6, Z7   \ // r = z*p + hfsq
	VMULPD      Z21, Z2, Z9  \
	VFMADD231PD Z7, Z5, Z9   \ // t = s*r + e*ln2Lo
	VSUBPD      Z9, Z8, Z10  \
	VSUBPD      Z3, Z10, Z10 \
	VFMSUB231PD Z20, Z2, Z10 \ // e*ln2Hi - ((hfsq - t) - f)
	LOG_SPECIALS_512         \
	VMOVAPD     Z10, Z0

// func logF64AVX512(dst, x []float64)
TEXT ·logF64AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LOG_CONSTS_512(·logF64Tab, 7)
	VBROADCASTSD ·logF64Tab+8*(L_C+0)(SB), Z22
	VBROADCASTSD ·logF64Tab+8*(L_C+1)(SB), Z23
	VBROADCASTSD ·logF64Tab+8*(L_C+2)(SB), Z24
	VBROADCASTSD ·logF64Tab+8*(L_C+3)(SB), Z25
	VBROADCASTSD ·logF64Tab+8*(L_C+4)(SB), Z26
	VBROADCASTSD ·logF64Tab+8*(L_C+5)(SB), Z27
	VBROADCASTSD ·logF64Tab+8*(L_C+6)(SB), Z28

loop:
	CMPQ BX, $8
	JLT  tail
	VMOVUPD (SI), Z0
	LOG_F64_512
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
	LOG_F64_512
	VMOVUPD   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// float32 log in float32 lanes. Table offsets (logF32Tab, 32 bytes each).
#define LF_TWOC 0
#define LF_HALF 1
#define LF_ONE 2
#define LF_MHALF 3
#define LF_LN2HI 4
#define LF_LN2LO 5
#define LF_INF 6
#define LF_NINF 7
#define LF_NAN 8
#define LF_MINNORM 9
#define LF_TWO23 10
#define LF_BIASSUB 11
#define LF_C 12
#define LF_MANT 13
#define LF_P 14
#define LF_FIXUP 23
#define LF(i) ·logF32Tab+32*(i)(SB)

#define LOG_F32_CONSTS_512 \
	VBROADCASTSS LF(LF_TWOC), Z16  \
	VBROADCASTSS LF(LF_HALF), Z17  \
	VBROADCASTSS LF(LF_ONE), Z18   \
	VBROADCASTSS LF(LF_MHALF), Z19 \
	VBROADCASTSS LF(LF_LN2HI), Z20 \
	VBROADCASTSS LF(LF_LN2LO), Z21 \
	VBROADCASTSS LF(LF_P+0), Z22   \
	VBROADCASTSS LF(LF_P+1), Z23   \
	VBROADCASTSS LF(LF_P+2), Z24   \
	VBROADCASTSS LF(LF_P+3), Z25   \
	VBROADCASTSS LF(LF_P+4), Z26   \
	VBROADCASTSS LF(LF_P+5), Z27   \
	VBROADCASTSS LF(LF_P+6), Z28   \
	VBROADCASTSS LF(LF_P+7), Z29   \
	VBROADCASTSS LF(LF_P+8), Z30   \
	VBROADCASTSS LF(LF_FIXUP), Z31

// Z1 = m, Z2 = e with x = m*2^e, c <= m < 2c (subnormals included), as logF32Split.
#define LOG_F32_SPLIT_512 \
	VGETMANTPS $0, Z0, Z1         \ // [1, 2)
	VGETEXPPS  Z0, Z2             \
	VCMPPS     $0x1d, Z16, Z1, K2 \ // m >= 2c
	VMULPS     Z17, Z1, K2, Z1    \
	VADDPS     Z18, Z2, K2, Z2

// Z10 = log(x) from m (Z1) and e (Z2), the twin logF32 step by step. Clobbers Z3-Z12.
#define LOG_F32_CORE_512(P0, P1, P2, P3, P4, P5, P6, P7, P8) \
	VSUBPS       Z18, Z1, Z3  \ // f = m - 1
	VMULPS       Z19, Z3, Z4  \ // hf = -f/2
	VMOVAPS      Z3, Z5       \
	VFMADD231PS  Z3, Z4, Z5   \ // a = f - f*f/2
	VSUBPS       Z5, Z3, Z6   \
	VFMADD231PS  Z3, Z4, Z6   \ // al = (f - a) - f*f/2
	VMULPS       Z3, Z3, Z7   \
	VMULPS       Z3, Z7, Z7   \ // f^3
	VMOVAPS      P0, Z8       \
	VFMADD213PS  P1, Z3, Z8   \
	VFMADD213PS  P2, Z3, Z8   \
	VFMADD213PS  P3, Z3, Z8   \
	VFMADD213PS  P4, Z3, Z8   \
	VFMADD213PS  P5, Z3, Z8   \
	VFMADD213PS  P6, Z3, Z8   \
	VFMADD213PS  P7, Z3, Z8   \
	VFMADD213PS  P8, Z3, Z8   \ // R(f)
	VMOVAPS      Z5, Z10      \
	VFMADD231PS  Z20, Z2, Z10 \ // s = e*ln2Hi + a (the product is exact)
	VMOVAPS      Z10, Z11     \
	VFMSUB231PS  Z20, Z2, Z11 \ // e*ln2Hi - s (exact)
	VADDPS       Z5, Z11, Z11 \ // err = (hi - s) + a
	VFMADD231PS  Z21, Z2, Z6  \ // lo = e*ln2Lo + al
	VFMADD231PS  Z8, Z7, Z6   \ // lo += f^3*R
	VADDPS       Z11, Z6, Z6  \
	VADDPS       Z6, Z10, Z10

// Z0 = log(Z0), 16 float32 lanes. Clobbers Z1-Z12.
#define LOG_F32_512 \
	LOG_F32_SPLIT_512          \
	LOG_F32_CORE_512(Z22, Z23, Z24, Z25, Z26, Z27, Z28, Z29, Z30) \
	VFIXUPIMMPS $0, Z31, Z0, Z10 \ // specials by x's class (LF_FIXUP)
	VMOVAPS     Z10, Z0

// func logF32AVX512(dst, x []float32)
TEXT ·logF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LOG_F32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	LOG_F32_512
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
	LOG_F32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// ---- AVX2 --------------------------------------------------------------------

#define L64(i) ·logF64Tab4+32*(i)(SB)

// Y1 = m, Y2 = e as in LOG_SPLIT_512, from the bits; x < 2^-1022 is scaled by 2^52
// first.
#define LOG_SPLIT_256(T) \
	VCMPPD    $0x11, T(L_MINNORM), Y0, Y11 \
	VMULPD    T(L_TWO52), Y0, Y12    \
	VBLENDVPD Y11, Y12, Y0, Y1       \
	VMOVUPD   T(L_BIAS), Y12         \
	VBLENDVPD Y11, T(L_BIASSUB), Y12, Y12 \
	VPSRLQ    $52, Y1, Y2            \
	VPOR      T(L_TWO52), Y2, Y2     \
	VSUBPD    T(L_TWO52), Y2, Y2     \
	VADDPD    Y12, Y2, Y2            \
	VANDPD    T(L_MANT), Y1, Y3      \
	VORPD     T(L_ONE), Y3, Y3       \
	VCMPPD    $0x1e, T(L_SQRT2), Y3, Y4 \
	VMULPD    T(L_HALF), Y3, Y5      \
	VBLENDVPD Y4, Y5, Y3, Y1         \
	VANDPD    T(L_ONE), Y4, Y5       \
	VADDPD    Y5, Y2, Y2

#define LOG_SPECIALS_256(T) \
	VXORPD    Y11, Y11, Y11         \
	VCMPPD    $0x11, Y11, Y0, Y12   \
	VBLENDVPD Y12, T(L_NAN), Y10, Y10  \
	VCMPPD    $0x00, Y11, Y0, Y12   \
	VBLENDVPD Y12, T(L_NINF), Y10, Y10 \
	VCMPPD    $0x00, T(L_INF), Y0, Y12 \
	VBLENDVPD Y12, Y0, Y10, Y10     \
	VCMPPD    $0x03, Y0, Y0, Y12    \ // NaN (the bit split loses it)
	VBLENDVPD Y12, Y0, Y10, Y10

// Y0 = log(Y0). Clobbers Y1-Y12.
#define LOG_F64_256 \
	LOG_SPLIT_256(L64)          \
	VSUBPD      L64(L_ONE), Y1, Y3 \
	VADDPD      L64(L_TWO), Y3, Y4 \
	VDIVPD      Y4, Y3, Y5      \
	VMULPD      Y5, Y5, Y6      \
	VMOVUPD     L64(L_C+0), Y7  \
	VFMADD213PD L64(L_C+1), Y6, Y7 \
	VFMADD213PD L64(L_C+2), Y6, Y7 \
	VFMADD213PD L64(L_C+3), Y6, Y7 \
	VFMADD213PD L64(L_C+4), Y6, Y7 \
	VFMADD213PD L64(L_C+5), Y6, Y7 \
	VFMADD213PD L64(L_C+6), Y6, Y7 \
	VMULPD      Y3, Y3, Y8      \
	VMULPD      L64(L_HALF), Y8, Y8 \
	VFMADD213PD Y8, Y6, Y7      \
	VMULPD      L64(L_LN2LO), Y2, Y9 \
	VFMADD231PD Y7, Y5, Y9      \
	VSUBPD      Y9, Y8, Y10     \
	VSUBPD      Y3, Y10, Y10    \
	VFMSUB231PD L64(L_LN2HI), Y2, Y10 \
	LOG_SPECIALS_256(L64)       \
	VMOVAPD     Y10, Y0

// func logF64AVX2(dst, x []float64)
TEXT ·logF64AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	LOG_F64_256
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
	LOG_F64_256
	VMASKMOVPD Y0, Y13, (DI)

done:
	VZEROUPPER
	RET

// Y0 = log(Y0), 8 float32 lanes. Clobbers Y1-Y12. The split is logF32Split's
// integer one; the rest as LOG_F32_CORE_512.
#define LOG_F32_256 \
	VCMPPS       $0x11, LF(LF_MINNORM), Y0, Y11 \ // x < 2^-126: scale by 2^23
	VMULPS       LF(LF_TWO23), Y0, Y12 \
	VBLENDVPS    Y11, Y12, Y0, Y1      \
	VPAND        LF(LF_BIASSUB), Y11, Y11 \ // -23 or 0
	VPSUBD       LF(LF_C), Y1, Y1      \ // u = bits - c
	VPSRAD       $23, Y1, Y2           \
	VPADDD       Y11, Y2, Y2           \
	VCVTDQ2PS    Y2, Y2                \ // e
	VPAND        LF(LF_MANT), Y1, Y1   \
	VPADDD       LF(LF_C), Y1, Y1      \ // m
	VSUBPS       LF(LF_ONE), Y1, Y3    \ // f
	VMULPS       LF(LF_MHALF), Y3, Y4  \
	VMOVAPS      Y3, Y5                \
	VFMADD231PS  Y3, Y4, Y5            \ // a
	VSUBPS       Y5, Y3, Y6            \
	VFMADD231PS  Y3, Y4, Y6            \ // al
	VMULPS       Y3, Y3, Y7            \
	VMULPS       Y3, Y7, Y7            \ // f^3
	VMOVUPS      LF(LF_P+0), Y8        \
	VFMADD213PS  LF(LF_P+1), Y3, Y8    \
	VFMADD213PS  LF(LF_P+2), Y3, Y8    \
	VFMADD213PS  LF(LF_P+3), Y3, Y8    \
	VFMADD213PS  LF(LF_P+4), Y3, Y8    \
	VFMADD213PS  LF(LF_P+5), Y3, Y8    \
	VFMADD213PS  LF(LF_P+6), Y3, Y8    \
	VFMADD213PS  LF(LF_P+7), Y3, Y8    \
	VFMADD213PS  LF(LF_P+8), Y3, Y8    \ // R(f)
	VMOVAPS      Y5, Y10               \
	VFMADD231PS  LF(LF_LN2HI), Y2, Y10 \ // s
	VMOVAPS      Y10, Y11              \
	VFMSUB231PS  LF(LF_LN2HI), Y2, Y11 \
	VADDPS       Y5, Y11, Y11          \ // err
	VFMADD231PS  LF(LF_LN2LO), Y2, Y6  \
	VFMADD231PS  Y8, Y7, Y6            \
	VADDPS       Y11, Y6, Y6           \
	VADDPS       Y6, Y10, Y10          \
	VXORPS       Y11, Y11, Y11         \
	VCMPPS       $0x1a, Y11, Y0, Y12   \ // !(x > 0): NaN
	VBLENDVPS    Y12, LF(LF_NAN), Y10, Y10  \
	VCMPPS       $0x00, Y11, Y0, Y12   \ // x == 0: -Inf
	VBLENDVPS    Y12, LF(LF_NINF), Y10, Y10 \
	VCMPPS       $0x00, LF(LF_INF), Y0, Y12 \
	VBLENDVPS    Y12, Y0, Y10, Y0

// func logF32AVX2(dst, x []float32)
TEXT ·logF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	LOG_F32_256
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
	LOG_F32_256
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
