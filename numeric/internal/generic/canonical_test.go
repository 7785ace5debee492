package generic

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/numkit/numkit/asm"
)

// The canonical reductions give asm's bits (asm's kernels document the same order) for
// every length 0..300 and some longer ones, on data whose sum depends on the order.
func TestCanonicalMatchesAsm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	special := []float64{-1e300, 1e300, 1e16, -0.0, 0, 5e-324, 1, math.Inf(1), math.NaN()}
	for n := range 300 + 5 {
		if n > 300 {
			n = 1000*n + 7
		}
		x, y := make([]float64, n), make([]float64, n)
		xf, yf := make([]float32, n), make([]float32, n)
		for i := range x {
			x[i] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(30)))
			if rng.IntN(50) == 0 {
				x[i] = special[rng.IntN(len(special))]
			}
			y[i] = rng.NormFloat64()
			xf[i], yf[i] = float32(x[i]/1e20), float32(y[i])
		}
		check64 := func(name string, got, want float64) {
			if math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
				t.Errorf("n=%d: %s = %v, asm %v", n, name, got, want)
			}
		}
		check32 := func(name string, got, want float32) {
			check64(name, float64(got), float64(want))
		}
		check64("SumCanonical[float64]", SumCanonical(x), asm.SumF64(x))
		check32("SumCanonical[float32]", SumCanonical(xf), asm.SumF32(xf))
		check64("ProdCanonical[float64]", ProdCanonical(y), asm.ProdF64(y))
		check32("ProdCanonical[float32]", ProdCanonical(yf), asm.ProdF32(yf))
		check64("DotCanonical[float64]", DotCanonical(x, y), asm.DotF64(x, y))
		check32("DotCanonical[float32]", DotCanonical(xf, yf), asm.DotF32(xf, yf))
		if n > 0 {
			check64("MinCanonical[float64]", MinCanonical(x), asm.MinF64(x))
			check64("MaxCanonical[float64]", MaxCanonical(x), asm.MaxF64(x))
			check32("MinCanonical[float32]", MinCanonical(xf), asm.MinF32(xf))
			check32("MaxCanonical[float32]", MaxCanonical(xf), asm.MaxF32(xf))
		}
	}
}

// FMA32 rounds a*b+c once: compared with the exact value rounded by math/big.
func TestFMA32(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ties := 0
	for i := range 200000 {
		a := float32(rng.NormFloat64())
		b := float32(rng.NormFloat64())
		c := -a * b // near cancellation and halfway cases
		if i%2 == 0 {
			c = float32(rng.NormFloat64()) * float32(math.Ldexp(1, rng.IntN(60)-30))
		}
		if i%3 == 0 {
			// a*b = 2^-24 - 2^-70: c + a*b rounds in float64 to the midpoint between two
			// float32s, and rounding that again would go the wrong way half the time.
			a, b = 1+0x1p-23, (1-0x1p-23)*0x1p-24
			c = 1 + float32(2*rng.IntN(1<<20)+1)*0x1p-23
			if i%2 == 0 {
				a = -a
				c = -c
			}
		}
		exact := new(big.Float).SetPrec(200).Mul(big.NewFloat(float64(a)), big.NewFloat(float64(b)))
		exact.Add(exact, big.NewFloat(float64(c)))
		want, _ := exact.Float32()
		got := FMA32(a, b, c)
		if math.Float32bits(got) != math.Float32bits(want) && !(got == 0 && want == 0) {
			t.Fatalf("FMA32(%v, %v, %v) = %v, want %v", a, b, c, got, want)
		}
		if float64(got) != float64(float32(float64(a)*float64(b)+float64(c))) {
			ties++ // naive double rounding is wrong here
		}
	}
	if ties == 0 {
		t.Fatal("no case where rounding twice is wrong: the test does not test FMA32")
	}
}

// Log, Log10 and Pow of subnormals against values computed with 50-digit decimals
// (Python's decimal module): each within 1 ULP.
func TestSubnormalMath(t *testing.T) {
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"Log(5e-324)", Log(5e-324), -744.4400719213812},
		{"Log(1e-310)", Log(1e-310), -713.8013788281542},
		{"Log(2.2e-308)", Log(2.2e-308), -708.4077512818018},
		{"Log(1e-320)", Log(1e-320), -736.8272408909739},
		{"Log10(5e-324)", Log10(5e-324), -323.3062153431158},
		{"Log10(1e-310)", Log10(1e-310), -310},
		{"Log10(1e-320)", Log10(1e-320), -320.000004834948},
		{"Pow(5e-324, 0.3)", Pow(5e-324, 0.3), 1.018908996936868e-97},
		{"Pow(1e-310, 0.3)", Pow(1e-310, 0.3), 1.000000000000007e-93},
		{"Pow(2.2e-308, 0.3)", Pow(2.2e-308, 0.3), 5.04343936938935e-93},
		{"Pow(1e-320, 0.3)", Pow(1e-320, 0.3), 9.999966601417993e-97},
		{"Log(2) (normal)", Log(2), math.Ln2},
		{"Pow(-5e-324, 0.5)", Pow(-5e-324, 0.5), math.NaN()},
		{"Pow(5e-324, 2)", Pow(5e-324, 2), 0},
	}
	for _, tt := range tests {
		if math.IsNaN(tt.want) != math.IsNaN(tt.got) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
			continue
		}
		if d := math.Float64bits(tt.got) - math.Float64bits(tt.want); tt.got != tt.want && d+1 > 2 {
			t.Errorf("%s = %v, want %v (more than 1 ULP)", tt.name, tt.got, tt.want)
		}
	}
}
