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
	VPXORQ       Z4, Z4, Z4                \
	VGATHERQPD       (R8)(Z3*8), K2, Z4        \ // 1/c
	KXNORB           K2, K2, K2                \
	VPXORQ       Z5, Z5, Z5                \
	VGATHERQPD       8(R8)(Z3*8), K2, Z5       \ // log(c) hi
	KXNORB           K2, K2, K2                \
	VPXORQ       Z6, Z6, Z6                \
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
	POW_F64_EXP_512

// The second half of POW_F64_512 (powExpYLog): Z0 = e^(y*(hi + lo)) for Z1 = y,
// Z9 = hi, Z7 = lo; the lanes with |y*hi| > 700 join K5, and K5's lanes get NaN.
// Clobbers Z2-Z12, K2, K6.
#define POW_F64_EXP_512 \
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
	VPXORQ       Z7, Z7, Z7                \
	VGATHERQPD       (R9)(Z6*8), K2, Z7        \ // tail
	KXNORB           K2, K2, K2                \
	VPXORQ       Z9, Z9, Z9                \
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

// ---- AVX2 --------------------------------------------------------------------

#define PW4(i) ·powF64Tab4+32*(i)(SB)
#define PW_XRANGES 33
#define PW_YRANGES 34
#define PW_K800 35
#define PW_MAGIC 36
#define PW_MAGICK 37

// POW_F64_512 on 4 lanes: Y0 = x**y for Y0 = x, Y1 = y; Y14 = the lanes on the fast
// path (all ones), NaN in the others. AVX2 has no unsigned or 64-bit arithmetic
// shift or int64 conversion: the range checks compare signed with the sign bits
// flipped, and k = int64(off)>>52 is formed as ((off>>52) ^ 0x800) - 2048 through
// the bits of 2^52 + that. Clobbers Y2-Y12 (not Y13, the tail mask).
#define POW_F64_256 \
	VPSUBQ      PW4(PW_MINNORM), Y0, Y2 \
	VPXOR       PW4(PW_SIGN), Y2, Y2    \
	VMOVDQU     PW4(PW_XRANGES), Y3     \
	VPCMPGTQ    Y2, Y3, Y14             \ // x normal > 0
	VPSLLQ      $1, Y1, Y2              \
	VPSUBQ      PW4(PW_IONE), Y2, Y2    \
	VPXOR       PW4(PW_SIGN), Y2, Y2    \
	VMOVDQU     PW4(PW_YRANGES), Y3     \
	VPCMPGTQ    Y2, Y3, Y3              \ // y finite, nonzero
	VPAND       Y3, Y14, Y14            \
	VPSUBQ      PW4(PW_LOGOFF), Y0, Y2  \ // off
	VPSRLQ      $45, Y2, Y3             \
	VPAND       PW4(PW_M127), Y3, Y3    \
	VPSLLQ      $1, Y3, Y4              \
	VPADDQ      Y3, Y4, Y3              \ // 3i
	VPCMPEQQ    Y5, Y5, Y5              \
	VPXOR       Y4, Y4, Y4             \
	VGATHERQPD  Y5, (R8)(Y3*8), Y4      \ // 1/c
	VPCMPEQQ    Y5, Y5, Y5              \
	VPXOR       Y6, Y6, Y6             \
	VGATHERQPD  Y5, 8(R8)(Y3*8), Y6     \ // log(c) hi
	VPCMPEQQ    Y5, Y5, Y5              \
	VPXOR       Y7, Y7, Y7             \
	VGATHERQPD  Y5, 16(R8)(Y3*8), Y7    \ // log(c) lo
	VPSRLQ      $52, Y2, Y8             \
	VPXOR       PW4(PW_K800), Y8, Y8    \
	VPOR        PW4(PW_MAGIC), Y8, Y8   \
	VSUBPD      PW4(PW_MAGICK), Y8, Y8  \ // k
	VPAND       PW4(PW_EXPMASK), Y2, Y2 \
	VPSUBQ      Y2, Y0, Y2              \ // z
	VPAND       PW4(PW_ZHMASK), Y2, Y3  \ // zh
	VMULPD      Y4, Y3, Y9              \
	VSUBPD      PW4(PW_ONE), Y9, Y9     \
	VSUBPD      Y3, Y2, Y10             \
	VMULPD      Y4, Y10, Y10            \
	VADDPD      Y10, Y9, Y9             \ // r
	VMULPD      PW4(PW_LN2HI), Y8, Y10  \
	VADDPD      Y6, Y10, Y10            \ // t1
	VADDPD      Y9, Y10, Y11            \ // t2
	VSUBPD      Y11, Y10, Y10           \
	VADDPD      Y9, Y10, Y10            \ // lo2
	VANDPD      PW4(PW_SPLIT), Y9, Y2   \ // rh
	VSUBPD      Y2, Y9, Y3              \ // rl
	VMULPD      Y2, Y2, Y4              \
	VMULPD      PW4(PW_MHALF), Y4, Y4   \ // ar2
	VMULPD      Y3, Y2, Y2              \
	VMULPD      Y3, Y3, Y3              \
	VMULPD      PW4(PW_HALF), Y3, Y3    \
	VADDPD      Y3, Y2, Y2              \
	VXORPD      PW4(PW_SIGN), Y2, Y2    \ // lo3
	VADDPD      Y4, Y11, Y3             \ // hi
	VSUBPD      Y3, Y11, Y11            \
	VADDPD      Y4, Y11, Y11            \ // lo4
	VMULPD      PW4(PW_LN2LO), Y8, Y8   \
	VADDPD      Y7, Y8, Y8              \ // lo1
	VMULPD      Y9, Y9, Y4              \ // r2
	VMULPD      PW4(PW_LC+5), Y9, Y5    \
	VADDPD      PW4(PW_LC+4), Y5, Y5    \
	VMULPD      PW4(PW_LC+6), Y4, Y6    \
	VADDPD      Y6, Y5, Y5              \
	VMULPD      PW4(PW_LC+3), Y9, Y6    \
	VADDPD      PW4(PW_LC+2), Y6, Y6    \
	VMULPD      Y5, Y4, Y5              \
	VADDPD      Y5, Y6, Y5              \
	VMULPD      PW4(PW_LC+1), Y9, Y6    \
	VADDPD      PW4(PW_LC+0), Y6, Y6    \
	VMULPD      Y5, Y4, Y5              \
	VADDPD      Y5, Y6, Y5              \
	VMULPD      Y9, Y4, Y6              \
	VMULPD      Y5, Y6, Y5              \ // p
	VADDPD      Y10, Y8, Y8             \
	VADDPD      Y2, Y8, Y8              \
	VADDPD      Y11, Y8, Y8             \
	VADDPD      Y5, Y8, Y8              \ // lo
	VADDPD      Y8, Y3, Y9              \ // h
	VSUBPD      Y9, Y3, Y3              \
	VADDPD      Y8, Y3, Y7              \ // lo; hi = h (Y9)
	POW_F64_EXP_256

