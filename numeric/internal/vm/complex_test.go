package vm

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/generic"
)

// cexpLogBound is the bound of asm.ExpC128 and asm.LogC128, in ULPs of each part,
// against NumPy's functions in long double: the portable kernels' documented bound
// (docs/language.md, Complex numbers).
const cexpLogBound = 3

// The SIMD complex exp and log at every level against NumPy's values computed in long
// double (generic's testdata/complex_numpy.py: a grid from 5e-324 to 1e300 in each
// part, both signs, and the special arguments): finite arguments within cexpLogBound
// ULPs per part, arguments with an Inf or NaN part exactly the portable kernel's value
// (Annex G), and every argument within cexpLogBound of the portable kernel too.
func TestComplexExpLogSIMD(t *testing.T) {
	py := numpyPython(t)
	out, err := exec.Command(py, "../generic/testdata/complex_numpy.py").Output()
	if err != nil {
		t.Fatalf("complex_numpy.py: %v", err)
	}
	type tcase struct{ x, want complex128 }
	cases := map[string][]tcase{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 5 || (f[0] != "exp" && f[0] != "log") {
			continue
		}
		var v [4]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(f[i+1], 64); err != nil {
				t.Fatalf("%q: %v", sc.Text(), err)
			}
		}
		cases[f[0]] = append(cases[f[0]], tcase{complex(v[0], v[1]), complex(v[2], v[3])})
	}
	if len(cases["exp"]) < 1000 || len(cases["log"]) < 1000 {
		t.Fatalf("complex_numpy.py gave %d exp and %d log cases", len(cases["exp"]), len(cases["log"]))
	}
	kernels := map[string]struct {
		simd     func(dst, x []complex128)
		portable func(complex128) complex128
	}{"exp": {asm.ExpC128, generic.CExp}, "log": {asm.LogC128, generic.CLog}}
	defer asm.SetLevel(asm.Supported())
	for _, level := range []asm.Level{asm.LevelNone, asm.LevelAVX2, asm.LevelAVX512} {
		if asm.SetLevel(level) != level {
			continue
		}
		for name, cs := range cases {
			x := make([]complex128, len(cs))
			for i, c := range cs {
				x[i] = c.x
			}
			got := make([]complex128, len(x))
			kernels[name].simd(got, x)
			worst, bad := 0.0, 0
			for i, c := range cs {
				port := kernels[name].portable(c.x)
				var e float64
				if finiteC(c.x) {
					e = max(ulps(real(got[i]), real(c.want)), ulps(imag(got[i]), imag(c.want)))
					worst = max(worst, e)
					e = max(e, ulps(real(got[i]), real(port)), ulps(imag(got[i]), imag(port)))
				} else if !sameBits(real(got[i]), real(port)) || !sameBits(imag(got[i]), imag(port)) {
					e = math.Inf(1)
				}
				if e > cexpLogBound {
					if bad++; bad <= 10 {
						t.Errorf("level %v: %s(%v) = %v; NumPy %v, portable %v", level, name, c.x, got[i], c.want, port)
					}
				}
			}
			t.Logf("level %v: %s worst %.3g ULPs against NumPy over %d arguments", level, name, worst, len(cs))
		}
	}
}

// ulps is |got - want| in ULPs of want (of the smallest normal below it); 0 for two
// NaNs or the same infinity, Inf when they differ in kind.
func ulps(got, want float64) float64 {
	if got != got || want != want || math.IsInf(got, 0) || math.IsInf(want, 0) {
		if sameBits(got, want) {
			return 0
		}
		return math.Inf(1)
	}
	a := math.Max(math.Abs(want), 0x1p-1022)
	return math.Abs(got-want) / (math.Nextafter(a, math.Inf(1)) - a)
}

func finiteC(z complex128) bool {
	return !math.IsInf(real(z), 0) && !math.IsInf(imag(z), 0) && real(z) == real(z) && imag(z) == imag(z)
}

// numpyPython returns a Python 3 that imports NumPy ($NUMKIT_PYTHON, python3 or
// /usr/bin/python3); without one the test is skipped, unless NUMKIT_REQUIRE_NUMPY is
// set (CI), which makes it fail.
func numpyPython(t *testing.T) string {
	t.Helper()
	cands := []string{"python3", "/usr/bin/python3"}
	if p := os.Getenv("NUMKIT_PYTHON"); p != "" {
		cands = []string{p}
	}
	for _, p := range cands {
		if exec.Command(p, "-c", "import numpy").Run() == nil {
			return p
		}
	}
	if os.Getenv("NUMKIT_REQUIRE_NUMPY") != "" {
		t.Fatalf("NUMKIT_REQUIRE_NUMPY is set but none of %v imports numpy", cands)
	}
	t.Skipf("no Python with NumPy among %v", cands)
	return ""
}

