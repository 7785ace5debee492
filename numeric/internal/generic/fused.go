package generic

import (
	"math"
	"unsafe"

	"gonum.org/v1/gonum/floats"

	"github.com/numkit/numkit/numeric/ir"
)

// Fused loops: one pass over a block computing a small tree of element-wise operations
// that the VM would otherwise run as several kernels, each writing a temporary. Every
// operation is rounded as the unfused kernels round it, so a fused loop gives the same
// bits: each product is converted to T before it is added (T(x*y) + z), which keeps the
// compiler from contracting it into a fused multiply-add (it does on arm64, and on
// amd64 with GOAMD64=v3). The package numeric decides which trees to fuse
// (vm_fuse.go). Loops are unrolled by four and bounds-check free: each operand is
// re-sliced to len(dst) first.

// Operands are a fused loop's operands: V the vectors x, y, z, w and S the scalars s, t,
// u, as the loop's doc comment names them. Every vector has len(dst) elements; one block
// may appear as several operands (x*x). The scalars are held as float64, which holds a
// float32 exactly.
type Operands[T Float] struct {
	V [4][]T
	S [3]float64
}

// FusedLoop is a fused loop over dst.
type FusedLoop[T Float] func(dst []T, o Operands[T])

// Fused is one fused loop for each float type.
type Fused struct {
	F32 FusedLoop[float32]
	F64 FusedLoop[float64]
}

// The fused loops, named by what they compute.
var (
	AddScaled     = Fused{addScaled[float32], addScaledFloat64}           // y + x*s
	ScaledSub     = Fused{scaledSub[float32], scaledSub[float64]}         // x*s - y
	AddScaled2    = Fused{addScaled2[float32], addScaled2[float64]}       // x*s + y*t
	AddScaledProd = Fused{addScaledProd[float32], addScaledProd[float64]} // x*s + (y*z)*t
	AddProd       = Fused{addProd[float32], addProd[float64]}             // z + x*y
	SubProd       = Fused{subProd[float32], subProd[float64]}             // z - x*y
	ProdSub       = Fused{prodSub[float32], prodSub[float64]}             // x*y - z
	AddProd2      = Fused{addProd2[float32], addProd2[float64]}           // x*y + z*w
	SubProd2      = Fused{subProd2[float32], subProd2[float64]}           // x*y - z*w
	SqrtAddProd2  = Fused{sqrtAddProd2[float32], sqrtAddProd2[float64]}   // sqrt(x*y + z*w)
	AddScaled3    = Fused{addScaled3[float32], addScaled3[float64]}       // (x*s + y*t) + z*u
	// (x*s + (y*z)*t) + w*u: a polynomial such as 2*a + 3*b**2 - c/4 in one pass.
	AddScaledProdScaled = Fused{addScaledProdScaled[float32], addScaledProdScaled[float64]}
)

// WhereCompare returns the fused loop for where(x op s, y, z), op a comparison, or
// false. With widen, x is float32 and compared as float64 with a float64 s
// (where(float64(x) > s, y, z)): what the front end emits for a float32 array compared
// with a float64 constant; the loop's F64 is then nil.
func WhereCompare(op ir.Op, widen bool) (Fused, bool) {
	if !op.IsCompare() {
		return Fused{}, false
	}
	if widen {
		return Fused{F32: whereScalar[float32, float64, uint32](op)}, true
	}
	return Fused{whereScalar[float32, float32, uint32](op), whereScalar[float64, float64, uint64](op)}, true
}

// Leaf says where a fused kernel finds a scalar operand: Arg indexes the kernel's
// argument pointers, which points at a float64, or at a float32 if Float32; or Arg is -1
// for the constant Const. Neg negates it before the loop (y - x*s is y + x*(-s),
// exactly).
type Leaf struct {
	Arg     int
	Const   float64
	Neg     bool
	Float32 bool
}