// The second half of POW_F64_256 (powExpYLog): Y0 = e^(y*(hi + lo)) for Y1 = y,
// Y9 = hi, Y7 = lo; the lanes with |y*hi| > 700 leave Y14, and get NaN with the
// others not in Y14. Clobbers Y2-Y12.
#define POW_F64_EXP_256 \
	VMULPD      Y9, Y1, Y2              \ // eh
	VANDPD      PW4(PW_SPLIT), Y1, Y3   \ // yh
	VANDPD      PW4(PW_SPLIT), Y9, Y4   \ // hh
	VSUBPD      Y3, Y1, Y5              \ // yl
	VSUBPD      Y4, Y9, Y6              \ // hl
	VMULPD      Y4, Y3, Y8              \
	VSUBPD      Y2, Y8, Y8              \
	VMULPD      Y6, Y3, Y10             \
	VADDPD      Y10, Y8, Y8             \
	VMULPD      Y4, Y5, Y10             \
	VADDPD      Y10, Y8, Y8             \
	VMULPD      Y6, Y5, Y10             \
	VADDPD      Y10, Y8, Y8             \
	VMULPD      Y7, Y1, Y10             \
	VADDPD      Y10, Y8, Y8             \ // el
	VANDPD      PW4(PW_ABS), Y2, Y3     \
	VCMPPD      $0x12, PW4(PW_BIG), Y3, Y3 \ // |eh| <= 700
	VANDPD      Y3, Y14, Y14            \
	VMULPD      PW4(PW_INVLN2N), Y2, Y3 \
	VADDPD      PW4(PW_SHIFT), Y3, Y3   \ // kd, ki in its bits
	VSUBPD      PW4(PW_SHIFT), Y3, Y4   \
	VMULPD      PW4(PW_LN2HIN), Y4, Y5  \
	VSUBPD      Y5, Y2, Y5              \
	VMULPD      PW4(PW_LN2LON), Y4, Y4  \
	VSUBPD      Y4, Y5, Y5              \
	VADDPD      Y8, Y5, Y5              \ // r
	VPAND       PW4(PW_M127), Y3, Y6    \
	VPSLLQ      $1, Y6, Y6              \
	VPCMPEQQ    Y4, Y4, Y4              \
	VPXOR       Y7, Y7, Y7             \
	VGATHERQPD  Y4, (R9)(Y6*8), Y7      \ // tail
	VPCMPEQQ    Y4, Y4, Y4              \
	VPXOR       Y9, Y9, Y9             \
	VPGATHERQQ  Y4, 8(R9)(Y6*8), Y9     \ // bits
	VMULPD      Y5, Y5, Y10             \ // r2
	VMULPD      PW4(PW_EC+3), Y5, Y11   \
	VADDPD      PW4(PW_EC+2), Y11, Y11  \
	VMULPD      Y11, Y10, Y11           \
	VMULPD      PW4(PW_EC+1), Y5, Y12   \
	VADDPD      PW4(PW_EC+0), Y12, Y12  \
	VADDPD      Y11, Y12, Y12           \ // q
	VPSLLQ      $45, Y3, Y3             \
	VPADDQ      Y3, Y9, Y9              \ // scale
	VADDPD      Y5, Y7, Y7              \
	VMULPD      Y12, Y10, Y10           \
	VADDPD      Y10, Y7, Y7             \ // em1
	VMULPD      Y7, Y9, Y7              \
	VADDPD      Y7, Y9, Y0              \
	VMOVUPD     PW4(PW_NAN), Y3         \
	VBLENDVPD   Y14, Y0, Y3, Y0

