//go:build !noasm && gc

#include "textflag.h"
#include "math_amd64.h"

// fmod and Python's % on float64 (FmodF64, ModF64; the method and why it is exact
// are in modF64Vec, math_mod.go). DI = dst, SI = x, R9 = y, BX = elements left;
// R10 collects the lanes off the fast path, which are stored as NaN.
// modF64Tab (math_mod_amd64.go), 32 bytes per constant:
#define MD_ABS 0
#define MD_SIGN 1
#define MD_TWO52 2
#define MD_INF 3
#define MD_NAN 4

#define MD(i) ·modF64Tab+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------

#define MOD_CONSTS_512 \
	VBROADCASTSD MD(MD_ABS), Z16   \
	VBROADCASTSD MD(MD_SIGN), Z17  \
	VBROADCASTSD MD(MD_TWO52), Z18 \
	VBROADCASTSD MD(MD_INF), Z19   \
	VBROADCASTSD MD(MD_NAN), Z20   \
	VPXORQ       Z21, Z21, Z21

// Z6 = fmod(x, y) for x in Z0, y in Z1, with the sign of x; K4 = the fast lanes.
#define FMOD_512 \
	VANDPD       Z16, Z0, Z2   \ // ax
	VANDPD       Z16, Z1, Z3   \ // ay
	VDIVPD       Z3, Z2, Z4    \ // d = ax/ay
	VRNDSCALEPD  $3, Z4, Z5    \ // q = trunc(d)
	VMOVAPD      Z2, Z6        \
	VFNMADD231PD Z5, Z3, Z6    \ // r = ax - q*ay (exact)
	VCMPPD       $1, Z21, Z6, K3 \
	VADDPD       Z3, Z6, K3, Z6 \ // r += ay where r < 0
	VPANDQ       Z17, Z0, Z7   \
	VPORQ        Z7, Z6, Z6    \ // the sign of x
	VCMPPD       $1, Z18, Z4, K4 \ // d < 2^52 (false for NaN)
	VCMPPD       $1, Z19, Z3, K5 \ // ay < Inf
	KANDB        K5, K4, K4

// Python's rule on m in Z6: m + y where m != 0 and the signs differ; ±0 takes y's sign.
#define PYSIGN_512 \
	VCMPPD   $4, Z21, Z6, K3 \ // m != 0
	VPXORQ   Z1, Z6, Z8      \
	VPMOVQ2M Z8, K5          \ // signs differ
	KANDB    K3, K5, K5      \
	VADDPD   Z1, Z6, K5, Z6  \
	KNOTB    K3, K5          \
	VPANDQ   Z17, Z1, K5, Z6 // m == 0: copysign(0, y)

// Slow lanes (not K4) take NaN; K5 = them.
#define SLOW_512 \
	KNOTB   K4, K5 \
	VMOVAPD Z20, K5, Z6

// func fmodF64AVX512(dst, x, y []float64) (patch bool)
TEXT ·fmodF64AVX512(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), R9
	XORQ R10, R10
	MOD_CONSTS_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	VMOVUPD (R9), Z1
	FMOD_512; SLOW_512
	VMOVUPD Z6, (DI)
	KMOVB   K5, AX
	ORQ     AX, R10
	ADDQ    $64, SI
	ADDQ    $64, R9
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	VMOVUPD.Z (R9), K1, Z1
	FMOD_512; SLOW_512
	VMOVUPD   Z6, K1, (DI)
	KANDB     K1, K5, K5
	KMOVB     K5, AX
	ORQ       AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET

// func modF64AVX512(dst, x, y []float64) (patch bool)
TEXT ·modF64AVX512(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), R9
	XORQ R10, R10
	MOD_CONSTS_512

loop:
	CMPQ    BX, $8
	JLT     tail
	VMOVUPD (SI), Z0
	VMOVUPD (R9), Z1
	FMOD_512; PYSIGN_512; SLOW_512
	VMOVUPD Z6, (DI)
	KMOVB   K5, AX
	ORQ     AX, R10
	ADDQ    $64, SI
	ADDQ    $64, R9
	ADDQ    $64, DI
	SUBQ    $8, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_K1
	VMOVUPD.Z (SI), K1, Z0
	VMOVUPD.Z (R9), K1, Z1
	FMOD_512; PYSIGN_512; SLOW_512
	VMOVUPD   Z6, K1, (DI)
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

