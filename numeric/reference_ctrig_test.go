package numeric

import (
	"math"
	"math/big"
)

// The reference's sine, cosine and tangent of a part of a complex argument: math.Sin
// and friends of y - k·π/2, reduced exactly enough with big.Float (π/2 to 1400 bits,
// 1500-bit arithmetic: a float64's 1024 integer bits and 476 below the point), plus
// the remainder's low part times the derivative. Go's math.Sincos reduces by π/4 to
// about 100 bits (its sin π is 7 ULPs off) and past 2**29 was up to 21 ULPs off; the
// engine's kernels are within 1 ULP (TestComplexMpmath), and so is this.

// refPio2 is π/2 to 1400 bits (digits from mpmath).
var refPio2 = func() *big.Float {
	m, ok := new(big.Int).SetString(
		"c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22"+
			"514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245"+
			"e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7edee386bfb5a899fa5"+
			"ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a"+
			"69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d"+
			"670c354e4abc9804f1746c08ca1821", 16)
	if !ok {
		panic("refPio2")
	}
	f := new(big.Float).SetPrec(1500).SetInt(m)
	return f.SetMantExp(f, -1399)
}()

// refReduce is a - k·π/2 = rh + rl (a > π/4 finite) and k mod 4.
func refReduce(a float64) (rh, rl float64, q int64) {
	ab := new(big.Float).SetPrec(1500).SetFloat64(a)
	t := new(big.Float).SetPrec(1500).Quo(ab, refPio2)
	t.Add(t, big.NewFloat(0.5))
	k, _ := t.Int(nil)
	r := new(big.Float).SetPrec(1500).SetInt(k)
	r.Sub(ab, r.Mul(r, refPio2))
	rh, _ = r.Float64()
	rl, _ = r.Sub(r, new(big.Float).SetFloat64(rh)).Float64()
	return rh, rl, new(big.Int).And(k, big.NewInt(3)).Int64()
}

func refSincos(y float64) (s, c float64) {
	a := math.Abs(y)
	if a <= math.Pi/4 || a-a != 0 {
		return math.Sincos(y)
	}
	rh, rl, q := refReduce(a)
	s, c = math.Sincos(rh)
	s, c = s+c*rl, c-s*rl
	for ; q > 0; q-- { // a quarter turn: (s, c) -> (c, -s)
		s, c = c, -s
	}
	return math.Copysign(1, y) * s, c
}

func refSin(y float64) float64 { s, _ := refSincos(y); return s }
func refCos(y float64) float64 { _, c := refSincos(y); return c }

// refTan is math.Tan of the reduced argument with the low part's term (math.Tan
// returns its argument below 1e-7, 15 ULPs off at 8.1e-8: r + r³/3 there).
func refTan(y float64) float64 {
	a := math.Abs(y)
	if a-a != 0 {
		return math.Tan(y)
	}
	rh, rl, q := a, 0.0, int64(0)
	if a > math.Pi/4 {
		rh, rl, q = refReduce(a)
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
