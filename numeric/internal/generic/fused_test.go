package generic

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// specials are the values every kernel test mixes into its random inputs.
var specials = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 3, -7, 0.1, 1e300, -1e300,
	math.MaxFloat64, math.SmallestNonzeroFloat64, -2.2250738585072014e-308, 1e-40,
	math.MaxFloat32, 3.4e38, math.Inf(1), math.Inf(-1), math.NaN()}

// testValues returns n values: specials, then random ones of mixed magnitudes.
func testValues[T Float](rng *rand.Rand, n int) []T {
	x := make([]T, n)
	for i := range x {
		if rng.IntN(3) == 0 {
			x[i] = T(specials[rng.IntN(len(specials))])
		} else {
			x[i] = T((rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(9)-4)))
		}
	}
	return x
}

// sameBits reports whether a and b are the same value: equal bits, or both NaN.
func sameBits[T Float](a, b T) bool {
	if a != a && b != b {
		return true
	}
	if unsafe.Sizeof(a) == 4 {
		return math.Float32bits(float32(a)) == math.Float32bits(float32(b))
	}
	return math.Float64bits(float64(a)) == math.Float64bits(float64(b))
}

// guard is the value written around each output, which a kernel must not touch.
const guard = 1234.5

// checkLengths runs kernel over every length 0..300 at every offset 0..3 into a
// destination with guards on both sides and compares each element with want(i).
func checkLengths[T Float](t *testing.T, name string, rng *rand.Rand,
	run func(dst []T, in [4][]T), want func(in [4][]T, i int) T) {
	t.Helper()
	const pad = 8
	for n := 0; n <= 300; n++ {
		off := n % 4
		var in [4][]T
		for k := range in {
			in[k] = testValues[T](rng, n+off)[off:]
		}
		buf := make([]T, n+off+2*pad)
		for i := range buf {
			buf[i] = guard
		}
		dst := buf[pad+off : pad+off+n]
		run(dst, in)
		for i := range dst {
			if w := want(in, i); !sameBits(dst[i], w) {
				t.Fatalf("%s n=%d: element %d is %v, want %v (inputs %v %v %v %v)", name, n, i,
					dst[i], w, in[0][i], in[1][i], in[2][i], in[3][i])
			}
		}
		for i, v := range buf {
			if (i < pad+off || i >= pad+off+n) && v != guard {
				t.Fatalf("%s n=%d: wrote outside dst at %d", name, n, i-pad-off)
			}
		}
	}
}

// fusedCases pair each fused loop with its reference expression, unfused: each
// operation rounded to T.
func fusedCases[T Float](s, u, v T) []struct {
	name string
	loop func(Fused) FusedLoop[T]
	want func(x, y, z, w T) T
} {
	pick := func(f Fused) FusedLoop[T] {
		var l any = f.F64
		if unsafe.Sizeof(s) == 4 {
			l = f.F32
		}
		return l.(FusedLoop[T])
	}
	return []struct {
		name string
		loop func(Fused) FusedLoop[T]
		want func(x, y, z, w T) T
	}{
		{"AddScaled", func(Fused) FusedLoop[T] { return pick(AddScaled) }, func(x, y, _, _ T) T { return y + T(x*s) }},
		{"ScaledSub", func(Fused) FusedLoop[T] { return pick(ScaledSub) }, func(x, y, _, _ T) T { return T(x*s) - y }},
		{"AddScaled2", func(Fused) FusedLoop[T] { return pick(AddScaled2) }, func(x, y, _, _ T) T { return T(x*s) + T(y*u) }},
		{"AddScaledProd", func(Fused) FusedLoop[T] { return pick(AddScaledProd) }, func(x, y, z, _ T) T { return T(x*s) + T(T(y*z)*u) }},
		{"AddProd", func(Fused) FusedLoop[T] { return pick(AddProd) }, func(x, y, z, _ T) T { return z + T(x*y) }},
		{"SubProd", func(Fused) FusedLoop[T] { return pick(SubProd) }, func(x, y, z, _ T) T { return z - T(x*y) }},
		{"ProdSub", func(Fused) FusedLoop[T] { return pick(ProdSub) }, func(x, y, z, _ T) T { return T(x*y) - z }},
		{"AddProd2", func(Fused) FusedLoop[T] { return pick(AddProd2) }, func(x, y, z, w T) T { return T(x*y) + T(z*w) }},
		{"SubProd2", func(Fused) FusedLoop[T] { return pick(SubProd2) }, func(x, y, z, w T) T { return T(x*y) - T(z*w) }},
		{"AddScaled3", func(Fused) FusedLoop[T] { return pick(AddScaled3) }, func(x, y, z, _ T) T { return T(T(x*s)+T(y*u)) + T(z*v) }},
		{"AddScaledProdScaled", func(Fused) FusedLoop[T] { return pick(AddScaledProdScaled) }, func(x, y, z, w T) T {
			return T(T(x*s)+T(T(y*z)*u)) + T(w*v)
		}},
		{"SqrtAddProd2", func(Fused) FusedLoop[T] { return pick(SqrtAddProd2) }, func(x, y, z, w T) T {
			return T(math.Sqrt(float64(T(x*y) + T(z*w))))
		}},
	}
}

