package generic

import (
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// The unrolled and branch-free loops against one-element-at-a-time references, at every
// length 0..300, with guards around the destination.

func TestArithKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ops := map[ir.Op]func(x, y float64) float64{
		ir.OpAdd: func(x, y float64) float64 { return x + y },
		ir.OpSub: func(x, y float64) float64 { return x - y },
		ir.OpMul: func(x, y float64) float64 { return x * y },
	}
	for op, f := range ops {
		k := Lookup(op, ir.Float32, ir.Float32)
		checkLengths(t, op.String(), rng, func(dst []float32, in [4][]float32) {
			k(len(dst), ptr(dst), &[3]unsafe.Pointer{ptr(in[0]), ptr(in[1])})
		}, func(in [4][]float32, i int) float32 { return float32(f(float64(in[0][i]), float64(in[1][i]))) })
		for pos := range 2 {
			k := LookupScalar(op, ir.Float32, ir.Float32, pos)
			s := float32(-1.75)
			checkLengths(t, op.String()+" scalar", rng, func(dst []float32, in [4][]float32) {
				args := [3]unsafe.Pointer{ptr(in[0]), ptr(in[0])}
				args[pos] = unsafe.Pointer(&s)
				k(len(dst), ptr(dst), &args)
			}, func(in [4][]float32, i int) float32 {
				if pos == 0 {
					return float32(f(float64(s), float64(in[0][i])))
				}
				return float32(f(float64(in[0][i]), float64(s)))
			})
		}
	}
	// Integers wrap the same way unrolled.
	x := []int32{1 << 30, -7, 3, 1<<31 - 1, 5}
	y := []int32{4, 9, -2, 2, 5}
	dst := make([]int32, len(x))
	Mul(dst, x, y)
	for i := range dst {
		if dst[i] != x[i]*y[i] {
			t.Fatalf("int32 mul element %d: %d", i, dst[i])
		}
	}
}

func TestCompareScalarKernels(t *testing.T) {
	x := []float64{0, 1, 2, -1, 0.5, 0.5, 3, 0, 0, 0}
	x[7] = x[7] / x[8] // NaN
	ops := map[ir.Op]func(a, b float64) bool{
		ir.OpLt: func(a, b float64) bool { return a < b }, ir.OpLe: func(a, b float64) bool { return a <= b },
		ir.OpEq: func(a, b float64) bool { return a == b }, ir.OpNe: func(a, b float64) bool { return a != b },
		ir.OpGe: func(a, b float64) bool { return a >= b }, ir.OpGt: func(a, b float64) bool { return a > b },
	}
	for op, cmp := range ops {
		for pos := range 2 {
			k := LookupScalar(op, ir.Bool, ir.Float64, pos)
			s := 0.5
			args := [3]unsafe.Pointer{ptr(x), ptr(x)}
			args[pos] = unsafe.Pointer(&s)
			dst := make([]bool, len(x))
			k(len(x), ptr(dst), &args)
			for i := range x {
				want := cmp(x[i], s)
				if pos == 0 {
					want = cmp(s, x[i])
				}
				if dst[i] != want {
					t.Errorf("%s pos %d: element %d (%v) is %v", op, pos, i, x[i], dst[i])
				}
			}
		}
	}
}

func TestWhereKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for n := range 300 {
		c := make([]bool, n)
		for i := range c {
			c[i] = rng.IntN(2) == 0
		}
		checkWhere(t, c, func() float64 { return rng.Float64() })
		checkWhere(t, c, func() float32 { return rng.Float32() })
		checkWhere(t, c, func() int32 { return rng.Int32() })
		checkWhere(t, c, func() bool { return rng.IntN(2) == 0 })
	}
}

func checkWhere[T Elem](t *testing.T, c []bool, gen func() T) {
	t.Helper()
	n := len(c)
	x, y := make([]T, n), make([]T, n)
	for i := range x {
		x[i], y[i] = gen(), gen()
	}
	buf := make([]T, n+2)
	g := gen()
	buf[0], buf[n+1] = g, g
	Where(buf[1:n+1], c, x, y)
	for i := range c {
		want := y[i]
		if c[i] {
			want = x[i]
		}
		if buf[i+1] != want {
			t.Fatalf("%T n=%d: element %d", x, n, i)
		}
	}
	if buf[0] != g || buf[n+1] != g {
		t.Fatalf("%T n=%d: wrote outside dst", x, n)
	}
}

func ptr[T any](s []T) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(s)) }