// func powF64AVX2(dst, x, y []float64) (patch bool)
TEXT ·powF64AVX2(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), DX
	LEAQ ·powLogTab(SB), R8
	LEAQ ·powExpTab(SB), R9
	XORQ R10, R10

loop:
	CMPQ     BX, $4
	JLT      tail
	VMOVUPD  (SI), Y0
	VMOVUPD  (DX), Y1
	POW_F64_256
	VMOVUPD  Y0, (DI)
	VMOVMSKPD Y14, AX
	XORL     $15, AX
	ORQ      AX, R10
	ADDQ     $32, SI
	ADDQ     $32, DX
	ADDQ     $32, DI
	SUBQ     $4, BX
	JMP      loop

tail:
	TESTQ BX, BX
	JEQ   done
	MOVQ  DX, R11
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	VMASKMOVPD (R11), Y13, Y1
	POW_F64_256
	VMASKMOVPD Y0, Y13, (DI)
	VMOVMSKPD  Y14, AX
	XORL       $15, AX
	VMOVMSKPD  Y13, CX
	ANDL       CX, AX
	ORQ        AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET

// ---- float32, AVX-512 --------------------------------------------------------

#define PF(i) ·powF32Tab+8*(i)(SB)
#define PF_LOGOFF 0
#define PF_M31 1
#define PF_EXPMASK 2
#define PF_ONE 3
#define PF_LC 4
#define PF_SHIFT 11
#define PF_EC 12
#define PF_ABS 16
#define PF_MAX32 17
#define PF_T128 18
#define PF_TM151 19
#define PF_INF 20
#define PF_LOTIE 21
#define PF_HITIE 22
#define PF_B16 26
#define PT32(i) ·powF32PermTab+8*(i)(SB)

