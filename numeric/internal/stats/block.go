package stats

// Number is an element type whose moments are taken (in float64).
type Number interface {
	~float32 | ~float64 | ~int32 | ~int64
}

// Block returns the summary of x in two passes over it — the mean first, then the
// powers of the deviations from it — in pure Go with four accumulators per sum. x is
// meant to be a cache-sized block, so the second pass reads from cache. NaN anywhere
// makes the mean and the moments NaN.
func Block[T Number](x []T) Central {
	if len(x) == 0 {
		return Central{}
	}
	var a0, a1, a2, a3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a0 += float64(x[i])
		a1 += float64(x[i+1])
		a2 += float64(x[i+2])
		a3 += float64(x[i+3])
	}
	for ; i < len(x); i++ {
		a0 += float64(x[i])
	}
	c := ((a0 + a1) + (a2 + a3)) / float64(len(x))
	var s1, s2, s3, s4 [2]float64
	i = 0
	for ; i+2 <= len(x); i += 2 {
		for k := range 2 {
			d := float64(x[i+k]) - c
			q := d * d
			s1[k] += d
			s2[k] += q
			s3[k] += q * d
			s4[k] += q * q
		}
	}
	if i < len(x) {
		d := float64(x[i]) - c
		q := d * d
		s1[0] += d
		s2[0] += q
		s3[0] += q * d
		s4[0] += q * q
	}
	return FromShifted(int64(len(x)), c, s1[0]+s1[1], s2[0]+s2[1], s3[0]+s3[1], s4[0]+s4[1])
}
