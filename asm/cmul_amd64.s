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

// func divC128AVX2(dst, x, y []complex128) — len(dst) even
TEXT ·divC128AVX2(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ x_base+24(FP), SI
	MOVQ y_base+48(FP), DX
	SHLQ $4, CX
	XORQ AX, AX
	MOVQ $0x7fffffffffffffff, R11
	VMOVQ R11, X15
	VPBROADCASTQ X15, Y15        // |.| mask
	MOVQ $0x3ff0000000000000, R11
	VMOVQ R11, X14
	VPBROADCASTQ X14, Y14        // 1.0

loop:
	CMPQ AX, CX
	JAE  done
	VMOVUPD   (SI)(AX*1), Y0     // a0 b0 a1 b1
	VMOVUPD   (DX)(AX*1), Y1     // c0 d0 c1 d1
	VANDPD    Y15, Y1, Y2        // |c| |d|
	VPERMILPD $0x05, Y2, Y3      // |d| |c|
	VCMPPD    $0x0d, Y3, Y2, Y4  // |c| >= |d| in the even lanes
	VMOVDDUP  Y4, Y4             // M: the first branch, both lanes
	VMOVDDUP  Y1, Y5             // c c
	VPERMILPD $0x0f, Y1, Y6      // d d
	VBLENDVPD Y4, Y5, Y6, Y7     // P = M ? c : d
	VBLENDVPD Y4, Y6, Y5, Y8     // Q = M ? d : c
	VDIVPD    Y7, Y8, Y9         // r = Q / P
	VMULPD    Y9, Y8, Y10        // Q*r
	VADDPD    Y10, Y7, Y10       // P + Q*r
	VDIVPD    Y10, Y14, Y10      // s = 1 / (P + Q*r)
	VMOVDDUP  Y0, Y5             // a a
	VPERMILPD $0x0f, Y0, Y6      // b b
	VMULPD    Y9, Y5, Y7         // a*r
	VMULPD    Y9, Y6, Y8         // b*r
	VADDPD    Y8, Y5, Y11        // a + b*r
	VADDPD    Y6, Y7, Y12        // a*r + b
	VBLENDVPD Y4, Y11, Y12, Y11  // re
	VSUBPD    Y7, Y6, Y12        // b - a*r
	VSUBPD    Y5, Y8, Y13        // b*r - a
	VBLENDVPD Y4, Y12, Y13, Y12  // im
	VBLENDPD  $0x0a, Y12, Y11, Y11
	VMULPD    Y10, Y11, Y11      // (re, im) * s
	VXORPD    Y13, Y13, Y13
	VCMPPD    $0x00, Y13, Y2, Y3 // |c| == 0, |d| == 0
	VPERMILPD $0x05, Y3, Y5
	VANDPD    Y5, Y3, Y3         // both zero, both lanes
	VMOVDDUP  Y2, Y6             // |c| |c|
	VDIVPD    Y6, Y0, Y7         // a/|c|, b/|c|
	VBLENDVPD Y3, Y7, Y11, Y11
	VMOVUPD   Y11, (DI)(AX*1)
	ADDQ      $32, AX
	JMP       loop

done:
	VZEROUPPER
	RET

// func absC128AVX2(dst []float64, x []complex128) — len(dst) even
TEXT ·absC128AVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ x_base+24(FP), SI
	SHLQ $4, CX                  // input bytes
	XORQ AX, AX                  // input offset
	XORQ BX, BX                  // output offset
	MOVQ $0x7fffffffffffffff, R11
	VMOVQ R11, X15
	VPBROADCASTQ X15, Y15        // |.| mask
	MOVQ $0x3ff0000000000000, R11
	VMOVQ R11, X14
	VPBROADCASTQ X14, Y14        // 1.0
	MOVQ $0x7ff8000000000001, R11
	VMOVQ R11, X13
	VPBROADCASTQ X13, Y13        // NaN (math.Hypot's)
	MOVQ $0x7ff0000000000000, R11
	VMOVQ R11, X12
	VPBROADCASTQ X12, Y12        // +Inf
	VXORPD Y11, Y11, Y11         // 0

loop:
	CMPQ AX, CX
	JAE  done
	VMOVUPD   (SI)(AX*1), Y0     // re0 im0 re1 im1
	VANDPD    Y15, Y0, Y0        // |re| |im|
	VPERMILPD $0x05, Y0, Y1      // |im| |re|
	VMAXPD    Y1, Y0, Y2         // max
	VMINPD    Y1, Y0, Y3         // min
	VDIVPD    Y2, Y3, Y3         // min/max
	VMULPD    Y3, Y3, Y3
	VADDPD    Y14, Y3, Y3
	VSQRTPD   Y3, Y3
	VMULPD    Y3, Y2, Y2         // max*sqrt(1 + (min/max)²)
	VCMPPD    $0x00, Y11, Y0, Y5 // part == 0
	VCMPPD    $0x00, Y11, Y1, Y6
	VANDPD    Y6, Y5, Y5
	VANDNPD   Y2, Y5, Y2         // 0 where both are
	VCMPPD    $0x03, Y1, Y0, Y5  // a NaN part
	VBLENDVPD Y5, Y13, Y2, Y2
	VCMPPD    $0x00, Y12, Y0, Y5 // an infinite part
	VCMPPD    $0x00, Y12, Y1, Y6
	VORPD     Y6, Y5, Y5
	VBLENDVPD Y5, Y12, Y2, Y2
	VPERMPD   $0x08, Y2, Y2      // the even lanes
	VMOVUPD   X2, (DI)(BX*1)
	ADDQ      $32, AX
	ADDQ      $16, BX
	JMP       loop

done:
	VZEROUPPER
	RET

// func mulC64AVX(dst, x, y []complex64) — len(dst) a multiple of 4
TEXT ·mulC64AVX(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ x_base+24(FP), SI
	MOVQ y_base+48(FP), DX
	SHLQ $3, CX
	XORQ AX, AX

loop4:
	CMPQ AX, CX
	JAE  done4
	VMOVUPS   (SI)(AX*1), Y0   // x: ar ai (four numbers)
	VMOVUPS   (DX)(AX*1), Y1   // y: br bi
	VMOVSLDUP Y0, Y2           // ar ar
	VMOVSHDUP Y0, Y3           // ai ai
	VPERMILPS $0xb1, Y1, Y4    // bi br
	VMULPS    Y1, Y2, Y2       // ar*br ar*bi
	VMULPS    Y4, Y3, Y3       // ai*bi ai*br
	VADDSUBPS Y3, Y2, Y2       // ar*br-ai*bi ar*bi+ai*br
	VMOVUPS   Y2, (DI)(AX*1)
	ADDQ      $32, AX
	JMP       loop4

done4:
	VZEROUPPER
	RET
