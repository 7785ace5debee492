//go:build !noasm && gc

#include "textflag.h"

// The AddRows and MulRows kernels (colsum.go): acc[j] op= x[r*stride+j] for r = 0, 1,
// ..., rows-1. A strip of eight registers of acc (then one register at a time) is
// loaded once, every row combined into it in order, and stored once. acc's length
// is a multiple of one register's elements and rows > 0 (the Go wrapper sees to
// both). Arguments: DI acc, BX bytes of acc, SI x, DX bytes from row to row, CX rows.

#define ARGS(LOG) \
	MOVQ acc_base+0(FP), DI; \
	MOVQ acc_len+8(FP), BX; \
	MOVQ x_base+24(FP), SI; \
	MOVQ stride+48(FP), DX; \
	MOVQ rows+56(FP), CX; \
	SHLQ $LOG, BX; \
	SHLQ $LOG, DX

// EIGHT applies I (a move or an operation with a memory operand first) to the eight
// registers R0..R7 and the eight consecutive vectors of VB bytes at P, or (STORE) the
// reverse.
#define EIGHT(I, VB, P, R0, R1, R2, R3, R4, R5, R6, R7) \
	I 0*VB(P), R0, R0; I 1*VB(P), R1, R1; I 2*VB(P), R2, R2; I 3*VB(P), R3, R3; \
	I 4*VB(P), R4, R4; I 5*VB(P), R5, R5; I 6*VB(P), R6, R6; I 7*VB(P), R7, R7
#define LOAD8(MOV, VB, P, R0, R1, R2, R3, R4, R5, R6, R7) \
	MOV 0*VB(P), R0; MOV 1*VB(P), R1; MOV 2*VB(P), R2; MOV 3*VB(P), R3; \
	MOV 4*VB(P), R4; MOV 5*VB(P), R5; MOV 6*VB(P), R6; MOV 7*VB(P), R7
#define STORE8(MOV, VB, P, R0, R1, R2, R3, R4, R5, R6, R7) \
	MOV R0, 0*VB(P); MOV R1, 1*VB(P); MOV R2, 2*VB(P); MOV R3, 3*VB(P); \
	MOV R4, 4*VB(P); MOV R5, 5*VB(P); MOV R6, 6*VB(P); MOV R7, 7*VB(P)

// func addRowsF64AVX512(acc, x []float64, stride, rows int)
TEXT ·addRowsF64AVX512(SB), NOSPLIT, $0-64
	ARGS(3)

wide:
	CMPQ BX, $512
	JB   narrow
	LOAD8(VMOVUPD, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VADDPD, 64, AX, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPD, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
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
	ARGS(3)

wide:
	CMPQ BX, $256
	JB   narrow
	LOAD8(VMOVUPD, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VADDPD, 32, AX, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPD, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
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
	ARGS(2)

wide:
	CMPQ BX, $512
	JB   narrow
	LOAD8(VMOVUPS, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VADDPS, 64, AX, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPS, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
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
	ARGS(2)

wide:
	CMPQ BX, $256
	JB   narrow
	LOAD8(VMOVUPS, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VADDPS, 32, AX, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPS, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
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

// func mulRowsF64AVX512(acc, x []float64, stride, rows int)
TEXT ·mulRowsF64AVX512(SB), NOSPLIT, $0-64
	ARGS(3)

wide:
	CMPQ BX, $512
	JB   narrow
	LOAD8(VMOVUPD, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VMULPD, 64, AX, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPD, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
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
	VMULPD (AX), Z0, Z0
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

// func mulRowsF64AVX2(acc, x []float64, stride, rows int)
TEXT ·mulRowsF64AVX2(SB), NOSPLIT, $0-64
	ARGS(3)

wide:
	CMPQ BX, $256
	JB   narrow
	LOAD8(VMOVUPD, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VMULPD, 32, AX, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPD, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
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
	VMULPD (AX), Y0, Y0
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

// func mulRowsF32AVX512(acc, x []float32, stride, rows int)
TEXT ·mulRowsF32AVX512(SB), NOSPLIT, $0-64
	ARGS(2)

wide:
	CMPQ BX, $512
	JB   narrow
	LOAD8(VMOVUPS, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VMULPS, 64, AX, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPS, 64, DI, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
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
	VMULPS (AX), Z0, Z0
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

// func mulRowsF32AVX2(acc, x []float32, stride, rows int)
TEXT ·mulRowsF32AVX2(SB), NOSPLIT, $0-64
	ARGS(2)

wide:
	CMPQ BX, $256
	JB   narrow
	LOAD8(VMOVUPS, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	MOVQ SI, AX
	MOVQ CX, R8

wrows:
	EIGHT(VMULPS, 32, AX, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
	ADDQ DX, AX
	DECQ R8
	JNZ  wrows
	STORE8(VMOVUPS, 32, DI, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7)
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
	VMULPS (AX), Y0, Y0
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
