package generic

import (
	"math"
	"math/big"
)

// π/2 to 159 bits, as three float64s.
const (
	pio2Hi  = 0x1.921fb54442d18p+0
	pio2Mid = 0x1.1a62633145c07p-54
	pio2Lo  = -0x1.f1976b7ed8fbcp-110
)

// sincos is sin y and cos y for the complex kernels, within about 1 ULP, near the
// functions' zeros too: math.Sincos of the remainder r = y - k·π/2 (below π/4, where
// it needs no reduction of its own) plus r's low part times the derivative. r is a
// double-double from π/2 to 159 bits for |y| < 2**29, and from big.Float arithmetic
// with π/2 to 1400 bits past that. Go's math.Sincos reduces by π/4 to about 100 bits
// (its sin π is 7 ULPs off) and past 2**29 was up to 21 ULPs off
// (TestComplexMpmath in numeric).
func sincos(y float64) (s, c float64) {
	a := math.Abs(y)
	if a <= math.Pi/4 || a-a != 0 {
		return math.Sincos(y)
	}
	s, c = rotate(reduce(a))
	return math.Copysign(1, y) * s, c
}

// tan is tan y: math.Tan of the remainder sincos reduces y to (below π/4, where it
// needs no reduction of its own), plus the low part's first-order term, or -1/that in
// the odd quadrants. Below 1e-7 math.Tan returns its argument (15 ULPs off at 8.1e-8):
// r + r³/3 there.
func tan(y float64) float64 {
	a := math.Abs(y)
	if a-a != 0 {
		return math.Tan(y)
	}
	rh, rl, q := a, 0.0, int64(0)
	if a > math.Pi/4 {
		rh, rl, q = reduce(a)
	}
	t := math.Tan(rh)
	if math.Abs(rh) < 1e-7 {
		t = rh + rh*rh*rh/3
	}
	t += (1 + t*t) * rl
	if q&1 == 1 {
		t = -1 / t
	}
	return math.Copysign(1, y) * t
}

// reduce is a - k·π/2 = rh + rl for a > π/4, with k mod 4.
func reduce(a float64) (rh, rl float64, q int64) {
	if a >= 0x1p29 {
		return reduceBig(a)
	}
	// The explicit conversions round ph and t: Go may otherwise fuse a product into a
	// later sum (it does on arm64), and the error terms below are of the rounded ones.
	k := math.Round(a * (2 / math.Pi))
	ph := float64(k * pio2Hi)
	pl := math.FMA(k, pio2Hi, -ph) // k·pio2Hi = ph + pl exactly
	t := float64(k * pio2Mid)
	te := math.FMA(k, pio2Mid, -t)
	h, l := twoSum(a-ph, -pl) // a - ph is exact (Sterbenz)
	h, l2 := twoSum(h, -t)
	l += l2 - te - k*pio2Lo
	rh = h + l
	return rh, l - (rh - h), int64(k) & 3
}

// rotate is sin and cos of q·π/2 + rh + rl (|rh| <= π/4 or about, rl below its ULP).
func rotate(rh, rl float64, q int64) (s, c float64) {
	s0, c0 := math.Sincos(rh)
	s0, c0 = s0+c0*rl, c0-s0*rl
	switch q {
	case 1:
		return c0, -s0
	case 2:
		return -s0, -c0
	case 3:
		return -c0, s0
	}
	return s0, c0
}

// pio2Big is π/2 to 1400 bits.
var pio2Big = func() *big.Float {
	m, _ := new(big.Int).SetString(
		"c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22"+
			"514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245"+
			"e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7edee386bfb5a899fa5"+
			"ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a"+
			"69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d"+
			"670c354e4abc9804f1746c08ca1821", 16)
	f := new(big.Float).SetPrec(reducePrec).SetInt(m)
	return f.SetMantExp(f, -1399)
}()

// reducePrec holds a float64's 1024 integer bits and 476 below the point.
const reducePrec = 1500

// reduceBig is a - k·π/2 = rh + rl for a >= 2**29, with k mod 4.
func reduceBig(a float64) (rh, rl float64, q int64) {
	ab := new(big.Float).SetPrec(reducePrec).SetFloat64(a)
	t := new(big.Float).SetPrec(reducePrec).Quo(ab, pio2Big)
	t.Add(t, big.NewFloat(0.5))
	k, _ := t.Int(nil) // t > 0: truncation is floor(a/(π/2) + 1/2)
	r := new(big.Float).SetPrec(reducePrec).SetInt(k)
	r.Mul(r, pio2Big)
	r.Sub(ab, r)
	rh, _ = r.Float64()
	rl, _ = r.Sub(r, new(big.Float).SetFloat64(rh)).Float64()
	return rh, rl, new(big.Int).And(k, big.NewInt(3)).Int64()
}

// twoSum is a + b as the rounded sum and its exact error.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

// sinhCosh is sinh z (odd) or cosh z for finite x and y: (sinh x cos y, cosh x sin y)
// or (cosh x cos y, sinh x sin y). Past |x| = 709 cosh x and sinh x are e**|x|/2,
// taken as (e**(|x|/2)·part/2)·e**(|x|/2) so that a small cos y or sin y keeps the
// product finite (math/cmplx's overflowed: cosh(1000 + 1e-300j)), and Go's amd64
// math.Exp is not used where it overflows early (from 709.65).
func sinhCosh(x, y float64, odd bool) complex128 {
	s, c := sincos(y)
	if math.Abs(x) <= 709 {
		sh, ch := math.Sinh(x), math.Cosh(x)
		if odd {
			return complex(c*sh, s*ch)
		}
		return complex(c*ch, s*sh)
	}
	h := math.Exp(math.Abs(x) / 2)
	sgn := math.Copysign(1, x)
	big := func(p float64) float64 {
		if p == 0 {
			return p // not 0·Inf (NaN) past |x| = 1419
		}
		return p * h * 0.5 * h
	}
	if odd {
		return complex(sgn*big(c), big(s))
	}
	return complex(big(c), sgn*big(s))
}

// expReal is e**x, for x > 709 as e**(x/2) squared: Go's amd64 math.Exp overflows from
// 709.65, below the true threshold 709.78.
func expReal(x float64) float64 {
	if x > 709 && x-x == 0 {
		h := math.Exp(x / 2)
		return h * h
	}
	return math.Exp(x)
}
