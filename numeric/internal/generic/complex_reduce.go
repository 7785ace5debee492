package generic

import (
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// Complex sum, prod and mean. Within a block, 16 accumulators for complex128 (32 for
// complex64: one 256-byte row either way) take the elements in turn, element i going
// to accumulator i mod lanes; then the accumulators are folded in halves, as the float
// reductions' are (canonical.go). Blocks combine pairwise in float64 parts (the VM's
// fixed tree); a complex64 result is rounded once at the end, and mean divides both
// parts by the count.

func complexReducer(op ir.ReduceOp, t ir.DType) Reducer {
	r := Reducer{Result: t}
	prod := op == ir.ReduceProd
	if prod {
		r.Identity = Partial{F: 1}
		r.Combine = func(a, b Partial) Partial {
			p := CMul(Cx[float64]{a.F, a.FI}, Cx[float64]{b.F, b.FI})
			return Partial{F: p[0], FI: p[1]}
		}
	} else {
		r.Combine = func(a, b Partial) Partial { return Partial{F: a.F + b.F, FI: a.FI + b.FI} }
	}
	r.Block = func(n int, p unsafe.Pointer) Partial {
		if t == ir.Complex64 {
			v := CanonicalComplex(vec[Cx[float32]](p, n), prod)
			return Partial{F: float64(v[0]), FI: float64(v[1])}
		}
		v := CanonicalComplex(vec[Cx[float64]](p, n), prod)
		return Partial{F: v[0], FI: v[1]}
	}
	r.Final = func(p Partial, count int) ir.Value {
		if op == ir.ReduceMean {
			return ir.ComplexValue(t, complex(p.F/float64(count), p.FI/float64(count)))
		}
		return ir.ComplexValue(t, complex(p.F, p.FI))
	}
	return r
}

// CanonicalComplex is the sum (or, with prod, the product) of x in the canonical
// order above (0, or 1, for an empty x).
func CanonicalComplex[T Float](x []Cx[T], prod bool) Cx[T] {
	var acc [32]Cx[T]
	lanes := canonLanes[T]() / 2
	if prod {
		for j := range lanes {
			acc[j] = Cx[T]{1, 0}
		}
	}
	step := func(a, v Cx[T]) Cx[T] {
		if prod {
			return CMul(a, v)
		}
		return Cx[T]{a[0] + v[0], a[1] + v[1]}
	}
	for i, v := range x {
		j := i % lanes
		acc[j] = step(acc[j], v)
	}
	for h := lanes / 2; h > 0; h /= 2 {
		for j := range h {
			acc[j] = step(acc[j], acc[j+h])
		}
	}
	return acc[0]
}
