//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_f32_amd64.h"

// float32 log2, log10 and log1p in float32 lanes (16 per zmm, 8 per ymm): the
// twins are log2F32, log10F32 and log1pF32 in math_logfam_scalar.go, step by step.
// logFamF32Tab offsets (32 bytes each):
#define FF_TWOC 0
#define FF_HALF 1
#define FF_ONE 2
#define FF_MHALF 3
#define FF_LN2HI 4
#define FF_LN2LO 5
#define FF_INF 6
#define FF_NINF 7
#define FF_NAN 8
#define FF_MINNORM 9
#define FF_TWO23 10
#define FF_BIASSUB 11
#define FF_C 12
#define FF_MANT 13
#define FF_P 14
#define FF_FIXUP 23
#define FF_INVLN2HI 24
#define FF_INVLN2LO 25
#define FF_INVLN10HI 26
#define FF_INVLN10LO 27
#define FF_L10_2HI 28
#define FF_L10_2LO 29
#define FF_ABS 30
#define FF_TINY 31
#define FF(i) ·logFamF32Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------
//
// Registers: Z0 = x; Z16 = 2c, Z17 = 0.5, Z18 = 1, Z19 = -0.5, Z20-Z28 the
// polynomial P8..P0, Z29 the VFIXUPIMMPS table; Z13, Z14, Z30, Z31 per function;
// Z1-Z12 scratch, Z10 the result.

#define FF_CONSTS_512 \
	VBROADCASTSS FF(FF_TWOC), Z16  \
	VBROADCASTSS FF(FF_HALF), Z17  \
	VBROADCASTSS FF(FF_ONE), Z18   \
	VBROADCASTSS FF(FF_MHALF), Z19 \
	VBROADCASTSS FF(FF_P+0), Z20   \
	VBROADCASTSS FF(FF_P+1), Z21   \
	VBROADCASTSS FF(FF_P+2), Z22   \
	VBROADCASTSS FF(FF_P+3), Z23   \
	VBROADCASTSS FF(FF_P+4), Z24   \
	VBROADCASTSS FF(FF_P+5), Z25   \
	VBROADCASTSS FF(FF_P+6), Z26   \
	VBROADCASTSS FF(FF_P+7), Z27   \
	VBROADCASTSS FF(FF_P+8), Z28   \
	VBROADCASTSS FF(FF_FIXUP), Z29

// Z1 = m, Z2 = e with X = m*2^e, c <= m < 2c, as logF32Split.
#define FF_SPLIT_512(X) \
	VGETMANTPS $0, X, Z1          \ // [1, 2)
	VGETEXPPS  X, Z2              \
	VCMPPS     $0x1d, Z16, Z1, K2 \ // m >= 2c
	VMULPS     Z17, Z1, K2, Z1    \
	VADDPS     Z18, Z2, K2, Z2

// logFamM32 from m (Z1): Z3 = f, Z5 = a, Z6 = t. Clobbers Z4, Z7, Z8.
#define FF_M_512 \
	VSUBPS      Z18, Z1, Z3 \ // f = m - 1
	VMULPS      Z19, Z3, Z4 \ // hf = -f/2
	VMOVAPS     Z3, Z5      \
	VFMADD231PS Z3, Z4, Z5  \ // a = hf*f + f
	VSUBPS      Z5, Z3, Z6  \
	VFMADD231PS Z3, Z4, Z6  \ // al = hf*f + (f - a)
	VMULPS      Z3, Z3, Z7  \
	VMULPS      Z3, Z7, Z7  \ // f^3
	VMOVAPS     Z20, Z8     \
	VFMADD213PS Z21, Z3, Z8 \
	VFMADD213PS Z22, Z3, Z8 \
	VFMADD213PS Z23, Z3, Z8 \
	VFMADD213PS Z24, Z3, Z8 \
	VFMADD213PS Z25, Z3, Z8 \
	VFMADD213PS Z26, Z3, Z8 \
	VFMADD213PS Z27, Z3, Z8 \
	VFMADD213PS Z28, Z3, Z8 \ // R(f)
	VFMADD231PS Z8, Z7, Z6    // t = f^3*R + al

