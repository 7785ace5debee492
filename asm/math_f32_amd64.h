// Tail masks of the float32-lane kernels (math_exp_amd64.s, math_log_amd64.s),
// registers as in math_amd64.h.

// K1 = the low BX (1..15) bits.
#define F32_TAILMASK_K1 \
	MOVL $1, AX \
	MOVQ BX, CX \
	SHLL CX, AX \
	DECL AX \
	KMOVW AX, K1

// Y13 = int32 mask of the first BX (1..7) lanes.
#define F32_TAILMASK_Y13 \
	MOVQ $8, AX \
	SUBQ BX, AX \
	LEAQ ·f32TailMask(SB), DX \
	VMOVDQU (DX)(AX*4), Y13
