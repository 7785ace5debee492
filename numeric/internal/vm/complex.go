package vm

import (
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// Complex programs run on both CPU backends with the portable kernels of
// internal/generic (complex.go there): the SIMD backend has no complex kernels of its
// own, so its kernel lookup falls through to them, as for any operation it does not
// override. Scalar registers hold two words, so a complex128 fits.

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
