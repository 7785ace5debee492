// Package exec is the contract between numeric, numkit's front door, and its backends:
// the bound arguments of one evaluation (Binding), where it writes (Output), the
// Program every backend compiles an IR program into, the backend names, the sentinel
// errors and the block size. It holds no backend code: numeric binds and dispatches,
// the backends (internal/vm, internal/opencl) implement Program.
package exec

import (
	"context"
	"errors"
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// Backend names, as numeric.WithBackend and NUMKIT_BACKEND take them.
const (
	BackendAuto   = "auto"
	BackendGonum  = "gonum"
	BackendSIMD   = "simd"
	BackendOpenCL = "opencl"
)

// Sentinel errors, wrapped with context by the functions that return them; numeric
// exports them under the same names.
var (
	// ErrShape: arrays of different lengths, or a destination of the wrong length.
	ErrShape = errors.New("shape mismatch")
	// ErrType: a variable or destination of an unsupported or wrong type.
	ErrType = errors.New("wrong type")
	// ErrBackend: a backend that is not usable here was forced.
	ErrBackend = errors.New("backend not usable")
	// ErrEmpty: min or max of no elements.
	ErrEmpty = errors.New("reduction of an empty array")
)

// BlockSize is the number of elements the CPU VM processes per instruction, and the
// granule in which an evaluation is split between backends. It is a constant, not a
// function of the thread count, so that reductions (which combine per-block partials
// in block order) give the same bits for any number of threads. 4096 float64
// temporaries take 32 KiB each: a typical expression's live registers fit in L2 with
// room to spare.
const BlockSize = 4096

// MinParallel is the smallest number of elements worth handing to other goroutines:
// below it, waking a worker costs more than it saves.
const MinParallel = 32 * 1024

// DeviceData is an array held in a device's memory (internal/opencl's Array). Only the
// backend that made it reads its contents; the CPU backends reject it.
type DeviceData interface {
	DType() ir.DType
	Len() int
}

// Binding is one input variable's value as the backends see it: an array in host
// memory, a scalar, or an array on a device.
type Binding struct {
	Type   ir.DType
	Scalar bool
	Ptr    unsafe.Pointer // first element of a host array (nil when empty)
	N      int            // array length
	Word   uint64         // a scalar's value, laid out as ir.Value.Word
	Hi     uint64         // a complex128 scalar's second word (ir.Value.Words()[1])
	Dev    DeviceData     // an array on the device (Ptr is nil)

	// Shape and Strides (in elements, any sign) describe an N-d host array as the
	// caller bound it, Ptr pointing at its first element (index 0, …, 0); N is then the
	// product of Shape. Both are nil for a contiguous 1-D array of N elements and for
	// scalars. The front door broadcasts shaped inputs and hands the backends
	// contiguous 1-D runs only, so backends never read these fields.
	Shape   []int
	Strides []int
}

// Output is where an evaluation writes: an array of N elements, or one scalar (whose
// value Program.Run returns; the CPU VM also stores a scalar result at Ptr when it is
// not nil, which a complex128 result, wider than the returned word, needs).
type Output struct {
	Type   ir.DType
	Scalar bool
	Ptr    unsafe.Pointer
	N      int
	Dev    DeviceData // a destination on the device (Ptr is nil)

	// Shape and Strides describe an N-d destination as Binding's do (nil: contiguous
	// 1-D of N elements); backends never read them.
	Shape   []int
	Strides []int
}

// Program is an IR program compiled for one backend. Both the CPU VM and the OpenCL
// device programs implement it; it is safe for concurrent use.
type Program interface {
	// Run evaluates elements [lo, lo+n) of the inputs (the bindings of the IR
	// program's Inputs, in order) into the same elements of out, with up to threads
	// CPU threads, and returns the result register's word for a scalar result. A
	// backend may keep inputs: callers pass a slice they do not reuse concurrently.
	Run(ctx context.Context, inputs []Binding, lo, n int, out Output, threads int) (uint64, error)
	// Backend names the backend that runs the program.
	Backend() string
}

// StoreWord writes a scalar register's value to p, an element of type t.
func StoreWord(p unsafe.Pointer, t ir.DType, w uint64) {
	switch t.Size() {
	case 1:
		*(*byte)(p) = *(*byte)(unsafe.Pointer(&w))
	case 4:
		*(*uint32)(p) = *(*uint32)(unsafe.Pointer(&w))
	default:
		*(*uint64)(p) = w
	}
}

// DeviceFault reports whether err, from an evaluation on a device, is the device's
// failure (the CPU may succeed) rather than the caller's (a cancelled context, an
// empty min or max, a shape or type error), which the CPU would return as well.
func DeviceFault(err error) bool {
	return err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) &&
		!errors.Is(err, ErrEmpty) && !errors.Is(err, ErrShape) && !errors.Is(err, ErrType)
}

// Pairwise folds partials in a fixed binary tree (halves, recursively), so a combined
// result depends only on the number of partials, not on who computed them or when.
// ps must not be empty.
func Pairwise[T any](ps []T, combine func(a, b T) T) T {
	if len(ps) == 1 {
		return ps[0]
	}
	h := len(ps) / 2
	return combine(Pairwise(ps[:h], combine), Pairwise(ps[h:], combine))
}

// OperandType is the type of instruction in's operands (of its second operand for
// where, whose first is the bool condition), by which backends look kernels up.
func OperandType(p *ir.Program, in ir.Instr) ir.DType {
	switch {
	case in.Op.Arity() == 0:
		return in.Type
	case in.Op == ir.OpWhere:
		return p.Regs[in.Args[1]].Type
	}
	return p.Regs[in.Args[0]].Type
}