// Y0 = powF32(x, y) (float32) for Z0 = x, Z1 = y widened, as powF32Core step by step
// (the tables in Z20-Z31, looked up with VPERMI2PD: 16 entries from a pair of
// registers, the pair chosen by bit 4 of the index) and the check of its rounding; K6 = the
// lanes left to powF32, which get NaN. Clobbers Z2-Z12, K2, K5.
#define POW_F32_512 \
	VPXORQ       Z2, Z2, Z2                      \
	VCMPPD       $0x1e, Z2, Z0, K5               \ // x > 0
	VCMPPD.BCST  $0x12, PF(PF_MAX32), Z0, K5, K5 \ // x finite
	VCMPPD       $0x04, Z2, Z1, K5, K5           \ // y != 0
	VPANDQ.BCST  PF(PF_ABS), Z1, Z2              \
	VCMPPD.BCST  $0x12, PF(PF_MAX32), Z2, K5, K5 \ // y finite
	VPSUBQ.BCST  PF(PF_LOGOFF), Z0, Z2           \ // tmp
	VPSRLQ       $47, Z2, Z3                     \
	VPANDQ.BCST  PF(PF_M31), Z3, Z3              \
	VPTESTMQ.BCST PF(PF_B16), Z3, K2             \ // i >= 16
	VMOVDQA64    Z3, Z4                          \
	VPERMI2PD    Z21, Z20, Z4                    \ // 1/c, i < 16
	VMOVDQA64    Z3, Z5                          \
	VPERMI2PD    Z23, Z22, Z5                    \
	VMOVAPD      Z5, K2, Z4                      \ // 1/c
	VMOVDQA64    Z3, Z5                          \
	VPERMI2PD    Z25, Z24, Z5                    \ // log2(c), i < 16
	VMOVDQA64    Z3, Z6                          \
	VPERMI2PD    Z27, Z26, Z6                    \
	VMOVAPD      Z6, K2, Z5                      \ // log2(c)
	VPSRAQ       $52, Z2, Z6                     \
	VCVTQQ2PD    Z6, Z6                          \ // k
	VPANDQ.BCST  PF(PF_EXPMASK), Z2, Z2          \
	VPSUBQ       Z2, Z0, Z2                      \ // z
	VMULPD       Z4, Z2, Z2                      \
	VSUBPD.BCST  PF(PF_ONE), Z2, Z2              \ // r = z/c - 1, exact
	VMULPD       Z2, Z2, Z3                      \ // r2
	VMULPD.BCST  PF(PF_LC+5), Z2, Z7             \
	VADDPD.BCST  PF(PF_LC+4), Z7, Z7             \
	VMULPD.BCST  PF(PF_LC+6), Z3, Z8             \
	VADDPD       Z8, Z7, Z7                      \
	VMULPD.BCST  PF(PF_LC+3), Z2, Z8             \
	VADDPD.BCST  PF(PF_LC+2), Z8, Z8             \
	VMULPD       Z7, Z3, Z7                      \
	VADDPD       Z7, Z8, Z7                      \
	VMULPD.BCST  PF(PF_LC+1), Z2, Z8             \
	VADDPD.BCST  PF(PF_LC+0), Z8, Z8             \
	VMULPD       Z7, Z3, Z7                      \
	VADDPD       Z7, Z8, Z7                      \ // p
	VADDPD       Z5, Z6, Z6                      \ // k + log2(c)
	VMULPD       Z7, Z2, Z7                      \
	VADDPD       Z7, Z6, Z6                      \ // log2(x)
	VMULPD       Z6, Z1, Z6                      \ // t = y*log2(x)
	POW_F32_EXP_512

// The second half of POW_F32_512 (powF32Exp2 and the rounding check): Y0 from
// Z6 = t; K5 holds the lanes so far on the fast path, K6 gets the lanes left to
// powF32. Clobbers Z2-Z12, K2, K5.
#define POW_F32_EXP_512 \
	VADDPD.BCST  PF(PF_SHIFT), Z6, Z7            \ // kd, ki in its bits
	VSUBPD.BCST  PF(PF_SHIFT), Z7, Z8            \
	VSUBPD       Z8, Z6, Z8                      \ // r = t - kd, exact
	VMULPD       Z8, Z8, Z9                      \ // r2
	VMULPD.BCST  PF(PF_EC+3), Z8, Z10            \
	VADDPD.BCST  PF(PF_EC+2), Z10, Z10           \
	VMULPD       Z10, Z9, Z10                    \
	VMULPD.BCST  PF(PF_EC+1), Z8, Z11            \
	VADDPD.BCST  PF(PF_EC+0), Z11, Z11           \
	VADDPD       Z10, Z11, Z11                   \ // q
	VPTESTMQ.BCST PF(PF_B16), Z7, K2             \ // ki%32 >= 16
	VMOVDQA64    Z7, Z12                         \
	VPERMI2PD    Z29, Z28, Z12                   \
	VMOVDQA64    Z7, Z10                         \
	VPERMI2PD    Z31, Z30, Z10                   \
	VMOVAPD      Z10, K2, Z12                    \ // powF32ExpTab[ki%32]
	VPSLLQ       $47, Z7, Z7                     \
	VPADDQ       Z7, Z12, Z12                    \ // s = 2^(ki/32)
	VMULPD       Z11, Z8, Z8                     \
	VMULPD       Z8, Z12, Z8                     \
	VADDPD       Z8, Z12, Z0                     \ // s + s*(r*q)
	VCMPPD.BCST  $0x15, PF(PF_T128), Z6, K2      \ // !(t < 128): +Inf
	VBROADCASTSD PF(PF_INF), Z2                  \
	VMOVAPD      Z2, K2, Z0                      \
	VCMPPD.BCST  $0x11, PF(PF_TM151), Z6, K2     \ // t < -151: 0
	VPXORQ       Z2, Z2, Z2                      \
	VMOVAPD      Z2, K2, Z0                      \
	VMULPD.BCST  PF(PF_LOTIE), Z0, Z3            \
	VMULPD.BCST  PF(PF_HITIE), Z0, Z4            \
	VCVTPD2PS    Z0, Y0                          \
	VCVTPD2PS    Z3, Y3                          \
	VCVTPD2PS    Z4, Y4                          \
	VCMPPS       $0x00, Y3, Y0, K5, K5           \ // the rounding is clear
	VCMPPS       $0x00, Y4, Y0, K5, K5           \
	KNOTB        K5, K6                          \
	VPCMPEQD     Y2, Y2, Y2                      \
	VMOVAPS      Y2, K6, Y0