func TestFusedLoops(t *testing.T) {
	testFusedLoops[float64](t)
	testFusedLoops[float32](t)
}

func testFusedLoops[T Float](t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sc := range [][3]float64{{3, 0.25, -0.25}, {-2.5, math.Copysign(0, -1), 2}, {math.Inf(1), math.NaN(), 1e-300}, {1e300, -1e-300, 7}} {
		s, u, v := T(sc[0]), T(sc[1]), T(sc[2])
		for _, c := range fusedCases[T](s, u, v) {
			loop := c.loop(Fused{})
			o := Operands[T]{S: [3]float64{float64(s), float64(u), float64(v)}}
			checkLengths(t, c.name, rng, func(dst []T, in [4][]T) {
				o.V = in
				loop(dst, o)
			}, func(in [4][]T, i int) T { return c.want(in[0][i], in[1][i], in[2][i], in[3][i]) })
		}
	}
}

func TestWhereCompare(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ops := map[ir.Op]func(a, b float64) bool{
		ir.OpLt: func(a, b float64) bool { return a < b }, ir.OpLe: func(a, b float64) bool { return a <= b },
		ir.OpEq: func(a, b float64) bool { return a == b }, ir.OpNe: func(a, b float64) bool { return a != b },
		ir.OpGe: func(a, b float64) bool { return a >= b }, ir.OpGt: func(a, b float64) bool { return a > b },
	}
	for op, cmp := range ops {
		for _, s := range []float64{0.5, 0, 0.1, math.NaN(), math.Inf(-1), 1e300} {
			f, _ := WhereCompare(op, false)
			wide, _ := WhereCompare(op, true)
			o64 := Operands[float64]{S: [3]float64{s}}
			checkLengths(t, "where "+op.String(), rng, func(dst []float64, in [4][]float64) {
				o64.V = in
				f.F64(dst, o64)
			}, func(in [4][]float64, i int) float64 { return pick(cmp(in[0][i], s), in[1][i], in[2][i]) })
			o32 := Operands[float32]{S: [3]float64{float64(float32(s))}}
			checkLengths(t, "where "+op.String(), rng, func(dst []float32, in [4][]float32) {
				o32.V = in
				f.F32(dst, o32)
			}, func(in [4][]float32, i int) float32 {
				return pick(cmp(float64(in[0][i]), float64(float32(s))), in[1][i], in[2][i])
			})
			ow := Operands[float32]{S: [3]float64{s}}
			checkLengths(t, "wide where "+op.String(), rng, func(dst []float32, in [4][]float32) {
				ow.V = in
				wide.F32(dst, ow)
			}, func(in [4][]float32, i int) float32 { return pick(cmp(float64(in[0][i]), s), in[1][i], in[2][i]) })
		}
	}
}

func pick[T any](c bool, x, y T) T {
	if c {
		return x
	}
	return y
}

func TestFusedKernelOperands(t *testing.T) {
	x := []float32{1, 2, 3, 4, 5}
	y := []float32{10, 20, 30, 40, 50}
	s := float32(2)
	dst := make([]float32, 5)
	// x*s + x*t, x given once for two operands, s a float32 argument negated, t a
	// constant.
	k := FusedKernel(AddScaled2.F32, []int{0, 0}, []Leaf{{Arg: 2, Float32: true, Neg: true}, {Arg: -1, Const: 0.5}})
	k(5, unsafe.Pointer(&dst[0]), &[3]unsafe.Pointer{unsafe.Pointer(&x[0]), unsafe.Pointer(&y[0]), unsafe.Pointer(&s)})
	for i := range dst {
		if want := x[i]*-2 + x[i]*0.5; dst[i] != want {
			t.Fatalf("element %d: %v, want %v", i, dst[i], want)
		}
	}
}

func TestFusedKernelNoAllocs(t *testing.T) {
	x, dst := make([]float64, 100), make([]float64, 100)
	s := 2.0
	k := FusedKernel(AddScaledProd.F64, []int{0, 0, 1}, []Leaf{{Arg: 2}, {Arg: -1, Const: 3}})
	args := [3]unsafe.Pointer{ptr(x), ptr(x), unsafe.Pointer(&s)}
	if n := testing.AllocsPerRun(10, func() { k(len(dst), ptr(dst), &args) }); n != 0 {
		t.Errorf("a fused kernel allocates %v times per call", n)
	}
}
