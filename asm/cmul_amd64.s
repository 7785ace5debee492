//go:build !noasm && gc

#include "textflag.h"

// func mulC128AVX(dst, x, y []complex128)
TEXT ·mulC128AVX(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ x_base+24(FP), SI
	MOVQ y_base+48(FP), DX
	SHLQ $4, CX      // bytes
	XORQ AX, AX      // byte offset
	MOVQ CX, R10
	ANDQ $-32, R10   // bytes in whole pairs of elements

pairs:
	CMPQ AX, R10
	JAE  last
	VMOVUPD   (SI)(AX*1), Y0   // x: a0r a0i a1r a1i
	VMOVUPD   (DX)(AX*1), Y1   // y: b0r b0i b1r b1i
	VMOVDDUP  Y0, Y2           // ar ar
	VPERMILPD $0x0f, Y0, Y3    // ai ai
	VPERMILPD $0x05, Y1, Y4    // bi br
	VMULPD    Y1, Y2, Y2       // ar*br ar*bi
	VMULPD    Y4, Y3, Y3       // ai*bi ai*br
	VADDSUBPD Y3, Y2, Y2       // ar*br-ai*bi ar*bi+ai*br
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
	VMOVUPD   X2, (DI)(AX*1)

done:
	VZEROUPPER
	RET