// FusedKernel makes a kernel from loop: vecs[k] is the argument that is vector operand
// k, scals[k] says where scalar operand k is.
func FusedKernel[T Float](loop FusedLoop[T], vecs []int, scals []Leaf) Kernel {
	var vecArg [4]int
	copy(vecArg[:], vecs)
	nv := len(vecs)
	var scalArg [3]Leaf
	copy(scalArg[:], scals)
	ns := len(scals)
	return func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		var o Operands[T]
		for k := range nv {
			o.V[k] = vec[T](a[vecArg[k]], n)
		}
		for k := range ns {
			l := &scalArg[k]
			s := l.Const
			switch {
			case l.Arg < 0:
			case l.Float32:
				s = float64(*(*float32)(a[l.Arg]))
			default:
				s = *(*float64)(a[l.Arg])
			}
			if l.Neg {
				s = -s
			}
			o.S[k] = s
		}
		loop(vec[T](d, n), o)
	}
}

// addScaledFloat64 is addScaled; gonum's floats.AddScaledTo computes the same
// y + s*x, in assembly where gonum has it (addScaledAsm).
func addScaledFloat64(dst []float64, o Operands[float64]) {
	if addScaledAsm {
		floats.AddScaledTo(dst, o.V[1], o.S[0], o.V[0])
		return
	}
	addScaled(dst, o)
}

// whereScalar makes the loop for where(C(x) op s, y, z), the comparison in type C: it
// selects the bits of y or z without a branch (a conditional move), since the
// condition is often unpredictable. U is the unsigned integer of T's size.
func whereScalar[T, C Float, U uint32 | uint64](op ir.Op) FusedLoop[T] {
	return func(dst []T, o Operands[T]) {
		d, y, z := bitsOf[U](dst), bitsOf[U](o.V[1]), bitsOf[U](o.V[2])
		x, s := o.V[0][:len(d)], C(o.S[0])
		y, z = y[:len(d)], z[:len(d)]
		switch op {
		case ir.OpLt:
			for i := range d {
				a, b := y[i], z[i]
				if C(x[i]) < s {
					b = a
				}
				d[i] = b
			}
		case ir.OpLe:
			for i := range d {
				a, b := y[i], z[i]
				if C(x[i]) <= s {
					b = a
				}
				d[i] = b
			}
		case ir.OpEq:
			for i := range d {
				a, b := y[i], z[i]
				if C(x[i]) == s {
					b = a
				}
				d[i] = b
			}
		case ir.OpNe:
			for i := range d {
				a, b := y[i], z[i]
				if C(x[i]) != s {
					b = a
				}
				d[i] = b
			}
		case ir.OpGe:
			for i := range d {
				a, b := y[i], z[i]
				if C(x[i]) >= s {
					b = a
				}
				d[i] = b
			}
		case ir.OpGt:
			for i := range d {
				a, b := y[i], z[i]
				if C(x[i]) > s {
					b = a
				}
				d[i] = b
			}
		}
	}
}

// bitsOf views a slice as the unsigned integers of the same size.
func bitsOf[U, T any](x []T) []U {
	return unsafe.Slice((*U)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}

// addScaled sets dst[i] = y[i] + x[i]*s.
func addScaled[T Float](dst []T, o Operands[T]) {
	x, y, s := o.V[0][:len(dst)], o.V[1][:len(dst)], T(o.S[0])
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = y[i] + T(x[i]*s)
		dst[i+1] = y[i+1] + T(x[i+1]*s)
		dst[i+2] = y[i+2] + T(x[i+2]*s)
		dst[i+3] = y[i+3] + T(x[i+3]*s)
	}
	for ; i < len(dst); i++ {
		dst[i] = y[i] + T(x[i]*s)
	}
}

// scaledSub sets dst[i] = x[i]*s - y[i].
func scaledSub[T Float](dst []T, o Operands[T]) {
	x, y, s := o.V[0][:len(dst)], o.V[1][:len(dst)], T(o.S[0])
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(x[i]*s) - y[i]
		dst[i+1] = T(x[i+1]*s) - y[i+1]
		dst[i+2] = T(x[i+2]*s) - y[i+2]
		dst[i+3] = T(x[i+3]*s) - y[i+3]
	}
	for ; i < len(dst); i++ {
		dst[i] = T(x[i]*s) - y[i]
	}
}

