package numeric

import "github.com/numkit/numkit/numeric/internal/exec"

// Overlapping destination and inputs. The backends read an input block and write the
// same block of the destination, so a destination that is exactly an input (same
// first element, same element size, same strides) is safe; any other overlap would
// let a write land on input elements not read yet. As NumPy does (since 1.13), such
// an evaluation runs into a temporary that is then copied over the destination, so
// the result is that of a non-overlapping evaluation: evaluateShaped finds the
// overlap (overlaps, broadcast.go) and gathers through a temporary.

// overlapsInput reports whether out, a 1-D host array, partly overlaps one of the 1-D
// host-array inputs: their address ranges intersect and they are not the same array
// element for element. The 1-D path asks it before handing such an evaluation to
// evaluateShaped.
func overlapsInput(out exec.Output, inputs []exec.Binding) bool {
	if out.Scalar || out.Dev != nil || out.N <= 0 {
		return false
	}
	// On the stack: EvalInto's 1-D path allocates nothing.
	unit, shape := [1]int{1}, [1]int{out.N}
	var ops [MaxInputs + 1]operand
	k := 0
	for _, b := range inputs {
		if !b.Scalar && b.Dev == nil && b.N > 0 && k < MaxInputs {
			ops[k] = operand{b.Ptr, b.Type.Size(), unit[:]}
			k++
		}
	}
	if k == 0 {
		return false
	}
	ops[k] = operand{out.Ptr, out.Type.Size(), unit[:]}
	return overlaps(shape[:], ops[:k+1])
}