// func powF32AVX512(dst, x, y []float32) (patch bool)
TEXT ·powF32AVX512(SB), NOSPLIT, $0-73
	MOVQ    dst_base+0(FP), DI
	MOVQ    x_base+24(FP), SI
	MOVQ    x_len+32(FP), BX
	MOVQ    y_base+48(FP), DX
	VMOVDQU64 PT32(0), Z20
	VMOVDQU64 PT32(8), Z21
	VMOVDQU64 PT32(16), Z22
	VMOVDQU64 PT32(24), Z23
	VMOVDQU64 PT32(32), Z24
	VMOVDQU64 PT32(40), Z25
	VMOVDQU64 PT32(48), Z26
	VMOVDQU64 PT32(56), Z27
	VMOVDQU64 PT32(64), Z28
	VMOVDQU64 PT32(72), Z29
	VMOVDQU64 PT32(80), Z30
	VMOVDQU64 PT32(88), Z31
	XORQ    R10, R10

loop:
	CMPQ      BX, $8
	JLT       tail
	VCVTPS2PD (SI), Z0
	VCVTPS2PD (DX), Z1
	POW_F32_512
	VMOVUPS   Y0, (DI)
	KMOVB     K6, AX
	ORQ       AX, R10
	ADDQ      $32, SI
	ADDQ      $32, DX
	ADDQ      $32, DI
	SUBQ      $8, BX
	JMP       loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPS.Z (SI), K1, Y0
	VMOVUPS.Z (DX), K1, Y1
	VCVTPS2PD Y0, Z0
	VCVTPS2PD Y1, Z1
	POW_F32_512
	VMOVUPS   Y0, K1, (DI)
	KANDB     K1, K6, K6
	KMOVB     K6, AX
	ORQ       AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET

// ---- float32, AVX2 -----------------------------------------------------------

#define PF4(i) ·powF32Tab4+32*(i)(SB)
#define PF_K800 23
#define PF_MAGIC 24
#define PF_MAGICK 25

// POW_F32_512 on 4 lanes: X0 = powF32(x, y) for Y0 = x, Y1 = y widened; Y14 = the
// lanes kept (all ones), NaN in the others. k as in POW_F64_256; the rounding check
// compares the float32 roundings widened back to float64. Clobbers Y2-Y12.
#define POW_F32_256 \
	VXORPD      Y2, Y2, Y2                   \
	VCMPPD      $0x1e, Y2, Y0, Y14           \ // x > 0
	VCMPPD      $0x12, PF4(PF_MAX32), Y0, Y3 \ // x finite
	VANDPD      Y3, Y14, Y14                 \
	VCMPPD      $0x04, Y2, Y1, Y3            \ // y != 0
	VANDPD      Y3, Y14, Y14                 \
	VANDPD      PF4(PF_ABS), Y1, Y2          \
	VCMPPD      $0x12, PF4(PF_MAX32), Y2, Y3 \ // y finite
	VANDPD      Y3, Y14, Y14                 \
	VPSUBQ      PF4(PF_LOGOFF), Y0, Y2       \ // tmp
	VPSRLQ      $47, Y2, Y3                  \
	VPAND       PF4(PF_M31), Y3, Y3          \
	VPSLLQ      $1, Y3, Y3                   \
	VPCMPEQQ    Y5, Y5, Y5                   \
	VPXOR       Y4, Y4, Y4             \
	VGATHERQPD  Y5, (R8)(Y3*8), Y4           \ // 1/c
	VPCMPEQQ    Y5, Y5, Y5                   \
	VPXOR       Y6, Y6, Y6             \
	VGATHERQPD  Y5, 8(R8)(Y3*8), Y6          \ // log2(c)
	VPSRLQ      $52, Y2, Y5                  \
	VPXOR       PF4(PF_K800), Y5, Y5         \
	VPOR        PF4(PF_MAGIC), Y5, Y5        \
	VSUBPD      PF4(PF_MAGICK), Y5, Y5       \ // k
	VPAND       PF4(PF_EXPMASK), Y2, Y2      \
	VPSUBQ      Y2, Y0, Y2                   \ // z
	VMULPD      Y4, Y2, Y2                   \
	VSUBPD      PF4(PF_ONE), Y2, Y2          \ // r
	VMULPD      Y2, Y2, Y3                   \ // r2
	VMULPD      PF4(PF_LC+5), Y2, Y7         \
	VADDPD      PF4(PF_LC+4), Y7, Y7         \
	VMULPD      PF4(PF_LC+6), Y3, Y8         \
	VADDPD      Y8, Y7, Y7                   \
	VMULPD      PF4(PF_LC+3), Y2, Y8         \
	VADDPD      PF4(PF_LC+2), Y8, Y8         \
	VMULPD      Y7, Y3, Y7                   \
	VADDPD      Y7, Y8, Y7                   \
	VMULPD      PF4(PF_LC+1), Y2, Y8         \
	VADDPD      PF4(PF_LC+0), Y8, Y8         \
	VMULPD      Y7, Y3, Y7                   \
	VADDPD      Y7, Y8, Y7                   \ // p
	VADDPD      Y6, Y5, Y6                   \
	VMULPD      Y7, Y2, Y7                   \
	VADDPD      Y7, Y6, Y6                   \
	VMULPD      Y6, Y1, Y6                   \ // t
	POW_F32_EXP_256