// Z0 = log2(Z0): Z30 = (1/ln2)Hi, Z31 = (1/ln2)Lo. Clobbers Z1-Z12.
#define LOG2_FF_512 \
	FF_SPLIT_512(Z0)             \
	FF_M_512                     \
	VMULPS      Z30, Z5, Z9      \ // p = a*kh
	VMOVAPS     Z9, Z10          \
	VFMSUB231PS Z30, Z5, Z10     \ // tl = a*kh - p
	VFMADD231PS Z31, Z5, Z10     \ // tl += a*kl
	VFMADD231PS Z30, Z6, Z10     \ // tl += t*kh
	VADDPS      Z9, Z2, Z11      \ // s = e + p
	VSUBPS      Z2, Z11, Z12     \
	VSUBPS      Z12, Z9, Z12     \ // err = p - (s - e)
	VADDPS      Z10, Z12, Z12    \
	VADDPS      Z12, Z11, Z10    \ // s + (err + tl)
	VFIXUPIMMPS $0, Z29, Z0, Z10 \ // specials by x's class
	VMOVAPS     Z10, Z0

// Z0 = log10(Z0): Z30 = (1/ln10)Hi, Z31 = (1/ln10)Lo, Z13 = log10(2)Hi, Z14 =
// log10(2)Lo. Clobbers Z1-Z12.
#define LOG10_FF_512 \
	FF_SPLIT_512(Z0)             \
	FF_M_512                     \
	VMULPS      Z30, Z5, Z9      \ // p = a*kh
	VMOVAPS     Z9, Z10          \
	VFMSUB231PS Z30, Z5, Z10     \ // tl = a*kh - p
	VFMADD231PS Z31, Z5, Z10     \ // tl += a*kl
	VFMADD231PS Z14, Z2, Z10     \ // tl += e*log10(2)Lo
	VFMADD231PS Z30, Z6, Z10     \ // tl += t*kh
	VMULPS      Z13, Z2, Z7      \ // eh = e*log10(2)Hi (exact)
	VADDPS      Z9, Z7, Z11      \ // s = eh + p
	VSUBPS      Z7, Z11, Z12     \
	VSUBPS      Z12, Z9, Z12     \ // err = p - (s - eh)
	VADDPS      Z10, Z12, Z12    \
	VADDPS      Z12, Z11, Z10    \ // s + (err + tl)
	VFIXUPIMMPS $0, Z29, Z0, Z10 \
	VMOVAPS     Z10, Z0

// Z0 = log1p(Z0): Z30 = ln2Hi, Z31 = ln2Lo, Z13 = abs mask, Z14 = tiny. u in Z15.
// Clobbers Z1-Z12, Z15.
#define LOG1P_FF_512 \
	VADDPS      Z18, Z0, Z15      \ // u = 1 + x
	VSUBPS      Z18, Z15, Z1      \ // bb = u - 1
	VSUBPS      Z1, Z15, Z2       \
	VSUBPS      Z2, Z18, Z2       \ // 1 - (u - bb)
	VSUBPS      Z1, Z0, Z3        \ // x - bb
	VADDPS      Z3, Z2, Z2        \ // c
	VDIVPS      Z15, Z2, Z9       \ // d = c/u
	FF_SPLIT_512(Z15)             \
	FF_M_512                      \
	VMULPS      Z30, Z2, Z10      \ // hi = e*ln2Hi (exact)
	VADDPS      Z5, Z10, Z11      \ // s = hi + a
	VSUBPS      Z11, Z10, Z12     \
	VADDPS      Z5, Z12, Z12      \ // err = (hi - s) + a
	VFMADD231PS Z31, Z2, Z6       \ // lo = e*ln2Lo + t
	VADDPS      Z9, Z6, Z6        \ // lo += d
	VADDPS      Z12, Z6, Z6       \ // lo += err
	VADDPS      Z6, Z11, Z10      \ // s + lo
	VFIXUPIMMPS $0, Z29, Z15, Z10 \ // specials by u's class
	VPANDD      Z13, Z0, Z1       \ // |x|
	VCMPPS      $0x11, Z14, Z1, K2 \ // |x| < tiny: x
	VMOVAPS     Z0, K2, Z10       \
	VMOVAPS     Z10, Z0

#define FF_LOOP_512(KERNEL) \
loop:                        \
	CMPQ    BX, $16          \
	JLT     tail             \
	VMOVUPS (SI), Z0         \
	KERNEL                   \
	VMOVUPS Z0, (DI)         \
	ADDQ    $64, SI          \
	ADDQ    $64, DI          \
	SUBQ    $16, BX          \
	JMP     loop             \
tail:                        \
	TESTQ     BX, BX         \
	JEQ       done           \
	F32_TAILMASK_K1          \
	VMOVUPS.Z (SI), K1, Z0   \
	KERNEL                   \
	VMOVUPS   Z0, K1, (DI)   \
