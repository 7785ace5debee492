//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// pow, float64, AVX-512: powCore (math_pow.go) step by step on 8 lanes, with the
// table lookups as gathers (powLogTab rows of 24 bytes, powExpTab rows of 16).
// No FMA: powCore has none (its exact steps split their operands instead).
#define PW(i) ·powF64Tab+8*(i)(SB)
#define PW_LOGOFF 0
#define PW_M127 1
#define PW_EXPMASK 2
#define PW_ZHMASK 3
#define PW_ONE 4
#define PW_LN2HI 5
#define PW_LN2LO 6
#define PW_SPLIT 7
#define PW_MHALF 8
#define PW_HALF 9
#define PW_SIGN 10
#define PW_LC 11
#define PW_INVLN2N 18
#define PW_SHIFT 19
#define PW_LN2HIN 20
#define PW_LN2LON 21
#define PW_EC 22
#define PW_MINNORM 26
#define PW_XRANGE 27
#define PW_IONE 28
#define PW_YRANGE 29
#define PW_ABS 30
#define PW_BIG 31
#define PW_NAN 32

// Z0 = x**y for Z0 = x, Z1 = y (R8 = powLogTab, R9 = powExpTab); K5 = the lanes
// off the fast path, which get NaN. Clobbers Z2-Z19, K2, K6.
#define POW_F64_512 \
	VPSUBQ.BCST      PW(PW_MINNORM), Z0, Z2    \ // fast path: x normal > 0
	VPCMPUQ.BCST     $5, PW(PW_XRANGE), Z2, K5 \
	VPSLLQ           $1, Z1, Z2                \ // and y finite, nonzero
	VPSUBQ.BCST      PW(PW_IONE), Z2, Z2       \
	VPCMPUQ.BCST     $5, PW(PW_YRANGE), Z2, K6 \
	KORB             K6, K5, K5                \
	VPSUBQ.BCST      PW(PW_LOGOFF), Z0, Z2     \ // off = ix - powLogOff
	VPSRLQ           $45, Z2, Z3               \
	VPANDQ.BCST      PW(PW_M127), Z3, Z3       \ // i
	VPSLLQ           $1, Z3, Z4                \
	VPADDQ           Z3, Z4, Z3                \ // 3i
	KXNORB           K2, K2, K2                \
	VGATHERQPD       (R8)(Z3*8), K2, Z4        \ // 1/c
	KXNORB           K2, K2, K2                \
	VGATHERQPD       8(R8)(Z3*8), K2, Z5       \ // log(c) hi
	KXNORB           K2, K2, K2                \
	VGATHERQPD       16(R8)(Z3*8), K2, Z6      \ // log(c) lo
	VPSRAQ           $52, Z2, Z7               \
	VCVTQQ2PD        Z7, Z7                    \ // k
	VPANDQ.BCST      PW(PW_EXPMASK), Z2, Z2    \
	VPSUBQ           Z2, Z0, Z2                \ // z
	VPANDQ.BCST      PW(PW_ZHMASK), Z2, Z3     \ // zh
	VMULPD           Z4, Z3, Z8                \
	VSUBPD.BCST      PW(PW_ONE), Z8, Z8        \
	VSUBPD           Z3, Z2, Z9                \
	VMULPD           Z4, Z9, Z9                \
	VADDPD           Z9, Z8, Z8                \ // r = zh/c - 1 + (z-zh)/c
	VMULPD.BCST      PW(PW_LN2HI), Z7, Z9      \
	VADDPD           Z5, Z9, Z9                \ // t1
	VADDPD           Z8, Z9, Z10               \ // t2
	VSUBPD           Z10, Z9, Z11              \
	VADDPD           Z8, Z11, Z11              \ // lo2
	VPANDQ.BCST      PW(PW_SPLIT), Z8, Z12     \ // rh
	VSUBPD           Z12, Z8, Z13              \ // rl
	VMULPD           Z12, Z12, Z14             \
	VMULPD.BCST      PW(PW_MHALF), Z14, Z14    \ // ar2
	VMULPD           Z13, Z12, Z15             \
	VMULPD           Z13, Z13, Z16             \
	VMULPD.BCST      PW(PW_HALF), Z16, Z16     \
	VADDPD           Z16, Z15, Z15             \
	VPXORQ.BCST      PW(PW_SIGN), Z15, Z15     \ // lo3
	VADDPD           Z14, Z10, Z16             \ // hi = t2 + ar2
	VSUBPD           Z16, Z10, Z10             \
	VADDPD           Z14, Z10, Z10             \ // lo4
	VMULPD.BCST      PW(PW_LN2LO), Z7, Z7      \
	VADDPD           Z6, Z7, Z7                \ // lo1
	VMULPD           Z8, Z8, Z17               \ // r2
	VMULPD.BCST      PW(PW_LC+5), Z8, Z18      \
	VADDPD.BCST      PW(PW_LC+4), Z18, Z18     \
	VMULPD.BCST      PW(PW_LC+6), Z17, Z19     \
	VADDPD           Z19, Z18, Z18             \
	VMULPD.BCST      PW(PW_LC+3), Z8, Z19      \
	VADDPD.BCST      PW(PW_LC+2), Z19, Z19     \
	VMULPD           Z18, Z17, Z18             \
	VADDPD           Z18, Z19, Z18             \
	VMULPD.BCST      PW(PW_LC+1), Z8, Z19      \
	VADDPD.BCST      PW(PW_LC+0), Z19, Z19     \
	VMULPD           Z18, Z17, Z18             \
	VADDPD           Z18, Z19, Z18             \
	VMULPD           Z8, Z17, Z19              \
	VMULPD           Z18, Z19, Z18             \ // p
	VADDPD           Z11, Z7, Z7               \
	VADDPD           Z15, Z7, Z7               \
	VADDPD           Z10, Z7, Z7               \
	VADDPD           Z18, Z7, Z7               \ // lo
	VADDPD           Z7, Z16, Z9               \ // h
	VSUBPD           Z9, Z16, Z16              \
	VADDPD           Z7, Z16, Z7               \ // lo = hi - h + lo; hi = h (Z9)
	VMULPD           Z9, Z1, Z2                \ // eh = y*hi
	VPANDQ.BCST      PW(PW_SPLIT), Z1, Z3      \ // yh
	VPANDQ.BCST      PW(PW_SPLIT), Z9, Z4      \ // hh
	VSUBPD           Z3, Z1, Z5                \ // yl
	VSUBPD           Z4, Z9, Z6                \ // hl
	VMULPD           Z4, Z3, Z8                \
	VSUBPD           Z2, Z8, Z8                \
	VMULPD           Z6, Z3, Z10               \
	VADDPD           Z10, Z8, Z8               \
	VMULPD           Z4, Z5, Z10               \
	VADDPD           Z10, Z8, Z8               \
	VMULPD           Z6, Z5, Z10               \
	VADDPD           Z10, Z8, Z8               \
	VMULPD           Z7, Z1, Z10               \
	VADDPD           Z10, Z8, Z8               \ // el
	VPANDQ.BCST      PW(PW_ABS), Z2, Z3        \
	VCMPPD.BCST      $0x06, PW(PW_BIG), Z3, K6 \ // !(|eh| <= 700)
	KORB             K6, K5, K5                \
	VMULPD.BCST      PW(PW_INVLN2N), Z2, Z3    \
	VADDPD.BCST      PW(PW_SHIFT), Z3, Z3      \ // kd, ki in its bits
	VSUBPD.BCST      PW(PW_SHIFT), Z3, Z4      \
	VMULPD.BCST      PW(PW_LN2HIN), Z4, Z5     \
	VSUBPD           Z5, Z2, Z5                \
	VMULPD.BCST      PW(PW_LN2LON), Z4, Z4     \
	VSUBPD           Z4, Z5, Z5                \
	VADDPD           Z8, Z5, Z5                \ // r
	VPANDQ.BCST      PW(PW_M127), Z3, Z6       \
	VPSLLQ           $1, Z6, Z6                \ // 2*(ki%128)
	KXNORB           K2, K2, K2                \
	VGATHERQPD       (R9)(Z6*8), K2, Z7        \ // tail
	KXNORB           K2, K2, K2                \
	VPGATHERQQ       8(R9)(Z6*8), K2, Z9       \ // bits
	VMULPD           Z5, Z5, Z10               \ // r2
	VMULPD.BCST      PW(PW_EC+3), Z5, Z11      \
	VADDPD.BCST      PW(PW_EC+2), Z11, Z11     \
	VMULPD           Z11, Z10, Z11             \
	VMULPD.BCST      PW(PW_EC+1), Z5, Z12      \
	VADDPD.BCST      PW(PW_EC+0), Z12, Z12     \
	VADDPD           Z11, Z12, Z12             \ // q
	VPSLLQ           $45, Z3, Z3               \
	VPADDQ           Z3, Z9, Z9                \ // scale
	VADDPD           Z5, Z7, Z7                \
	VMULPD           Z12, Z10, Z10             \
	VADDPD           Z10, Z7, Z7               \ // em1
	VMULPD           Z7, Z9, Z7                \
	VADDPD           Z7, Z9, Z0                \
	VBROADCASTSD     PW(PW_NAN), Z3            \
	VMOVAPD          Z3, K5, Z0

// func powF64AVX512(dst, x, y []float64) (patch bool)
TEXT ·powF64AVX512(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), DX
	LEAQ ·powLogTab(SB), R8
	LEAQ ·powExpTab(SB), R9
	XORQ R10, R10

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	VMOVUPD (DX), Z1
	POW_F64_512
	VMOVUPD Z0, (DI)
	KMOVB   K5, AX
	ORQ     AX, R10
	ADDQ    $64, SI
	ADDQ    $64, DX
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	VMOVUPD.Z (DX), K1, Z1
	POW_F64_512
	VMOVUPD   Z0, K1, (DI)
	KANDB     K1, K5, K5
	KMOVB     K5, AX
	ORQ       AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET
