//go:build !noasm && gc

#include "textflag.h"

// The AddRows kernels (colsum.go): acc[j] += x[r*stride+j] for r = 0, 1, ..., rows-1,
// a strip of eight registers (then one) of acc loaded once, every row added to it in
// order, and stored once. acc's length is a multiple of one register's elements and
// rows > 0 (the Go wrapper sees to both).

// func addRowsF64AVX512(acc, x []float64, stride, rows int)
TEXT ·addRowsF64AVX512(SB), NOSPLIT, $0-64
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), BX
	MOVQ x_base+24(FP), SI
	MOVQ stride+48(FP), DX
	MOVQ rows+56(FP), CX
	SHLQ $3, BX // bytes of acc
	SHLQ $3, DX // bytes from row to row

wide:
	CMPQ BX, $512
	JB   narrow
	VMOVUPD 0(DI), Z0
	VMOVUPD 64(DI), Z1
	VMOVUPD 128(DI), Z2
	VMOVUPD 192(DI), Z3
	VMOVUPD 256(DI), Z4
	VMOVUPD 320(DI), Z5
	VMOVUPD 384(DI), Z6
	VMOVUPD 448(DI), Z7
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	VADDPD 0(AX), Z0, Z0
	VADDPD 64(AX), Z1, Z1
	VADDPD 128(AX), Z2, Z2
	VADDPD 192(AX), Z3, Z3
	VADDPD 256(AX), Z4, Z4
	VADDPD 320(AX), Z5, Z5
	VADDPD 384(AX), Z6, Z6
	VADDPD 448(AX), Z7, Z7
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	VMOVUPD Z0, 0(DI)
	VMOVUPD Z1, 64(DI)
	VMOVUPD Z2, 128(DI)
	VMOVUPD Z3, 192(DI)
	VMOVUPD Z4, 256(DI)
	VMOVUPD Z5, 320(DI)
	VMOVUPD Z6, 384(DI)
	VMOVUPD Z7, 448(DI)
	ADDQ $512, DI
	ADDQ $512, SI
	SUBQ $512, BX
	JMP  wide

narrow:
	CMPQ BX, $0
	JE   done
	VMOVUPD (DI), Z0
	MOVQ SI, AX
	MOVQ CX, R8

nrows:
	VADDPD (AX), Z0, Z0
	ADDQ DX, AX
	DECQ R8
	JNZ  nrows
	VMOVUPD Z0, (DI)
	ADDQ $64, DI
	ADDQ $64, SI
	SUBQ $64, BX
	JMP  narrow

done:
	VZEROUPPER
	RET

// func addRowsF64AVX2(acc, x []float64, stride, rows int)
TEXT ·addRowsF64AVX2(SB), NOSPLIT, $0-64
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), BX
	MOVQ x_base+24(FP), SI
	MOVQ stride+48(FP), DX
	MOVQ rows+56(FP), CX
	SHLQ $3, BX // bytes of acc
	SHLQ $3, DX // bytes from row to row

wide:
	CMPQ BX, $256
	JB   narrow
	VMOVUPD 0(DI), Y0
	VMOVUPD 32(DI), Y1
	VMOVUPD 64(DI), Y2
	VMOVUPD 96(DI), Y3
	VMOVUPD 128(DI), Y4
	VMOVUPD 160(DI), Y5
	VMOVUPD 192(DI), Y6
	VMOVUPD 224(DI), Y7
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	VADDPD 0(AX), Y0, Y0
	VADDPD 32(AX), Y1, Y1
	VADDPD 64(AX), Y2, Y2
	VADDPD 96(AX), Y3, Y3
	VADDPD 128(AX), Y4, Y4
	VADDPD 160(AX), Y5, Y5
	VADDPD 192(AX), Y6, Y6
	VADDPD 224(AX), Y7, Y7
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	VMOVUPD Y0, 0(DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	VMOVUPD Y4, 128(DI)
	VMOVUPD Y5, 160(DI)
	VMOVUPD Y6, 192(DI)
	VMOVUPD Y7, 224(DI)
	ADDQ $256, DI
	ADDQ $256, SI
	SUBQ $256, BX
	JMP  wide

narrow:
	CMPQ BX, $0
	JE   done
	VMOVUPD (DI), Y0
	MOVQ SI, AX
	MOVQ CX, R8

nrows:
	VADDPD (AX), Y0, Y0
	ADDQ DX, AX
	DECQ R8
	JNZ  nrows
	VMOVUPD Y0, (DI)
	ADDQ $32, DI
	ADDQ $32, SI
	SUBQ $32, BX
	JMP  narrow

done:
	VZEROUPPER
	RET

// func addRowsF32AVX512(acc, x []float32, stride, rows int)
TEXT ·addRowsF32AVX512(SB), NOSPLIT, $0-64
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), BX
	MOVQ x_base+24(FP), SI
	MOVQ stride+48(FP), DX
	MOVQ rows+56(FP), CX
	SHLQ $2, BX // bytes of acc
	SHLQ $2, DX // bytes from row to row