done:                        \
	VZEROUPPER               \
	RET

// func log2F32AVX512(dst, x []float32)
TEXT ·log2F32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	FF_CONSTS_512
	VBROADCASTSS FF(FF_INVLN2HI), Z30
	VBROADCASTSS FF(FF_INVLN2LO), Z31
	FF_LOOP_512(LOG2_FF_512)

// func log10F32AVX512(dst, x []float32)
TEXT ·log10F32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	FF_CONSTS_512
	VBROADCASTSS FF(FF_INVLN10HI), Z30
	VBROADCASTSS FF(FF_INVLN10LO), Z31
	VBROADCASTSS FF(FF_L10_2HI), Z13
	VBROADCASTSS FF(FF_L10_2LO), Z14
	FF_LOOP_512(LOG10_FF_512)

// func log1pF32AVX512(dst, x []float32)
TEXT ·log1pF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	FF_CONSTS_512
	VBROADCASTSS FF(FF_LN2HI), Z30
	VBROADCASTSS FF(FF_LN2LO), Z31
	VBROADCASTSS FF(FF_ABS), Z13
	VBROADCASTSS FF(FF_TINY), Z14
	FF_LOOP_512(LOG1P_FF_512)

// ---- AVX2 --------------------------------------------------------------------
//
// Registers: Y0 = x, Y1-Y12 scratch, Y10 the result, Y15 log1p's u; Y13 holds the
// tail's VMASKMOV mask. Constants are memory operands (logFamF32Tab).

// Y1 = m, Y2 = e with X = m*2^e, c <= m < 2c: logF32Split's integer split (X <
// 2^-126 scaled by 2^23 first). Clobbers Y11, Y12.
#define FF_SPLIT_256(X) \
	VCMPPS    $0x11, FF(FF_MINNORM), X, Y11 \
	VMULPS    FF(FF_TWO23), X, Y12      \
	VBLENDVPS Y11, Y12, X, Y1           \
	VPAND     FF(FF_BIASSUB), Y11, Y11  \ // -23 or 0
	VPSUBD    FF(FF_C), Y1, Y1          \ // u = bits - c
	VPSRAD    $23, Y1, Y2               \
	VPADDD    Y11, Y2, Y2               \
	VCVTDQ2PS Y2, Y2                    \ // e
	VPAND     FF(FF_MANT), Y1, Y1       \
	VPADDD    FF(FF_C), Y1, Y1            // m

// FF_M_512 with memory operands: Y3 = f, Y5 = a, Y6 = t. Clobbers Y4, Y7, Y8.
#define FF_M_256 \
	VSUBPS      FF(FF_ONE), Y1, Y3   \
	VMULPS      FF(FF_MHALF), Y3, Y4 \
	VMOVAPS     Y3, Y5               \
	VFMADD231PS Y3, Y4, Y5           \
	VSUBPS      Y5, Y3, Y6           \
	VFMADD231PS Y3, Y4, Y6           \
	VMULPS      Y3, Y3, Y7           \
	VMULPS      Y3, Y7, Y7           \
	VMOVUPS     FF(FF_P+0), Y8       \
	VFMADD213PS FF(FF_P+1), Y3, Y8   \
	VFMADD213PS FF(FF_P+2), Y3, Y8   \
	VFMADD213PS FF(FF_P+3), Y3, Y8   \
	VFMADD213PS FF(FF_P+4), Y3, Y8   \
	VFMADD213PS FF(FF_P+5), Y3, Y8   \
	VFMADD213PS FF(FF_P+6), Y3, Y8   \
	VFMADD213PS FF(FF_P+7), Y3, Y8   \
	VFMADD213PS FF(FF_P+8), Y3, Y8   \
	VFMADD231PS Y8, Y7, Y6

// Y10 = log's special values of X blended in (X <= 0 or NaN: NaN, X = 0: -Inf,
// X = +Inf: +Inf). Clobbers Y11, Y12.
#define FF_SPECIALS_256(X) \
	VXORPS    Y11, Y11, Y11             \
	VCMPPS    $0x1a, Y11, X, Y12        \ // !(X > 0)
	VBLENDVPS Y12, FF(FF_NAN), Y10, Y10  \
	VCMPPS    $0x00, Y11, X, Y12        \
	VBLENDVPS Y12, FF(FF_NINF), Y10, Y10 \
	VCMPPS    $0x00, FF(FF_INF), X, Y12 \
	VBLENDVPS Y12, X, Y10, Y10