// The second half of POW_F32_256: X0 from Y6 = t and the lane mask Y14. Clobbers Y2-Y12.
#define POW_F32_EXP_256 \
	VADDPD      PF4(PF_SHIFT), Y6, Y7        \
	VSUBPD      PF4(PF_SHIFT), Y7, Y8        \
	VSUBPD      Y8, Y6, Y8                   \ // r
	VMULPD      Y8, Y8, Y9                   \
	VMULPD      PF4(PF_EC+3), Y8, Y10        \
	VADDPD      PF4(PF_EC+2), Y10, Y10       \
	VMULPD      Y10, Y9, Y10                 \
	VMULPD      PF4(PF_EC+1), Y8, Y11        \
	VADDPD      PF4(PF_EC+0), Y11, Y11       \
	VADDPD      Y10, Y11, Y11                \ // q
	VPAND       PF4(PF_M31), Y7, Y10         \
	VPCMPEQQ    Y5, Y5, Y5                   \
	VPXOR       Y12, Y12, Y12             \
	VPGATHERQQ  Y5, (R9)(Y10*8), Y12         \
	VPSLLQ      $47, Y7, Y7                  \
	VPADDQ      Y7, Y12, Y12                 \ // s
	VMULPD      Y11, Y8, Y8                  \
	VMULPD      Y8, Y12, Y8                  \
	VADDPD      Y8, Y12, Y2                  \ // v
	VCMPPD      $0x15, PF4(PF_T128), Y6, Y3  \
	VBLENDVPD   Y3, PF4(PF_INF), Y2, Y2      \
	VCMPPD      $0x11, PF4(PF_TM151), Y6, Y3 \
	VXORPD      Y4, Y4, Y4                   \
	VBLENDVPD   Y3, Y4, Y2, Y2               \
	VMULPD      PF4(PF_LOTIE), Y2, Y3        \
	VMULPD      PF4(PF_HITIE), Y2, Y4        \
	VCVTPD2PSY  Y2, X2                       \
	VCVTPD2PSY  Y3, X3                       \
	VCVTPD2PSY  Y4, X4                       \
	VCVTPS2PD   X2, Y2                       \
	VCVTPS2PD   X3, Y3                       \
	VCVTPS2PD   X4, Y4                       \
	VCMPPD      $0x00, Y3, Y2, Y3            \
	VANDPD      Y3, Y14, Y14                 \
	VCMPPD      $0x00, Y4, Y2, Y4            \
	VANDPD      Y4, Y14, Y14                 \
	VPCMPEQQ    Y3, Y3, Y3                   \
	VBLENDVPD   Y14, Y2, Y3, Y2              \
	VCVTPD2PSY  Y2, X0

// func powF32AVX2(dst, x, y []float32) (patch bool)
TEXT ·powF32AVX2(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), DX
	LEAQ ·powF32LogTab(SB), R8
	LEAQ ·powF32ExpTab(SB), R9
	XORQ R10, R10

