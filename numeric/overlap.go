package numeric

import (
	"context"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
)

// Overlapping destination and inputs. The backends read an input block and write the
// same block of the destination, so a destination that is exactly an input (same
// first element, same element size) is safe; any other overlap would let a write
// land on input elements not read yet. As NumPy does (since 1.13), such an
// evaluation runs into a temporary that is then copied over the destination, so the
// result is that of a non-overlapping evaluation.

// byteSpan is the byte range [lo, hi) of a host array.
type byteSpan struct{ lo, hi uintptr }

func hostSpan(p unsafe.Pointer, n, size int) (byteSpan, bool) {
	if p == nil || n <= 0 {
		return byteSpan{}, false
	}
	lo := uintptr(p)
	return byteSpan{lo, lo + uintptr(n)*uintptr(size)}, true
}

// overlapsInput reports whether out, a host array, partly overlaps one of the
// host-array inputs: their byte ranges intersect and they are not the same array
// element for element.
func overlapsInput(out exec.Output, inputs []exec.Binding) bool {
	if out.Scalar || out.Dev != nil {
		return false
	}
	o, ok := hostSpan(out.Ptr, out.N, out.Type.Size())
	if !ok {
		return false
	}
	for _, b := range inputs {
		if b.Scalar || b.Dev != nil {
			continue
		}
		in, ok := hostSpan(b.Ptr, b.N, b.Type.Size())
		if !ok || in.hi <= o.lo || o.hi <= in.lo {
			continue
		}
		if in.lo == o.lo && b.Type.Size() == out.Type.Size() {
			continue // exact aliasing: each element is read before it is written
		}
		return true
	}
	return false
}

// evaluateViaTemporary evaluates into a new array of out's type and length, then
// copies it over out (which overlaps an input) once the evaluation succeeded.
func (e *Expr) evaluateViaTemporary(ctx context.Context, vars Vars, out exec.Output) (uint64, error) {
	_, tmp := allocate(out.Type, false, out.N)
	w, err := e.evaluate(ctx, vars, &tmp, nil)
	if err != nil {
		return w, err
	}
	bytes := out.N * out.Type.Size()
	copy(unsafe.Slice((*byte)(out.Ptr), bytes), unsafe.Slice((*byte)(tmp.Ptr), bytes))
	return w, nil
}
