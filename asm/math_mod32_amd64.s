//go:build !noasm && gc

#include "textflag.h"

// fmod and Python's % on float32 (FmodF32, ModF32; see modF32Vec, math_mod32.go),
// sixteen float32 lanes at a time: modF64Vec's method with float32 operations and a
// fast path of quotients below 2^23. DI = dst, SI = x, R9 = y, BX = elements left;
// R10 collects the lanes off the fast path, which are stored as NaN.
// modF32Tab (math_mod_amd64.go), 4 bytes per constant:
#define M32(i) ·modF32Tab+4*(i)(SB)

#define MOD32_CONSTS \
	VPBROADCASTD M32(0), Z16 \ // abs mask
	VPBROADCASTD M32(1), Z17 \ // sign bit
	VPBROADCASTD M32(2), Z18 \ // 2^23
	VPBROADCASTD M32(3), Z19 \ // +Inf
	VPBROADCASTD M32(4), Z20 \ // NaN
	VPXORD       Z21, Z21, Z21

// Z6 = fmod(x, y) for x in Z0, y in Z1, with the sign of x; slow lanes NaN, K5 = them.
#define FMOD32 \
	VANDPS       Z16, Z0, Z2     \ // ax
	VANDPS       Z16, Z1, Z3     \ // ay
	VDIVPS       Z3, Z2, Z4      \ // d = ax/ay
	VRNDSCALEPS  $3, Z4, Z5      \ // q = trunc(d)
	VMOVAPS      Z2, Z6          \
	VFNMADD231PS Z5, Z3, Z6      \ // r = ax - q*ay (exact)
	VCMPPS       $1, Z21, Z6, K3 \
	VADDPS       Z3, Z6, K3, Z6  \ // r += ay where r < 0
	VPANDD       Z17, Z0, Z7     \
	VPORD        Z7, Z6, Z6      \ // the sign of x
	VCMPPS       $1, Z18, Z4, K4 \ // d < 2^23 (false for NaN)
	VCMPPS       $1, Z19, Z3, K5 \ // ay < Inf
	KANDW        K5, K4, K4      \
	KNOTW        K4, K5          \
	VMOVAPS      Z20, K5, Z6

// Python's rule on m in Z6 (y in Z1): m + y where m != 0 and the signs differ; ±0
// takes y's sign. Clobbers Z8, K3, K6.
#define PYSIGN32 \
	VCMPPS   $4, Z21, Z6, K3 \ // m != 0
	VPXORD   Z1, Z6, Z8      \
	VPMOVD2M Z8, K6          \ // signs differ
	KANDW    K3, K6, K6      \
	VADDPS   Z1, Z6, K6, Z6  \
	KNOTW    K3, K6          \
	VPANDD   Z17, Z1, K6, Z6

// No sign rule (fmod): a no-op.
#define NORULE32 KANDW K5, K5, K5

#define MOD32_KERNEL(rule) \
	MOVQ dst_base+0(FP), DI  \
	MOVQ x_base+24(FP), SI   \
	MOVQ x_len+32(FP), BX    \
	MOVQ y_base+48(FP), R9   \
	XORQ R10, R10            \
	MOD32_CONSTS             \
loop:                            \
	CMPQ    BX, $16          \
	JLT     tail             \
	VMOVUPS (SI), Z0         \
	VMOVUPS (R9), Z1         \
	FMOD32                   \
	rule                     \
	VMOVUPS Z6, (DI)         \
	KMOVW   K5, AX           \
	ORQ     AX, R10          \
	ADDQ    $64, SI          \
	ADDQ    $64, R9          \
	ADDQ    $64, DI          \
	SUBQ    $16, BX          \
	JMP     loop             \
tail:                            \
	TESTQ BX, BX             \
	JEQ   done               \
	MOVL  $1, AX             \
	MOVQ  BX, CX             \
	SHLQ  CX, AX             \
	DECQ  AX                 \
	KMOVW AX, K1             \
	VMOVUPS.Z (SI), K1, Z0   \
	VMOVUPS.Z (R9), K1, Z1   \
	FMOD32                   \
	rule                     \
	VMOVUPS   Z6, K1, (DI)   \
	KANDW     K1, K5, K5     \
	KMOVW     K5, AX         \
	ORQ       AX, R10        \
done:                            \
	TESTQ R10, R10           \
	SETNE R11                \
	MOVB  R11, patch+72(FP)  \
	VZEROUPPER               \
	RET

// func fmodF32AVX512(dst, x, y []float32) (patch bool)
TEXT ·fmodF32AVX512(SB), NOSPLIT, $0-73
	MOD32_KERNEL(NORULE32)

// func modF32AVX512(dst, x, y []float32) (patch bool)
TEXT ·modF32AVX512(SB), NOSPLIT, $0-73
	MOD32_KERNEL(PYSIGN32)
