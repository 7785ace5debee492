package vm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
)

// canonical is the 1-D canonical sum (product) written out (docs/language.md,
// Reductions): blocks of exec.BlockSize, element i of a block into accumulator i mod
// lanes, the accumulators folded in halves, the blocks' results widened and combined
// pairwise.
func canonical[T float32 | float64](x []T, lanes int, prod bool) float64 {
	op := func(a, b T) T { return a + b }
	op64 := func(a, b float64) float64 { return a + b }
	var start T
	if prod {
		op = func(a, b T) T { return a * b }
		op64 = func(a, b float64) float64 { return a * b }
		start = 1
	}
	if len(x) == 0 {
		return float64(start)
	}
	var parts []float64
	for lo := 0; lo < len(x); lo += exec.BlockSize {
		acc := make([]T, lanes)
		for j := range acc {
			acc[j] = start
		}
		for i, v := range x[lo:min(lo+exec.BlockSize, len(x))] {
			acc[i%lanes] = op(acc[i%lanes], v)
		}
		for h := lanes / 2; h > 0; h /= 2 {
			for j := range h {
				acc[j] = op(acc[j], acc[j+h])
			}
		}
		parts = append(parts, float64(acc[0]))
	}
	return exec.Pairwise(parts, op64)
}

// sameBits is bit equality, any NaN equal to any NaN.
func sameBits(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b
}

// colValue is an element of a test array: values from 1e-3 to 1e8 of both signs, so
// that any other order of the additions changes low bits (for products, from 0.9 to
// 1.1), with -0 and, when special, a few infinities and NaNs.
func colValue[T float32 | float64](r *rand.Rand, special, prod bool) T {
	switch k := r.IntN(200); {
	case k == 0 && (special || !prod): // a zero makes a product 0: only with the specials
		return T(math.Copysign(0, -1))
	case special && k == 1:
		return T(math.Inf(1))
	case special && k == 2:
		return T(math.Inf(-1))
	case special && k == 3:
		return T(math.NaN())
	}
	if prod {
		return T(0.9 + 0.2*r.Float64())
	}
	return T((r.Float64() - 0.3) * math.Pow(10, float64(r.IntN(12)-3)))
}

// ColumnReduce gives every column the bits of the canonical sum (product) of that column, for lengths
// around the accumulator counts and the block size, widths around the vector widths,
// outer blocks, special values and any thread count (the residue classes split among
// threads or not), float64 and float32, with the asm kernels and their twins.
func TestColumnReduceBits(t *testing.T) {
	type shape struct{ pre, length, post int }
	shapes := []shape{{1, 1, 1}, {1, 2, 9}, {1, 3, 8}, {2, 31, 17}, {1, 32, 7}, {1, 33, 16}, {3, 63, 5},
		{1, 64, 33}, {1, 65, 15}, {1, 127, 31}, {2, 255, 100}, {1, 257, 64}, {1, 4095, 3}, {1, 4096, 9},
		{2, 4097, 11}, {1, 8193, 2}, {1, 2001, 130}, {1, 700, 1}, {1, 300, 777}, {1, 65, 3000}, {2, 97, 700}, {1, 3, 30000}}
	for _, level := range []asm.Level{asm.Supported(), asm.LevelNone} {
		prev := asm.Active()
		asm.SetLevel(level)
		for _, s := range shapes {
			for _, c := range []struct{ special, prod bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
				r := rand.New(rand.NewPCG(uint64(s.length), uint64(s.post)))
				d64 := make([]float64, s.pre*s.length*s.post)
				d32 := make([]float32, len(d64))
				for i := range d64 {
					d64[i] = colValue[float64](r, c.special, c.prod)
					d32[i] = colValue[float32](r, c.special, c.prod)
				}
				name := fmt.Sprintf("%v %dx%dx%d special=%v prod=%v", level, s.pre, s.length, s.post, c.special, c.prod)
				checkColumns(t, name+" float64", d64, s.pre, s.length, s.post, 32, c.prod, 1, 2, 3, 7)
				checkColumns(t, name+" float32", d32, s.pre, s.length, s.post, 64, c.prod, 1, 2, 3, 7)
			}
		}
		asm.SetLevel(prev)
	}
}

