//go:build !noasm && gc

#include "textflag.h"

// func mulAddC128AVX(dst, x, y, z []complex128)
TEXT ·mulAddC128AVX(SB), NOSPLIT, $0-96
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ x_base+24(FP), SI
	MOVQ y_base+48(FP), DX
	MOVQ z_base+72(FP), R8
	SHLQ $4, CX      // bytes
	XORQ AX, AX      // byte offset
	MOVQ CX, R10
	ANDQ $-64, R10   // bytes in whole groups of four elements
	MOVQ CX, R11
	ANDQ $-32, R11   // bytes in whole pairs

fours:
	CMPQ AX, R10
	JAE  pairs
	VMOVUPD   (SI)(AX*1), Y0    // x: a0r a0i a1r a1i
	VMOVUPD   (DX)(AX*1), Y1    // y: b0r b0i b1r b1i
	VMOVUPD   32(SI)(AX*1), Y5
	VMOVUPD   32(DX)(AX*1), Y6
	VMOVDDUP  Y0, Y2            // ar ar
	VPERMILPD $0x0f, Y0, Y3     // ai ai
	VPERMILPD $0x05, Y1, Y4     // bi br
	VMOVDDUP  Y5, Y7
	VPERMILPD $0x0f, Y5, Y8
	VPERMILPD $0x05, Y6, Y9
	VMULPD    Y1, Y2, Y2        // ar*br ar*bi
	VMULPD    Y4, Y3, Y3        // ai*bi ai*br
	VMULPD    Y6, Y7, Y7
	VMULPD    Y9, Y8, Y8
	VADDSUBPD Y3, Y2, Y2        // ar*br-ai*bi ar*bi+ai*br
	VADDSUBPD Y8, Y7, Y7
	VADDPD    (R8)(AX*1), Y2, Y2 // + z
	VADDPD    32(R8)(AX*1), Y7, Y7
	VMOVUPD   Y2, (DI)(AX*1)
	VMOVUPD   Y7, 32(DI)(AX*1)
	ADDQ      $64, AX
	JMP       fours

pairs:
	CMPQ AX, R11
	JAE  last
	VMOVUPD   (SI)(AX*1), Y0
	VMOVUPD   (DX)(AX*1), Y1
	VMOVDDUP  Y0, Y2
	VPERMILPD $0x0f, Y0, Y3
	VPERMILPD $0x05, Y1, Y4
	VMULPD    Y1, Y2, Y2
	VMULPD    Y4, Y3, Y3
	VADDSUBPD Y3, Y2, Y2
	VADDPD    (R8)(AX*1), Y2, Y2
	VMOVUPD   Y2, (DI)(AX*1)
	ADDQ      $32, AX
	JMP       pairs

last:
	CMPQ AX, CX
	JAE  done
	VMOVUPD   (SI)(AX*1), X0
	VMOVUPD   (DX)(AX*1), X1
	VMOVDDUP  X0, X2
	VPERMILPD $0x03, X0, X3
	VPERMILPD $0x01, X1, X4
	VMULPD    X1, X2, X2
	VMULPD    X4, X3, X3
	VADDSUBPD X3, X2, X2
	VMOVUPD   (R8)(AX*1), X5
	VADDPD    X5, X2, X2
	VMOVUPD   X2, (DI)(AX*1)

done:
	VZEROUPPER
	RET