// addScaled2 sets dst[i] = x[i]*s + y[i]*t.
func addScaled2[T Float](dst []T, o Operands[T]) {
	x, y, s, t := o.V[0][:len(dst)], o.V[1][:len(dst)], T(o.S[0]), T(o.S[1])
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(x[i]*s) + T(y[i]*t)
		dst[i+1] = T(x[i+1]*s) + T(y[i+1]*t)
		dst[i+2] = T(x[i+2]*s) + T(y[i+2]*t)
		dst[i+3] = T(x[i+3]*s) + T(y[i+3]*t)
	}
	for ; i < len(dst); i++ {
		dst[i] = T(x[i]*s) + T(y[i]*t)
	}
}

// addScaledProd sets dst[i] = x[i]*s + (y[i]*z[i])*t.
func addScaledProd[T Float](dst []T, o Operands[T]) {
	x, y, z := o.V[0][:len(dst)], o.V[1][:len(dst)], o.V[2][:len(dst)]
	s, t := T(o.S[0]), T(o.S[1])
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(x[i]*s) + T(T(y[i]*z[i])*t)
		dst[i+1] = T(x[i+1]*s) + T(T(y[i+1]*z[i+1])*t)
		dst[i+2] = T(x[i+2]*s) + T(T(y[i+2]*z[i+2])*t)
		dst[i+3] = T(x[i+3]*s) + T(T(y[i+3]*z[i+3])*t)
	}
	for ; i < len(dst); i++ {
		dst[i] = T(x[i]*s) + T(T(y[i]*z[i])*t)
	}
}

// addProd sets dst[i] = z[i] + x[i]*y[i].
func addProd[T Float](dst []T, o Operands[T]) {
	x, y, z := o.V[0][:len(dst)], o.V[1][:len(dst)], o.V[2][:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = z[i] + T(x[i]*y[i])
		dst[i+1] = z[i+1] + T(x[i+1]*y[i+1])
		dst[i+2] = z[i+2] + T(x[i+2]*y[i+2])
		dst[i+3] = z[i+3] + T(x[i+3]*y[i+3])
	}
	for ; i < len(dst); i++ {
		dst[i] = z[i] + T(x[i]*y[i])
	}
}

// subProd sets dst[i] = z[i] - x[i]*y[i].
func subProd[T Float](dst []T, o Operands[T]) {
	x, y, z := o.V[0][:len(dst)], o.V[1][:len(dst)], o.V[2][:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = z[i] - T(x[i]*y[i])
		dst[i+1] = z[i+1] - T(x[i+1]*y[i+1])
		dst[i+2] = z[i+2] - T(x[i+2]*y[i+2])
		dst[i+3] = z[i+3] - T(x[i+3]*y[i+3])
	}
	for ; i < len(dst); i++ {
		dst[i] = z[i] - T(x[i]*y[i])
	}
}

// prodSub sets dst[i] = x[i]*y[i] - z[i].
func prodSub[T Float](dst []T, o Operands[T]) {
	x, y, z := o.V[0][:len(dst)], o.V[1][:len(dst)], o.V[2][:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(x[i]*y[i]) - z[i]
		dst[i+1] = T(x[i+1]*y[i+1]) - z[i+1]
		dst[i+2] = T(x[i+2]*y[i+2]) - z[i+2]
		dst[i+3] = T(x[i+3]*y[i+3]) - z[i+3]
	}
	for ; i < len(dst); i++ {
		dst[i] = T(x[i]*y[i]) - z[i]
	}
}

// addProd2 sets dst[i] = x[i]*y[i] + z[i]*w[i].
func addProd2[T Float](dst []T, o Operands[T]) {
	x, y := o.V[0][:len(dst)], o.V[1][:len(dst)]
	z, w := o.V[2][:len(dst)], o.V[3][:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(x[i]*y[i]) + T(z[i]*w[i])
		dst[i+1] = T(x[i+1]*y[i+1]) + T(z[i+1]*w[i+1])
		dst[i+2] = T(x[i+2]*y[i+2]) + T(z[i+2]*w[i+2])
		dst[i+3] = T(x[i+3]*y[i+3]) + T(z[i+3]*w[i+3])
	}
	for ; i < len(dst); i++ {
		dst[i] = T(x[i]*y[i]) + T(z[i]*w[i])
	}
}

