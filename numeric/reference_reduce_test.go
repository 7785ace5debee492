package numeric

// The reference's float reductions in the engine's documented order (docs/language.md,
// "Reductions"): blocks of refBlockSize elements; in each, refLanes accumulators in
// the argument's type take the elements in turn and are folded in halves; the blocks'
// partials, in float64, are combined pairwise (the first half's, then the second's).

import "math"

// refBlockSize is the VM's block size (checked against it in TestReferenceBlockSize).
const refBlockSize = 4096

// refCanonReduce reduces float vals (of type at, float32 or float64) by name (sum,
// mean, prod, min or max), as the spec orders it, and rounds to t.
func refCanonReduce(name string, at, t DType, vals []refElem) refElem {
	lanes, init := 32, 0.0
	if at == Float32 {
		lanes = 64
	}
	var step func(acc, v float64) float64 // in float64, rounded to at after each step
	switch name {
	case "prod":
		init, step = 1, func(a, v float64) float64 { return a * v }
	case "min":
		init, step = math.Inf(1), func(a, v float64) float64 { return refPick(a, v, a < v) }
	case "max":
		init, step = math.Inf(-1), func(a, v float64) float64 { return refPick(a, v, a > v) }
	default:
		step = func(a, v float64) float64 { return a + v }
	}
	var partials []float64
	for start := 0; start < len(vals); start += refBlockSize {
		block := vals[start:min(start+refBlockSize, len(vals))]
		acc := make([]float64, lanes)
		for j := range acc {
			acc[j] = init
		}
		for i, v := range block {
			j := i % lanes
			acc[j] = refRound(at, step(acc[j], v.f))
		}
		for h := lanes / 2; h > 0; h /= 2 {
			for j := range h {
				acc[j] = refRound(at, step(acc[j], acc[j+h]))
			}
		}
		partials = append(partials, acc[0])
	}
	var combine func(a, b float64) float64
	switch name {
	case "min":
		combine = func(a, b float64) float64 { return refExtremum(Float64, false, refElem{f: a}, refElem{f: b}).f }
	case "max":
		combine = func(a, b float64) float64 { return refExtremum(Float64, true, refElem{f: a}, refElem{f: b}).f }
	default:
		combine = step
	}
	p := init
	if len(partials) > 0 {
		p = refPairwise(partials, combine)
	}
	if name == "mean" {
		p /= float64(len(vals))
	}
	return refElem{f: refRound(t, p)}
}

// refIntMean is the mean of integers: each block summed in float64 in order, the
// blocks' sums combined pairwise.
func refIntMean(vals []refElem) refElem {
	var partials []float64
	for start := 0; start < len(vals); start += refBlockSize {
		s := 0.0
		for _, v := range vals[start:min(start+refBlockSize, len(vals))] {
			s += float64(v.i)
		}
		partials = append(partials, s)
	}
	if len(partials) == 0 {
		return refElem{f: math.NaN()}
	}
	return refElem{f: refPairwise(partials, func(a, b float64) float64 { return a + b }) / float64(len(vals))}
}

// refPick is a if a is NaN or better, else b.
func refPick(a, b float64, better bool) float64 {
	if a != a || better {
		return a
	}
	return b
}

func refPairwise(ps []float64, combine func(a, b float64) float64) float64 {
	if len(ps) == 1 {
		return ps[0]
	}
	h := len(ps) / 2
	return combine(refPairwise(ps[:h], combine), refPairwise(ps[h:], combine))
}