#define LOG2_FF_256 \
	FF_SPLIT_256(Y0)                      \
	FF_M_256                              \
	VMULPS      FF(FF_INVLN2HI), Y5, Y9   \
	VMOVAPS     Y9, Y10                   \
	VFMSUB231PS FF(FF_INVLN2HI), Y5, Y10  \
	VFMADD231PS FF(FF_INVLN2LO), Y5, Y10  \
	VFMADD231PS FF(FF_INVLN2HI), Y6, Y10  \
	VADDPS      Y9, Y2, Y11               \
	VSUBPS      Y2, Y11, Y12              \
	VSUBPS      Y12, Y9, Y12              \
	VADDPS      Y10, Y12, Y12             \
	VADDPS      Y12, Y11, Y10             \
	FF_SPECIALS_256(Y0)                   \
	VMOVAPS     Y10, Y0

#define LOG10_FF_256 \
	FF_SPLIT_256(Y0)                      \
	FF_M_256                              \
	VMULPS      FF(FF_INVLN10HI), Y5, Y9  \
	VMOVAPS     Y9, Y10                   \
	VFMSUB231PS FF(FF_INVLN10HI), Y5, Y10 \
	VFMADD231PS FF(FF_INVLN10LO), Y5, Y10 \
	VFMADD231PS FF(FF_L10_2LO), Y2, Y10   \
	VFMADD231PS FF(FF_INVLN10HI), Y6, Y10 \
	VMULPS      FF(FF_L10_2HI), Y2, Y7    \
	VADDPS      Y9, Y7, Y11               \
	VSUBPS      Y7, Y11, Y12              \
	VSUBPS      Y12, Y9, Y12              \
	VADDPS      Y10, Y12, Y12             \
	VADDPS      Y12, Y11, Y10             \
	FF_SPECIALS_256(Y0)                   \
	VMOVAPS     Y10, Y0

#define LOG1P_FF_256 \
	VADDPS      FF(FF_ONE), Y0, Y15       \ // u
	VSUBPS      FF(FF_ONE), Y15, Y1       \ // bb
	VSUBPS      Y1, Y15, Y2               \
	VMOVUPS     FF(FF_ONE), Y3            \
	VSUBPS      Y2, Y3, Y2                \
	VSUBPS      Y1, Y0, Y3                \
	VADDPS      Y3, Y2, Y2                \ // c
	VDIVPS      Y15, Y2, Y9               \ // d = c/u
	FF_SPLIT_256(Y15)                     \
	FF_M_256                              \
	VMULPS      FF(FF_LN2HI), Y2, Y10     \
	VADDPS      Y5, Y10, Y11              \
	VSUBPS      Y11, Y10, Y12             \
	VADDPS      Y5, Y12, Y12              \ // err
	VFMADD231PS FF(FF_LN2LO), Y2, Y6      \
	VADDPS      Y9, Y6, Y6                \
	VADDPS      Y12, Y6, Y6               \
	VADDPS      Y6, Y11, Y10              \
	FF_SPECIALS_256(Y15)                  \
	VANDPS      FF(FF_ABS), Y0, Y11       \
	VCMPPS      $0x11, FF(FF_TINY), Y11, Y12 \
	VBLENDVPS   Y12, Y0, Y10, Y0

#define FF_LOOP_256(KERNEL) \
loop:                          \
	CMPQ    BX, $8             \
	JLT     tail               \
	VMOVUPS (SI), Y0           \
	KERNEL                     \
	VMOVUPS Y0, (DI)           \
	ADDQ    $32, SI            \
	ADDQ    $32, DI            \
	SUBQ    $8, BX             \
	JMP     loop               \
tail:                          \
	TESTQ      BX, BX          \
	JEQ        done            \
	F32_TAILMASK_Y13           \
	VMASKMOVPS (SI), Y13, Y0   \
	KERNEL                     \
	VMASKMOVPS Y0, Y13, (DI)   \
done:                          \
	VZEROUPPER                 \
	RET

// func log2F32AVX2(dst, x []float32)
TEXT ·log2F32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	FF_LOOP_256(LOG2_FF_256)

// func log10F32AVX2(dst, x []float32)
TEXT ·log10F32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	FF_LOOP_256(LOG10_FF_256)

// func log1pF32AVX2(dst, x []float32)
TEXT ·log1pF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	FF_LOOP_256(LOG1P_FF_256)