wide:
	CMPQ BX, $512
	JB   narrow
	VMOVUPS 0(DI), Z0
	VMOVUPS 64(DI), Z1
	VMOVUPS 128(DI), Z2
	VMOVUPS 192(DI), Z3
	VMOVUPS 256(DI), Z4
	VMOVUPS 320(DI), Z5
	VMOVUPS 384(DI), Z6
	VMOVUPS 448(DI), Z7
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	VADDPS 0(AX), Z0, Z0
	VADDPS 64(AX), Z1, Z1
	VADDPS 128(AX), Z2, Z2
	VADDPS 192(AX), Z3, Z3
	VADDPS 256(AX), Z4, Z4
	VADDPS 320(AX), Z5, Z5
	VADDPS 384(AX), Z6, Z6
	VADDPS 448(AX), Z7, Z7
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	VMOVUPS Z0, 0(DI)
	VMOVUPS Z1, 64(DI)
	VMOVUPS Z2, 128(DI)
	VMOVUPS Z3, 192(DI)
	VMOVUPS Z4, 256(DI)
	VMOVUPS Z5, 320(DI)
	VMOVUPS Z6, 384(DI)
	VMOVUPS Z7, 448(DI)
	ADDQ $512, DI
	ADDQ $512, SI
	SUBQ $512, BX
	JMP  wide

narrow:
	CMPQ BX, $0
	JE   done
	VMOVUPS (DI), Z0
	MOVQ SI, AX
	MOVQ CX, R8

nrows:
	VADDPS (AX), Z0, Z0
	ADDQ DX, AX
	DECQ R8
	JNZ  nrows
	VMOVUPS Z0, (DI)
	ADDQ $64, DI
	ADDQ $64, SI
	SUBQ $64, BX
	JMP  narrow

done:
	VZEROUPPER
	RET

// func addRowsF32AVX2(acc, x []float32, stride, rows int)
TEXT ·addRowsF32AVX2(SB), NOSPLIT, $0-64
	MOVQ acc_base+0(FP), DI
	MOVQ acc_len+8(FP), BX
	MOVQ x_base+24(FP), SI
	MOVQ stride+48(FP), DX
	MOVQ rows+56(FP), CX
	SHLQ $2, BX // bytes of acc
	SHLQ $2, DX // bytes from row to row

wide:
	CMPQ BX, $256
	JB   narrow
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVUPS 64(DI), Y2
	VMOVUPS 96(DI), Y3
	VMOVUPS 128(DI), Y4
	VMOVUPS 160(DI), Y5
	VMOVUPS 192(DI), Y6
	VMOVUPS 224(DI), Y7
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	VADDPS 0(AX), Y0, Y0
	VADDPS 32(AX), Y1, Y1
	VADDPS 64(AX), Y2, Y2
	VADDPS 96(AX), Y3, Y3
	VADDPS 128(AX), Y4, Y4
	VADDPS 160(AX), Y5, Y5
	VADDPS 192(AX), Y6, Y6
	VADDPS 224(AX), Y7, Y7
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	VMOVUPS Y4, 128(DI)
	VMOVUPS Y5, 160(DI)
	VMOVUPS Y6, 192(DI)
	VMOVUPS Y7, 224(DI)
	ADDQ $256, DI
	ADDQ $256, SI
	SUBQ $256, BX
	JMP  wide

narrow:
	CMPQ BX, $0
	JE   done
	VMOVUPS (DI), Y0
	MOVQ SI, AX
	MOVQ CX, R8

nrows:
	VADDPS (AX), Y0, Y0
	ADDQ DX, AX
	DECQ R8
	JNZ  nrows
	VMOVUPS Y0, (DI)
	ADDQ $32, DI
	ADDQ $32, SI
	SUBQ $32, BX
	JMP  narrow

done:
	VZEROUPPER
	RET