// The SIMD complex exp and log against the portable kernels, n = 4096.
func BenchmarkComplexExpLog(b *testing.B) {
	x := make([]complex128, 4096)
	for i := range x {
		x[i] = complex(float64(i%97)*0.21-10, float64(i%89)*0.37-16)
	}
	dst := make([]complex128, len(x))
	for _, k := range []struct {
		name string
		f    func(dst, x []complex128)
	}{
		{"exp/simd", asm.ExpC128}, {"exp/portable", mapC(generic.CExp)},
		{"log/simd", asm.LogC128}, {"log/portable", mapC(generic.CLog)},
	} {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				k.f(dst, x)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
		})
	}
}

func mapC(f func(complex128) complex128) func(dst, x []complex128) {
	return func(dst, x []complex128) {
		for i := range dst {
			dst[i] = f(x[i])
		}
	}
}

// mulAddC128 gives x*y + z when dst is z, x or y (the VM reuses an operand's register
// for the result at its last use).
func TestMulAddC128Aliasing(t *testing.T) {
	const n = 600
	for _, alias := range []int{-1, 0, 1, 2} {
		var ops [3][]complex128
		for k := range ops {
			ops[k] = make([]complex128, n)
			for i := range ops[k] {
				ops[k][i] = complex(float64(i%7+k)-3, float64(i%5)*0.5-float64(k))
			}
		}
		want := make([]complex128, n)
		for i := range want {
			want[i] = ops[0][i]*ops[1][i] + ops[2][i]
		}
		dst := make([]complex128, n)
		if alias >= 0 {
			dst = ops[alias]
		}
		mulAddC128(n, unsafe.Pointer(&dst[0]), &[3]unsafe.Pointer{unsafe.Pointer(&ops[0][0]), unsafe.Pointer(&ops[1][0]), unsafe.Pointer(&ops[2][0])})
		for i := range want {
			if dst[i] != want[i] {
				t.Fatalf("dst aliasing operand %d: [%d] = %v, want %v", alias, i, dst[i], want[i])
			}
		}
	}
}

// The real part of log, log10 and log1p where |z| (|1 + z|) is near 1 and x² + y² − 1
// cancels, against NumPy's functions in long double: within 1 ULP, asm.LogC128 at
// every level and the portable kernels (the differential fuzzer found them 4 to 32
// ULPs off when the sum was a double-double).
func TestComplexLogNearOne(t *testing.T) {
	cases := []struct {
		fn   string
		z    complex128
		want float64
	}{
		{"log", complex(0.26318685995132945, -0.9647448765082711), -3.653413931298805e-19},
		{"log10", complex(0.6960949567325926, 0.6474265875106404), -0.021985606180961098},
		{"log", complex(-0.6410060023631674, 0.6888685401655379), -0.060841750905877325},
		{"log1p", complex(-0.12491923440308916, 0.4865206838686662), 0.00123283993059932},
		{"log1p", complex(0.0006182660912607062, -0.5065479967326306), 0.11469312748603142},
		{"log", complex(0.6, 0.8), 2.2204460492503132e-17},
		{"log", complex(0.7071067811865476, 0.7071067811865475), -1.014653635756952e-17},
	}
	portable := map[string]func(complex128) complex128{"log": generic.CLog, "log10": generic.CLog10, "log1p": generic.CLog1p}
	defer asm.SetLevel(asm.Supported())
	for _, c := range cases {
		if e := ulps(real(portable[c.fn](c.z)), c.want); e > 1 {
			t.Errorf("portable %s(%v) real part %v, NumPy long double %v: %.3g ULPs", c.fn, c.z, real(portable[c.fn](c.z)), c.want, e)
		}
		if c.fn != "log" {
			continue
		}
		for _, level := range []asm.Level{asm.LevelNone, asm.LevelAVX2, asm.LevelAVX512} {
			if asm.SetLevel(level) != level {
				continue
			}
			got := make([]complex128, 3)
			asm.LogC128(got, []complex128{c.z, 2, c.z})
			if e := ulps(real(got[0]), c.want); e > 1 || got[0] != got[2] {
				t.Errorf("level %v: LogC128(%v) real part %v, NumPy long double %v: %.3g ULPs", level, c.z, real(got[0]), c.want, e)
			}
		}
	}
}