loop:
	CMPQ      BX, $4
	JLT       tail
	VCVTPS2PD (SI), Y0
	VCVTPS2PD (DX), Y1
	POW_F32_256
	VMOVUPS   X0, (DI)
	VMOVMSKPD Y14, AX
	XORL      $15, AX
	ORQ       AX, R10
	ADDQ      $16, SI
	ADDQ      $16, DX
	ADDQ      $16, DI
	SUBQ      $4, BX
	JMP       loop

tail:
	TESTQ BX, BX
	JEQ   done
	MOVQ  DX, R11
	TAILMASK_X13_F32
	VMASKMOVPS (SI), X13, X0
	VMASKMOVPS (R11), X13, X1
	VCVTPS2PD  X0, Y0
	VCVTPS2PD  X1, Y1
	POW_F32_256
	VMASKMOVPS X0, X13, (DI)
	VMOVMSKPD  Y14, AX
	XORL       $15, AX
	VMOVMSKPS  X13, CX
	ANDL       CX, AX
	ORQ        AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET

// ---- constant base: s**y[i] (ScalarPowF64, ScalarPowF32) ---------------------
// The second halves of the kernels above on log(s) computed once in Go: the same
// bits as the kernels with every x[i] = s.

// Z0 = e^(y*(hi + lo)) for Z1 = y, Z20 = hi, Z21 = lo (powLog(s)); K5 = the lanes
// off the fast path (y zero, infinite or NaN, |y*hi| > 700), which get NaN.
#define POW_F64_Y_512 \
	VPSLLQ        $1, Z1, Z2                \
	VPSUBQ.BCST   PW(PW_IONE), Z2, Z2       \
	VPCMPUQ.BCST  $5, PW(PW_YRANGE), Z2, K5 \ // off: y zero, infinite or NaN
	VMOVAPD       Z20, Z9                   \
	VMOVAPD       Z21, Z7                   \
	POW_F64_EXP_512

// func scalarPowF64AVX512(dst, y []float64, hi, lo float64) (patch bool)
TEXT ·scalarPowF64AVX512(SB), NOSPLIT, $0-65
	MOVQ         dst_base+0(FP), DI
	MOVQ         y_base+24(FP), DX
	MOVQ         y_len+32(FP), BX
	VBROADCASTSD hi+48(FP), Z20
	VBROADCASTSD lo+56(FP), Z21
	LEAQ         ·powExpTab(SB), R9
	XORQ         R10, R10

sloop:
	CMPQ    BX, $8
	JLT     stail
	VMOVUPD (DX), Z1
	POW_F64_Y_512
	VMOVUPD Z0, (DI)
	KMOVB   K5, AX
	ORQ     AX, R10
	ADDQ    $64, DX
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     sloop

stail:
	TESTQ     BX, BX
	JEQ       sdone
	TAILMASK_K1
	VMOVUPD.Z (DX), K1, Z1
	POW_F64_Y_512
	VMOVUPD   Z0, K1, (DI)
	KANDB     K1, K5, K5
	KMOVB     K5, AX
	ORQ       AX, R10

sdone:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+64(FP)
	VZEROUPPER
	RET

// POW_F64_Y_512 on 4 lanes: Y0 for Y1 = y, Y15 = hi, lo at lo+56(FP); Y14 = the
// lanes on the fast path.
#define POW_F64_Y_256 \
	VPSLLQ       $1, Y1, Y2             \
	VPSUBQ       PW4(PW_IONE), Y2, Y2   \
	VPXOR        PW4(PW_SIGN), Y2, Y2   \
	VMOVDQU      PW4(PW_YRANGES), Y3    \
	VPCMPGTQ     Y2, Y3, Y14            \ // y finite, nonzero
	VMOVAPD      Y15, Y9                \
	VBROADCASTSD lo+56(FP), Y7          \
	POW_F64_EXP_256

// func scalarPowF64AVX2(dst, y []float64, hi, lo float64) (patch bool)
TEXT ·scalarPowF64AVX2(SB), NOSPLIT, $0-65
	MOVQ         dst_base+0(FP), DI
	MOVQ         y_base+24(FP), SI
	MOVQ         y_len+32(FP), BX
	VBROADCASTSD hi+48(FP), Y15
	LEAQ         ·powExpTab(SB), R9
	XORQ         R10, R10

sloop:
	CMPQ      BX, $4
	JLT       stail
	VMOVUPD   (SI), Y1
	POW_F64_Y_256
	VMOVUPD   Y0, (DI)
	VMOVMSKPD Y14, AX
	XORL      $15, AX
	ORQ       AX, R10
	ADDQ      $32, SI
	ADDQ      $32, DI
	SUBQ      $4, BX
	JMP       sloop