// subProd2 sets dst[i] = x[i]*y[i] - z[i]*w[i].
func subProd2[T Float](dst []T, o Operands[T]) {
	x, y := o.V[0][:len(dst)], o.V[1][:len(dst)]
	z, w := o.V[2][:len(dst)], o.V[3][:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(x[i]*y[i]) - T(z[i]*w[i])
		dst[i+1] = T(x[i+1]*y[i+1]) - T(z[i+1]*w[i+1])
		dst[i+2] = T(x[i+2]*y[i+2]) - T(z[i+2]*w[i+2])
		dst[i+3] = T(x[i+3]*y[i+3]) - T(z[i+3]*w[i+3])
	}
	for ; i < len(dst); i++ {
		dst[i] = T(x[i]*y[i]) - T(z[i]*w[i])
	}
}

// sqrtAddProd2 sets dst[i] = sqrt(x[i]*y[i] + z[i]*w[i]) (sqrt(a*a + b*b)).
func sqrtAddProd2[T Float](dst []T, o Operands[T]) {
	x, y := o.V[0][:len(dst)], o.V[1][:len(dst)]
	z, w := o.V[2][:len(dst)], o.V[3][:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(math.Sqrt(float64(T(x[i]*y[i]) + T(z[i]*w[i]))))
		dst[i+1] = T(math.Sqrt(float64(T(x[i+1]*y[i+1]) + T(z[i+1]*w[i+1]))))
		dst[i+2] = T(math.Sqrt(float64(T(x[i+2]*y[i+2]) + T(z[i+2]*w[i+2]))))
		dst[i+3] = T(math.Sqrt(float64(T(x[i+3]*y[i+3]) + T(z[i+3]*w[i+3]))))
	}
	for ; i < len(dst); i++ {
		dst[i] = T(math.Sqrt(float64(T(x[i]*y[i]) + T(z[i]*w[i]))))
	}
}

// addScaled3 sets dst[i] = (x[i]*s + y[i]*t) + z[i]*u.
func addScaled3[T Float](dst []T, o Operands[T]) {
	x, y, z := o.V[0][:len(dst)], o.V[1][:len(dst)], o.V[2][:len(dst)]
	s, t, u := T(o.S[0]), T(o.S[1]), T(o.S[2])
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(T(x[i]*s)+T(y[i]*t)) + T(z[i]*u)
		dst[i+1] = T(T(x[i+1]*s)+T(y[i+1]*t)) + T(z[i+1]*u)
		dst[i+2] = T(T(x[i+2]*s)+T(y[i+2]*t)) + T(z[i+2]*u)
		dst[i+3] = T(T(x[i+3]*s)+T(y[i+3]*t)) + T(z[i+3]*u)
	}
	for ; i < len(dst); i++ {
		dst[i] = T(T(x[i]*s)+T(y[i]*t)) + T(z[i]*u)
	}
}

// addScaledProdScaled sets dst[i] = (x[i]*s + (y[i]*z[i])*t) + w[i]*u.
func addScaledProdScaled[T Float](dst []T, o Operands[T]) {
	x, y := o.V[0][:len(dst)], o.V[1][:len(dst)]
	z, w := o.V[2][:len(dst)], o.V[3][:len(dst)]
	s, t, u := T(o.S[0]), T(o.S[1]), T(o.S[2])
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = T(T(x[i]*s)+T(T(y[i]*z[i])*t)) + T(w[i]*u)
		dst[i+1] = T(T(x[i+1]*s)+T(T(y[i+1]*z[i+1])*t)) + T(w[i+1]*u)
		dst[i+2] = T(T(x[i+2]*s)+T(T(y[i+2]*z[i+2])*t)) + T(w[i+2]*u)
		dst[i+3] = T(T(x[i+3]*s)+T(T(y[i+3]*z[i+3])*t)) + T(w[i+3]*u)
	}
	for ; i < len(dst); i++ {
		dst[i] = T(T(x[i]*s)+T(T(y[i]*z[i])*t)) + T(w[i]*u)
	}
}
