// Shared pieces of the math assembly (math_*_amd64.s).
//
// AVX-512 kernels: DI = dst, SI = x, BX = elements left; K1 selects the lanes of
// the current step (all ones in the loop, the first BX in the tail); data in Z0.
// AVX2 kernels: same registers, Y13 holds the VMASKMOV mask in the tail.

// K1 = the low BX (1..7) bits.
#define TAILMASK_K1 \
	MOVL $1, AX \
	MOVQ BX, CX \
	SHLQ CX, AX \
	DECQ AX \
	KMOVB AX, K1

// Y13 = int64 mask of the first BX (1..3) lanes.
#define TAILMASK_Y13_F64 \
	MOVQ $4, AX \
	SUBQ BX, AX \
	LEAQ ·mathTailMask(SB), DX \
	VMOVDQU (DX)(AX*8), Y13

// X13 = int32 mask of the first BX (1..3) lanes.
#define TAILMASK_X13_F32 \
	MOVQ $4, AX \
	SUBQ BX, AX \
	LEAQ ·mathTailMask32(SB), DX \
	VMOVDQU (DX)(AX*4), X13
