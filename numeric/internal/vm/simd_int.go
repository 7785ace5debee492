package vm

import (
	"math"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// Integer % and // on the SIMD backend. x86 has no vector integer division, and the
// generic kernels divide one element at a time (IDIV, a call per element). Integers
// below 2^52 in magnitude are exact in float64, where asm's vector fmod is exact too:
// the remainder r = fmod(x, y) is the integer remainder, r + y (Python's sign rule)
// is exact, and so is (x - r) / y, an exact multiple of y below 2^53. Every int32 takes
// this path; int64 chunks with a value from 2^52 on keep the generic rule. y = 0 and
// y = -1 give the generic kernels' 0 and wrapping -x by selects.

// intExact is the bound below which an int64 takes the float64 path.
const intExact = 1 << 52

func init() {
	registerIntDivMod[int32]()
	registerIntDivMod[int64]()
}

func registerIntDivMod[T generic.Int]() {
	t := generic.DTypeOf[T]()
	for _, floor := range []bool{false, true} {
		op := ir.OpMod
		if floor {
			op = ir.OpFloorDiv
		}
		k := intDivMod[T](floor)
		simdKernels[kernelKey{op, t, t}] = generic.Binary(k)
		simdScalarKernels[scalarKey{op, t, t, 1}] = generic.ScalarRight(func(dst, x []T, s T) {
			var yb [divChunk]T
			for i := range yb {
				yb[i] = s
			}
			for len(dst) > 0 {
				n := min(len(dst), divChunk)
				k(dst[:n], x[:n], yb[:n])
				dst, x = dst[n:], x[n:]
			}
		})
	}
}

// toF64 widens x into dst and reports whether every value is below intExact in
// magnitude (always for int32).
func toF64[T generic.Int](dst []float64, x []T) bool {
	switch x := any(x).(type) {
	case []int32:
		asm.Int32ToF64(dst, x)
		return true
	case []int64:
		for _, v := range x {
			if v >= intExact || v <= -intExact {
				return false
			}
		}
		asm.Int64ToF64(dst, x)
	}
	return true
}

// intDivMod is generic.FloorDivInt (floor) or generic.ModInt over slices, the same
// values.
func intDivMod[T generic.Int](floor bool) func(dst, x, y []T) {
	return func(dst, x, y []T) {
		var xb, yb, rb [divChunk]float64
		for len(dst) > 0 {
			n := min(len(dst), divChunk)
			if !toF64(xb[:n], x[:n]) || !toF64(yb[:n], y[:n]) {
				for i, yi := range y[:n] {
					if floor {
						dst[i] = generic.FloorDivInt(x[i], yi)
					} else {
						dst[i] = generic.ModInt(x[i], yi)
					}
				}
				dst, x, y = dst[n:], x[n:], y[n:]
				continue
			}
			asm.FmodF64(rb[:n], xb[:n], yb[:n])
			for i, yi := range y[:n] {
				xi, yf, r := x[i], yb[i], rb[i]
				rbits, abits := math.Float64bits(r), math.Float64bits(r+yf)
				if r != 0 && (r < 0) != (yf < 0) {
					rbits = abits
				}
				r = math.Float64frombits(rbits)
				if floor {
					r = (xb[i] - r) / yf
				}
				var v T
				if yi != 0 { // r is NaN for y = 0
					v = T(r)
				}
				if yi == -1 {
					v = 0
					if floor {
						v = -xi
					}
				}
				dst[i] = v
			}
			dst, x, y = dst[n:], x[n:], y[n:]
		}
	}
}
