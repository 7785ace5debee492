//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"
#include "math_f32_amd64.h"

// Fast-mode float32 log: the twin is logFastF32 in math_fast.go, step by step. The
// split and the special values are math_log_amd64.s's; the core sums the terms with
// FMAs instead of carrying e*ln2Hi + a as hi + lo. Table offsets (logF32Tab), as in
// math_log_amd64.s.
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

#define LOGFAST_F32_CONSTS_512 \
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

// Z0 = log(Z0), 16 float32 lanes. Clobbers Z1-Z10.
#define LOGFAST_F32_512 \
	VGETMANTPS   $0, Z0, Z1         \ // [1, 2)
	VGETEXPPS    Z0, Z2             \
	VCMPPS       $0x1d, Z16, Z1, K2 \ // m >= 2c
	VMULPS       Z17, Z1, K2, Z1    \
	VADDPS       Z18, Z2, K2, Z2    \ // m, e
	VSUBPS       Z18, Z1, Z3        \ // f = m - 1
	VMULPS       Z19, Z3, Z4        \ // hf = -f/2
	VMOVAPS      Z3, Z5             \
	VFMADD231PS  Z3, Z4, Z5         \ // a = f - f*f/2
	VMULPS       Z3, Z3, Z7         \
	VMULPS       Z3, Z7, Z7         \ // f^3
	VMOVAPS      Z22, Z8            \
	VFMADD213PS  Z23, Z3, Z8        \
	VFMADD213PS  Z24, Z3, Z8        \
	VFMADD213PS  Z25, Z3, Z8        \
	VFMADD213PS  Z26, Z3, Z8        \
	VFMADD213PS  Z27, Z3, Z8        \
	VFMADD213PS  Z28, Z3, Z8        \
	VFMADD213PS  Z29, Z3, Z8        \
	VFMADD213PS  Z30, Z3, Z8        \ // R(f)
	VFMADD213PS  Z5, Z7, Z8         \ // y = f^3*R + a
	VFMADD231PS  Z21, Z2, Z8        \ // y += e*ln2Lo
	VFMADD231PS  Z20, Z2, Z8        \ // y += e*ln2Hi
	VFIXUPIMMPS  $0, Z31, Z0, Z8    \ // specials by x's class (LF_FIXUP)
	VMOVAPS      Z8, Z0

// func logFastF32AVX512(dst, x []float32)
TEXT ·logFastF32AVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	LOGFAST_F32_CONSTS_512

loop:
	CMPQ    BX, $16
	JLT     tail
	VMOVUPS (SI), Z0
	LOGFAST_F32_512
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
	LOGFAST_F32_512
	VMOVUPS   Z0, K1, (DI)

done:
	VZEROUPPER
	RET

// Y0 = log(Y0), 8 float32 lanes. Clobbers Y1-Y12; the split is logF32Split's
// integer one, as in math_log_amd64.s's LOG_F32_256.
#define LOGFAST_F32_256 \
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
	VFMADD213PS  Y5, Y7, Y8            \ // y = f^3*R + a
	VFMADD231PS  LF(LF_LN2LO), Y2, Y8  \
	VFMADD231PS  LF(LF_LN2HI), Y2, Y8  \
	VXORPS       Y11, Y11, Y11         \
	VCMPPS       $0x1a, Y11, Y0, Y12   \ // !(x > 0): NaN
	VBLENDVPS    Y12, LF(LF_NAN), Y8, Y8  \
	VCMPPS       $0x00, Y11, Y0, Y12   \ // x == 0: -Inf
	VBLENDVPS    Y12, LF(LF_NINF), Y8, Y8 \
	VCMPPS       $0x00, LF(LF_INF), Y0, Y12 \
	VBLENDVPS    Y12, Y0, Y8, Y0

// func logFastF32AVX2(dst, x []float32)
TEXT ·logFastF32AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPS (SI), Y0
	LOGFAST_F32_256
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
	LOGFAST_F32_256
	VMASKMOVPS Y0, Y13, (DI)

done:
	VZEROUPPER
	RET