stail:
	TESTQ      BX, BX
	JEQ        sdone
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y1
	POW_F64_Y_256
	VMASKMOVPD Y0, Y13, (DI)
	VMOVMSKPD  Y14, AX
	XORL       $15, AX
	VMOVMSKPD  Y13, CX
	ANDL       CX, AX
	ORQ        AX, R10

sdone:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+64(FP)
	VZEROUPPER
	RET

// Y0 = powF32(s, y) for Z1 = y widened, Z20 = powF32Log2(s), the exp table in
// Z28-Z31; K6 = the lanes left to powF32, which get NaN.
#define POW_F32_Y_512 \
	VPXORQ       Z2, Z2, Z2                      \
	VCMPPD       $0x04, Z2, Z1, K5               \ // y != 0
	VPANDQ.BCST  PF(PF_ABS), Z1, Z2              \
	VCMPPD.BCST  $0x12, PF(PF_MAX32), Z2, K5, K5 \ // y finite
	VMULPD       Z20, Z1, Z6                     \ // t = y*log2(s)
	POW_F32_EXP_512

// func scalarPowF32AVX512(dst, y []float32, l float64) (patch bool)
TEXT ·scalarPowF32AVX512(SB), NOSPLIT, $0-57
	MOVQ         dst_base+0(FP), DI
	MOVQ         y_base+24(FP), DX
	MOVQ         y_len+32(FP), BX
	VBROADCASTSD l+48(FP), Z20
	VMOVDQU64    PT32(64), Z28
	VMOVDQU64    PT32(72), Z29
	VMOVDQU64    PT32(80), Z30
	VMOVDQU64    PT32(88), Z31
	XORQ         R10, R10

sloop:
	CMPQ      BX, $8
	JLT       stail
	VCVTPS2PD (DX), Z1
	POW_F32_Y_512
	VMOVUPS   Y0, (DI)
	KMOVB     K6, AX
	ORQ       AX, R10
	ADDQ      $32, DX
	ADDQ      $32, DI
	SUBQ      $8, BX
	JMP       sloop

stail:
	TESTQ     BX, BX
	JEQ       sdone
	TAILMASK_K1
	VMOVUPS.Z (DX), K1, Y1
	VCVTPS2PD Y1, Z1
	POW_F32_Y_512
	VMOVUPS   Y0, K1, (DI)
	KANDB     K1, K6, K6
	KMOVB     K6, AX
	ORQ       AX, R10

sdone:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+56(FP)
	VZEROUPPER
	RET

// POW_F32_Y_512 on 4 lanes: X0 for Y1 = y widened, Y15 = powF32Log2(s); Y14 = the
// lanes kept.
#define POW_F32_Y_256 \
	VXORPD      Y2, Y2, Y2                   \
	VCMPPD      $0x04, Y2, Y1, Y14           \ // y != 0
	VANDPD      PF4(PF_ABS), Y1, Y2          \
	VCMPPD      $0x12, PF4(PF_MAX32), Y2, Y3 \ // y finite
	VANDPD      Y3, Y14, Y14                 \
	VMULPD      Y15, Y1, Y6                  \ // t
	POW_F32_EXP_256

// func scalarPowF32AVX2(dst, y []float32, l float64) (patch bool)
TEXT ·scalarPowF32AVX2(SB), NOSPLIT, $0-57
	MOVQ         dst_base+0(FP), DI
	MOVQ         y_base+24(FP), SI
	MOVQ         y_len+32(FP), BX
	VBROADCASTSD l+48(FP), Y15
	LEAQ         ·powF32ExpTab(SB), R9
	XORQ         R10, R10

sloop:
	CMPQ      BX, $4
	JLT       stail
	VCVTPS2PD (SI), Y1
	POW_F32_Y_256
	VMOVUPS   X0, (DI)
	VMOVMSKPD Y14, AX
	XORL      $15, AX
	ORQ       AX, R10
	ADDQ      $16, SI
	ADDQ      $16, DI
	SUBQ      $4, BX
	JMP       sloop

stail:
	TESTQ      BX, BX
	JEQ        sdone
	TAILMASK_X13_F32
	VMASKMOVPS (SI), X13, X1
	VCVTPS2PD  X1, Y1
	POW_F32_Y_256
	VMASKMOVPS X0, X13, (DI)
	VMOVMSKPD  Y14, AX
	XORL       $15, AX
	VMOVMSKPS  X13, CX
	ANDL       CX, AX
	ORQ        AX, R10

sdone:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+56(FP)
	VZEROUPPER
	RET
