package numeric

import (
	"math"
	"testing"
)

// TestReferenceComplex checks the reference interpreter's complex numbers against the
// values docs/language.md states (and Python's for folded literals), independently of
// the engine: types and promotion, special values, branch cuts and rejections.
func TestReferenceComplex(t *testing.T) {
	inf, nan, negz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	vars := Vars{"z": []complex128{1 + 2i}, "z64": []complex64{1 + 2i}, "a32": []float32{2}, "a": []float64{2}, "i": []int32{3}, "ninf": []float64{-inf},
		"s": []complex128{complex(-4, 0), complex(-4, math.Copysign(0, -1)), complex(-1, math.Copysign(0, -1)), 0,
			complex(-inf, 1), complex(-inf, 1.5), complex(1e-20, 0)}}
	for _, c := range []struct {
		src  string
		f32c bool
		typ  DType
		want []complex128 // the parts of each element (a real result in the real part)
	}{
		{"z64 * a32", false, Complex64, []complex128{2 + 4i}},
		{"z64 * 2", false, Complex128, []complex128{2 + 4i}},
		{"z64 * 2.5", false, Complex128, []complex128{2.5 + 5i}},
		{"a32 + 1j", false, Complex128, []complex128{2 + 1i}},
		{"z64 * 1j", true, Complex64, []complex128{-2 + 1i}},
		{"a32 * 1j", true, Complex64, []complex128{2i}},
		{"z64 * i", true, Complex128, []complex128{3 + 6i}},
		{"complex(a32, a32)", false, Complex64, []complex128{2 + 2i}},
		{"complex(i, a32)", false, Complex128, []complex128{3 + 2i}}, // "complex64 from float32s, complex128 otherwise"
		{"abs(z64 * 0 + 3 + 4j)", false, Float64, []complex128{5}},
		{"abs(z64)", false, Float32, []complex128{complex(float64(float32(math.Sqrt(5))), 0)}},
		{"real(z) + imag(z)", false, Float64, []complex128{3}},
		{"conj(z)", false, Complex128, []complex128{1 - 2i}},
		{"conj(a)", false, Float64, []complex128{2}},
		{"z / 2j", false, Complex128, []complex128{1 - 0.5i}},
		{"(1 + 2j) / (3 - 4j)", false, Complex128, []complex128{-0.2 + 0.4i}},
		{"(-8) ** (1 / 3)", false, Complex128, []complex128{complex(1.0000000000000002, 1.7320508075688772)}}, // CPython 3.11's value (asm's pow, sin and cos as its libm)
		{"sqrt(s)", false, Complex128, []complex128{2i, complex(0, -2), complex(0, -1), 0, complex(0, inf), complex(0, inf), complex(1e-10, 0)}},
		{"log(s)", false, Complex128, []complex128{complex(math.Log(4), math.Pi), complex(math.Log(4), -math.Pi), complex(0, -math.Pi),
			complex(-inf, 0), complex(inf, math.Pi), complex(inf, math.Pi), complex(math.Log(1e-20), 0)}},
		{"exp(complex(ninf, a - 1))", false, Complex128, []complex128{0}},
		{"log1p(s)", false, Complex128, []complex128{complex(math.Log(3), math.Pi), complex(math.Log(3), -math.Pi), complex(-inf, negz),
			0, complex(inf, math.Pi), complex(inf, math.Pi), complex(1e-20, 0)}},
		{"expm1(s)", false, Complex128, []complex128{complex(math.Expm1(-4), 0), complex(math.Expm1(-4), negz), complex(math.Expm1(-1), negz),
			0, -1, -1, complex(math.Expm1(1e-20), 0)}},
		{"expm1(complex(a * 0 + 800, a * 0)) + expm1(complex(a * 0 + 1, ninf))", false, Complex128, []complex128{complex(nan, nan)}},
		{"expm1(complex(a * 0 + 800, a * 0))", false, Complex128, []complex128{complex(inf, 0)}},
		{"isnan(s * 0) == isinf(s)", false, Bool, []complex128{1, 1, 1, 1, 1, 1, 1}},
		{"sum(imag(s) * 0 + 1j)", false, Complex128, []complex128{7i}},
		{"prod(z * z)", false, Complex128, []complex128{-3 + 4i}},
		{"mean(z64 * a32)", false, Complex64, []complex128{2 + 4i}},
		{"z ** 2 == -3 + 4j", false, Bool, []complex128{1}},
	} {
		r, err := refEvaluate(c.src, vars, c.f32c)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if r.typ != c.typ || len(r.vals) != len(c.want) {
			t.Errorf("%s: %s with %d elements, want %s with %d", c.src, r.typ, len(r.vals), c.typ, len(c.want))
			continue
		}
		for k, w := range c.want {
			got := r.vals[k].c
			switch {
			case c.typ == Bool:
				got = 0
				if r.vals[k].b {
					got = 1
				}
			case !refIsComplex(c.typ):
				got = complex(r.vals[k].f, 0)
			}
			if !confComplexOK(Complex128, w, got, confTol{}) {
				t.Errorf("%s [%d] = %v, want %v", c.src, k, got, w)
			}
		}
	}
	for _, src := range []string{"z < z", "z // 2", "z % 2", "z & i", "~z", "z << i", "min(z)", "max(z)", "maximum(z, a)",
		"sign(z)", "floor(z)", "exp2(z)", "log2(z)", "hypot(z, a)", "complex(z, a)", "complex(a > 1, a)", "conj(a > 1)",
		"where(z, z, z)", "1j < 2", "1j // 2", "1j / 0", "0j ** -1", "signbit(z)", "clip(z, a, a)"} {
		if _, err := refEvaluate(src, vars, false); err == nil {
			t.Errorf("%s: the reference accepts it", src)
		}
	}
}
