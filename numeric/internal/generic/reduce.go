package generic

import (
	"math"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/stats"
	"github.com/numkit/numkit/numeric/ir"
)

// Partial is a reduction's value over part of the elements: F for float and mean
// reductions, I for integer ones. The moment reductions (var, std, skew, kurt) keep a
// stats.Central in it: I the count, F and MeanLo the mean, M2..M4 the central sums.
type Partial struct {
	F                  float64
	I                  int64
	MeanLo, M2, M3, M4 float64
	FI                 float64 // a complex reduction's imaginary part (F is the real part)
}

// Reducer reduces blocks to partials and combines them. Block and Combine are
// deterministic, so a fixed blocking and a fixed combining order give the same result
// for any number of threads.
type Reducer struct {
	Result   ir.DType
	Identity Partial
	Block    func(n int, x unsafe.Pointer) Partial
	// Dot, where not nil, is Block over the products x[i]*y[i] (sum and mean only):
	// the VM then skips the multiply pass (numeric/vm_dot.go).
	Dot     func(n int, x, y unsafe.Pointer) Partial
	Combine func(a, b Partial) Partial
	// Final turns the combined partial of count elements into the result.
	Final func(p Partial, count int) ir.Value
}

// ReduceResult returns the result type of op over arg, and false if op is not defined
// on arg (min and max of bool, mean of bool).
func ReduceResult(op ir.ReduceOp, arg ir.DType) (ir.DType, bool) {
	if arg.IsComplex() { // sum, prod and mean only, as numexpr and NumPy
		return arg, op == ir.ReduceSum || op == ir.ReduceProd || op == ir.ReduceMean
	}
	switch op {
	case ir.ReduceSum, ir.ReduceProd:
		if arg.IsFloat() {
			return arg, true
		}
		return ir.Int64, true
	case ir.ReduceMin, ir.ReduceMax:
		return arg, arg != ir.Bool
	case ir.ReduceMean, ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		return ir.FloatOf(arg), arg != ir.Bool
	}
	return 0, false
}

// LookupReducer returns the reducer for op over elements of type arg.
func LookupReducer(op ir.ReduceOp, arg ir.DType) (Reducer, bool) {
	res, ok := ReduceResult(op, arg)
	if !ok {
		return Reducer{}, false
	}
	if arg.IsComplex() {
		return complexReducer(op, arg), true
	}
	r := Reducer{Result: res}
	addF := func(a, b Partial) Partial { return Partial{F: a.F + b.F} }
	mulF := func(a, b Partial) Partial { return Partial{F: a.F * b.F} }
	switch op {
	case ir.ReduceSum, ir.ReduceMean:
		r.Combine = addF
		if res.IsInt() {
			r.Combine = func(a, b Partial) Partial { return Partial{I: a.I + b.I} }
		}
		r.Block = sumBlock(arg, op == ir.ReduceMean)
		switch arg { // sum(x*y) in one pass, with fused multiply-adds as in asm
		case ir.Float64:
			r.Dot = func(n int, x, y unsafe.Pointer) Partial {
				return Partial{F: DotCanonical(vec[float64](x, n), vec[float64](y, n))}
			}
		case ir.Float32:
			r.Dot = func(n int, x, y unsafe.Pointer) Partial {
				return Partial{F: float64(DotCanonical(vec[float32](x, n), vec[float32](y, n)))}
			}
		}
	case ir.ReduceProd:
		r.Identity = Partial{F: 1, I: 1}
		r.Combine = mulF
		if res.IsInt() {
			r.Combine = func(a, b Partial) Partial { return Partial{I: a.I * b.I} }
		}
		r.Block = prodBlock(arg)
	case ir.ReduceMin, ir.ReduceMax:
		r.Identity, r.Block, r.Combine = extremum(arg, op == ir.ReduceMax)
	case ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		return momentReducer(op, arg, res), true
	}
	r.Final = func(p Partial, count int) ir.Value {
		switch {
		case op == ir.ReduceMean:
			return ir.FloatValue(res, p.F/float64(count))
		case res.IsInt():
			return ir.IntValue(res, p.I)
		}
		return ir.FloatValue(res, p.F)
	}
	return r, true
}

func sumBlock(t ir.DType, mean bool) func(int, unsafe.Pointer) Partial {
	switch t {
	case ir.Float64:
		return func(n int, p unsafe.Pointer) Partial { return Partial{F: SumCanonical(vec[float64](p, n))} }
	case ir.Float32:
		return func(n int, p unsafe.Pointer) Partial { return Partial{F: float64(SumCanonical(vec[float32](p, n)))} }
	}
	intSum := func(n int, p unsafe.Pointer) int64 {
		switch t {
		case ir.Bool:
			var s int64
			for _, v := range vec[bool](p, n) {
				s += int64(b2i(v))
			}
			return s
		case ir.Int32:
			return sumInts(vec[int32](p, n))
		}
		return sumInts(vec[int64](p, n))
	}
	if mean { // the mean of integers is accumulated in float64
		return func(n int, p unsafe.Pointer) Partial {
			var s float64
			switch t {
			case ir.Int32:
				for _, v := range vec[int32](p, n) {
					s += float64(v)
				}
			case ir.Int64:
				for _, v := range vec[int64](p, n) {
					s += float64(v)
				}
			}
			return Partial{F: s}
		}
	}
	return func(n int, p unsafe.Pointer) Partial { return Partial{I: intSum(n, p)} }
}