// FMOD_512 on 4 lanes, constants from memory. Clobbers Y2-Y11 (not Y13, the tail mask).
#define FMOD_256 \
	VANDPD       MD(MD_ABS), Y0, Y2 \
	VANDPD       MD(MD_ABS), Y1, Y3 \
	VDIVPD       Y3, Y2, Y4         \
	VROUNDPD     $3, Y4, Y5         \
	VMOVAPD      Y2, Y6             \
	VFNMADD231PD Y5, Y3, Y6         \
	VADDPD       Y3, Y6, Y7         \
	VBLENDVPD    Y6, Y7, Y6, Y6     \ // r + ay where r < 0 (r is never -0)
	VANDPD       MD(MD_SIGN), Y0, Y7 \
	VORPD        Y7, Y6, Y6

#define PYSIGN_256 \
	VXORPD    Y8, Y8, Y8       \
	VCMPPD    $4, Y8, Y6, Y9   \ // m != 0
	VXORPD    Y1, Y6, Y10      \
	VANDPD    Y9, Y10, Y10     \ // sign bit: m != 0 and the signs differ
	VADDPD    Y1, Y6, Y11      \
	VBLENDVPD Y10, Y11, Y6, Y6 \
	VANDPD    MD(MD_SIGN), Y1, Y11 \
	VBLENDVPD Y9, Y6, Y11, Y6  // m == 0: copysign(0, y)

// Slow lanes take NaN; AX = the fast lanes' bits.
#define SLOW_256 \
	VCMPPD    $1, MD(MD_TWO52), Y4, Y9 \
	VCMPPD    $1, MD(MD_INF), Y3, Y10  \
	VANDPD    Y10, Y9, Y9              \
	VMOVUPD   MD(MD_NAN), Y10          \
	VBLENDVPD Y9, Y6, Y10, Y6          \
	VMOVMSKPD Y9, AX

// func fmodF64AVX2(dst, x, y []float64) (patch bool)
TEXT ·fmodF64AVX2(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), R9
	XORQ R10, R10

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	VMOVUPD (R9), Y1
	FMOD_256; SLOW_256
	VMOVUPD Y6, (DI)
	XORL    $15, AX
	ORQ     AX, R10
	ADDQ    $32, SI
	ADDQ    $32, R9
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	VMASKMOVPD (R9), Y13, Y1
	FMOD_256; SLOW_256
	VMASKMOVPD Y6, Y13, (DI)
	NOTL       AX
	VMOVMSKPD  Y13, CX
	ANDL       CX, AX
	ORQ        AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET

// func modF64AVX2(dst, x, y []float64) (patch bool)
TEXT ·modF64AVX2(SB), NOSPLIT, $0-73
	MOVQ dst_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y_base+48(FP), R9
	XORQ R10, R10

loop:
	CMPQ    BX, $4
	JLT     tail
	VMOVUPD (SI), Y0
	VMOVUPD (R9), Y1
	FMOD_256; PYSIGN_256; SLOW_256
	VMOVUPD Y6, (DI)
	XORL    $15, AX
	ORQ     AX, R10
	ADDQ    $32, SI
	ADDQ    $32, R9
	ADDQ    $32, DI
	SUBQ    $4, BX
	JMP     loop

tail:
	TESTQ BX, BX
	JEQ   done
	TAILMASK_Y13_F64
	VMASKMOVPD (SI), Y13, Y0
	VMASKMOVPD (R9), Y13, Y1
	FMOD_256; PYSIGN_256; SLOW_256
	VMASKMOVPD Y6, Y13, (DI)
	NOTL       AX
	VMOVMSKPD  Y13, CX
	ANDL       CX, AX
	ORQ        AX, R10

done:
	TESTQ R10, R10
	SETNE R11
	MOVB  R11, patch+72(FP)
	VZEROUPPER
	RET