// checkColumns compares ColumnReduce at each thread count with the canonical loop
// over each column.
func checkColumns[T float32 | float64](t *testing.T, name string, x []T, pre, length, post, lanes int, prod bool, threads ...int) {
	t.Helper()
	want := make([]float64, 0, pre*post)
	col := make([]T, length)
	for b := range pre {
		for j := range post {
			for i := range col {
				col[i] = x[(b*length+i)*post+j]
			}
			want = append(want, canonical(col, lanes, prod))
		}
	}
	for _, th := range threads {
		got := ColumnReduce(x, pre, length, post, th, prod)
		if len(got) != len(want) {
			t.Fatalf("%s threads=%d: %d values, want %d", name, th, len(got), len(want))
		}
		for i := range want {
			if !sameBits(got[i], want[i]) {
				t.Fatalf("%s threads=%d: column (%d, %d) = %v (%#x), want %v (%#x)", name, th, i/post, i%post,
					got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
			}
		}
	}
}

// Arrays wider than one tile's accumulators are cut into strips of columns, and
// empty columns give the identity.
func TestColumnReduceStripsAndEmpty(t *testing.T) {
	// 32 accumulator rows × 17000 × 8 bytes > colAccBytes, and 40 rows are few per
	// class (strips of colAccShort); with 300 rows, strips of colAccBytes.
	for _, s := range [][3]int{{2, 40, 17000}, {1, 300, 17000}} {
		x := make([]float64, s[0]*s[1]*s[2])
		r := rand.New(rand.NewPCG(1, 2))
		for i := range x {
			x[i] = colValue[float64](r, false, false)
		}
		checkColumns(t, fmt.Sprint(s), x, s[0], s[1], s[2], 32, false, 1, 2, 5)
	}
	for _, s := range [][3]int{{0, 5, 3}, {2, 0, 3}, {2, 5, 0}} {
		for _, prod := range []bool{false, true} {
			got := ColumnReduce([]float32{}, s[0], s[1], s[2], 2, prod)
			if len(got) != s[0]*s[2] {
				t.Fatalf("%v: %d values, want %d", s, len(got), s[0]*s[2])
			}
			for _, v := range got {
				if want := map[bool]float64{true: 1}[prod]; v != want || math.Signbit(v) {
					t.Fatalf("%v prod=%v: %v, want %vs", s, prod, got, want)
				}
			}
		}
	}
}

// colGroups splits a tile's classes when there are fewer tiles than workers, and
// never more than the active accumulators.
func TestColGroups(t *testing.T) {
	for _, c := range []struct{ tiles, workers, active, want int }{
		{1, 2, 32, 2}, {1, 3, 32, 3}, {1, 8, 32, 8}, {1, 8, 3, 3}, {2, 2, 32, 1}, {4, 2, 32, 1},
		{2, 3, 32, 3}, {1, 1, 32, 1}, {3, 2, 32, 1}, {39, 2, 20, 1}, {1, 64, 32, 32}, {5, 8, 32, 8},
	} {
		if got := colGroups(c.tiles, c.workers, c.active); got != c.want {
			t.Errorf("colGroups(%d tiles, %d workers, %d active) = %d, want %d", c.tiles, c.workers, c.active, got, c.want)
		}
	}
}

// BenchmarkColumnReduce times float64 column sums of 2·10⁷ elements in a few shapes
// (rows×columns) on two threads.
func BenchmarkColumnReduce(b *testing.B) {
	for _, s := range [][2]int{{2000, 10000}, {20000, 1000}, {20, 1000000}, {2000000, 10}, {200, 100000}} {
		x := make([]float64, s[0]*s[1])
		for i := range x {
			x[i] = float64(i%1000) * 0.001
		}
		b.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(b *testing.B) {
			b.SetBytes(int64(len(x) * 8))
			for b.Loop() {
				ColumnReduce(x, 1, s[0], s[1], 2, false)
			}
		})
	}
}