func sumInts[T Int](x []T) int64 {
	var s int64
	for _, v := range x {
		s += int64(v)
	}
	return s
}

func prodBlock(t ir.DType) func(int, unsafe.Pointer) Partial {
	return func(n int, p unsafe.Pointer) Partial {
		switch t {
		case ir.Float64:
			return Partial{F: ProdCanonical(vec[float64](p, n))}
		case ir.Float32:
			return Partial{F: float64(ProdCanonical(vec[float32](p, n)))}
		case ir.Bool:
			s := int64(1)
			for _, v := range vec[bool](p, n) {
				s *= int64(b2i(v))
			}
			return Partial{I: s}
		case ir.Int32:
			s := int64(1)
			for _, v := range vec[int32](p, n) {
				s *= int64(v)
			}
			return Partial{I: s}
		}
		s := int64(1)
		for _, v := range vec[int64](p, n) {
			s *= v
		}
		return Partial{I: s}
	}
}

func extremum(t ir.DType, isMax bool) (Partial, func(int, unsafe.Pointer) Partial, func(a, b Partial) Partial) {
	if t.IsInt() {
		id := Partial{I: math.MaxInt64}
		pick := func(a, b int64) int64 { return min(a, b) }
		if isMax {
			id = Partial{I: math.MinInt64}
			pick = func(a, b int64) int64 { return max(a, b) }
		}
		block := func(n int, p unsafe.Pointer) Partial {
			acc := id.I
			if t == ir.Int32 {
				for _, v := range vec[int32](p, n) {
					acc = pick(acc, int64(v))
				}
			} else {
				for _, v := range vec[int64](p, n) {
					acc = pick(acc, v)
				}
			}
			return Partial{I: acc}
		}
		return id, block, func(a, b Partial) Partial { return Partial{I: pick(a.I, b.I)} }
	}
	id := Partial{F: math.Inf(1)}
	pick := Min[float64]
	if isMax {
		id = Partial{F: math.Inf(-1)}
		pick = Max[float64]
	}
	block := func(n int, p unsafe.Pointer) Partial {
		if n == 0 {
			return id
		}
		switch {
		case t == ir.Float32 && isMax:
			return Partial{F: float64(MaxCanonical(vec[float32](p, n)))}
		case t == ir.Float32:
			return Partial{F: float64(MinCanonical(vec[float32](p, n)))}
		case isMax:
			return Partial{F: MaxCanonical(vec[float64](p, n))}
		}
		return Partial{F: MinCanonical(vec[float64](p, n))}
	}
	return id, block, func(a, b Partial) Partial { return Partial{F: pick(a.F, b.F)} }
}

// momentReducer keeps the count, mean and central sums of each block (two passes over
// the block, in cache) and merges them with Pébay's formulas in the VM's fixed tree.
func momentReducer(op ir.ReduceOp, arg, res ir.DType) Reducer {
	r := Reducer{Result: res, Block: MomentBlock(arg)}
	r.Combine = func(a, b Partial) Partial { return FromCentral(stats.Merge(a.Central(), b.Central())) }
	r.Final = func(p Partial, _ int) ir.Value {
		c := p.Central()
		var v float64
		switch op {
		case ir.ReduceVar:
			v = c.Var(0)
		case ir.ReduceStd:
			v = math.Sqrt(c.Var(0))
		case ir.ReduceSkew:
			v = c.Skew()
		default:
			v = c.Kurt()
		}
		return ir.FloatValue(res, v)
	}
	return r
}

// MomentBlock returns the pure-Go block function of the moment reductions over t.
func MomentBlock(t ir.DType) func(int, unsafe.Pointer) Partial {
	return func(n int, p unsafe.Pointer) Partial {
		switch t {
		case ir.Float64:
			return FromCentral(stats.Block(vec[float64](p, n)))
		case ir.Float32:
			return FromCentral(stats.Block(vec[float32](p, n)))
		case ir.Int32:
			return FromCentral(stats.Block(vec[int32](p, n)))
		}
		return FromCentral(stats.Block(vec[int64](p, n)))
	}
}

// Central returns the moment summary a moment reduction's partial holds.
func (p Partial) Central() stats.Central {
	return stats.Central{N: p.I, Mean: p.F, MeanLo: p.MeanLo, M2: p.M2, M3: p.M3, M4: p.M4}
}

// FromCentral returns the partial that holds c.
func FromCentral(c stats.Central) Partial {
	return Partial{I: c.N, F: c.Mean, MeanLo: c.MeanLo, M2: c.M2, M3: c.M3, M4: c.M4}
}
