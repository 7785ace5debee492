package vm

import (
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// Complex programs run on both CPU backends with the portable kernels of
// internal/generic (complex.go there); the SIMD backend overrides the complex128
// product, quotient and magnitude with asm.MulC128, asm.DivC128 and asm.AbsC128, and
// the complex64 product with asm.MulC64 (the same bits), exp and log of both types
// with asm.ExpC128/LogC128/ExpC64/LogC64 (within the portable kernels' bounds, not
// their bits: TestComplexExpLogSIMD), and falls through to the portable kernels
// for the rest, as for any operation it does not override. Scalar registers hold two
// words, so a complex128 fits.

func init() {
	c := ir.Complex128
	simdKernels[kernelKey{ir.OpMul, c, c}] = generic.Binary(asm.MulC128)
	simdKernels[kernelKey{ir.OpDiv, c, c}] = generic.Binary(asm.DivC128)
	simdKernels[kernelKey{ir.OpAbs, ir.Float64, c}] = generic.Unary(asm.AbsC128)
	simdKernels[kernelKey{ir.OpMul, ir.Complex64, ir.Complex64}] = generic.Binary(asm.MulC64)
	simdKernels[kernelKey{ir.OpMulAddC, c, c}] = mulAddC128
	// exp and log from the vector exp, sin, cos, log, log1p and atan2 kernels, the
	// special lanes by scalar code (asm/cexp.go); complex64 widened and rounded once.
	simdKernels[kernelKey{ir.OpExp, c, c}] = generic.Unary(asm.ExpC128)
	simdKernels[kernelKey{ir.OpLog, c, c}] = generic.Unary(asm.LogC128)
	simdKernels[kernelKey{ir.OpExp, ir.Complex64, ir.Complex64}] = generic.Unary(asm.ExpC64)
	simdKernels[kernelKey{ir.OpLog, ir.Complex64, ir.Complex64}] = generic.Unary(asm.LogC64)
	// Sums and differences are those of the parts: asm's float64 kernels over 2n parts.
	simdKernels[kernelKey{ir.OpAdd, c, c}] = generic.Binary(func(dst, x, y []complex128) { asm.AddF64(parts(dst), parts(x), parts(y)) })
	simdKernels[kernelKey{ir.OpSub, c, c}] = generic.Binary(func(dst, x, y []complex128) { asm.SubF64(parts(dst), parts(x), parts(y)) })
	simdScalarKernels[scalarKey{ir.OpAdd, c, c, 1}] = generic.ScalarRight(addScalarC128)
	simdScalarKernels[scalarKey{ir.OpAdd, c, c, 0}] = generic.ScalarLeft(addScalarC128) // s + x == x + s
}

// mulAddC128 is the OpMulAddC kernel: asm.MulAddC128, one pass over the block. The VM
// may give the result z's register (z's last use); the kernel reads each element's
// operands before it stores (a product written to dst before the sum overwrote z:
// the differential fuzzer's complex configuration found 1 + p*q coming out as 2*p*q).
func mulAddC128(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
	asm.MulAddC128(unsafe.Slice((*complex128)(d), n), unsafe.Slice((*complex128)(a[0]), n),
		unsafe.Slice((*complex128)(a[1]), n), unsafe.Slice((*complex128)(a[2]), n))
}

// parts views complex128s as their 2n float64 parts.
func parts(c []complex128) []float64 {
	if len(c) == 0 {
		return nil
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(&c[0])), 2*len(c))
}

// addScalarC128 sets dst[i] = x[i] + s with asm.AddF64 over runs of a buffer of s.
func addScalarC128(dst, x []complex128, s complex128) {
	var buf [256]complex128
	for i := range buf {
		buf[i] = s
	}
	x = x[:len(dst)]
	for lo := 0; lo < len(dst); lo += len(buf) {
		hi := min(lo+len(buf), len(dst))
		asm.AddF64(parts(dst[lo:hi]), parts(x[lo:hi]), parts(buf[:hi-lo]))
	}
}

// storeScalar writes a scalar register's value to p, an element of type t.
func storeScalar(p unsafe.Pointer, t ir.DType, w [2]uint64) {
	switch t.Size() {
	case 1:
		*(*byte)(p) = *(*byte)(unsafe.Pointer(&w))
	case 4:
		*(*uint32)(p) = *(*uint32)(unsafe.Pointer(&w))
	case 16:
		*(*[2]uint64)(p) = w
	default:
		*(*uint64)(p) = w[0]
	}
}
