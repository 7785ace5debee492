package vm

import (
	"math"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/internal/stats"
	"github.com/numkit/numkit/numeric/ir"
)

// simdBackend returns the SIMD backend: the block VM with package asm's kernels for
// float32 and float64 arithmetic, comparisons, selection, conversions, vector math and
// reductions, and the generic kernels for the rest (integers, bools).
func simdBackend() *Backend {
	simdOnce.Do(func() {
		hw.SIMDLevel() // applies the SIMD policy and NUMKIT_SIMD to package asm
		simd = &Backend{
			name:      exec.BackendSIMD,
			overrides: func(op ir.Op, typ, from ir.DType) generic.Kernel { return simdKernels[kernelKey{op, typ, from}] },
			reducers:  simdReducer,
			scalars: func(op ir.Op, typ, from ir.DType, pos int) generic.Kernel {
				return simdScalarKernels[scalarKey{op, typ, from, pos}]
			},
			asmFused: true,
		}
	})
	return simd
}

var (
	simdOnce sync.Once
	simd     *Backend
)

// simdFastBackend returns the SIMD backend of the fast accuracy mode (Options.Fast):
// the functions of asm.FastMathFuncs run their fast kernels (within 4 ULP instead of
// 1; simdFastKernels), everything else the SIMD backend's kernels.
func simdFastBackend() *Backend {
	simdFastOnce.Do(func() {
		base := simdBackend()
		fast := *base
		fast.overrides = func(op ir.Op, typ, from ir.DType) generic.Kernel {
			if k := simdFastKernels[kernelKey{op, typ, from}]; k != nil {
				return k
			}
			return base.overrides(op, typ, from)
		}
		fast.fast = true
		simdFast = &fast
	})
	return simdFast
}

var (
	simdFastOnce sync.Once
	simdFast     *Backend
)

// simdFastKernels are the fast accuracy mode's kernels (asm.FastMathFuncs): exp, sin
// and cos in float64 and float32, log in float32; docs/simd.md has the bounds and the
// measured errors.
var simdFastKernels = map[kernelKey]generic.Kernel{
	{ir.OpExp, ir.Float64, ir.Float64}: generic.Unary(asm.ExpFastF64),
	{ir.OpExp, ir.Float32, ir.Float32}: generic.Unary(asm.ExpFastF32),
	{ir.OpLog, ir.Float32, ir.Float32}: generic.Unary(asm.LogFastF32),
	{ir.OpSin, ir.Float64, ir.Float64}: generic.Unary(asm.SinFastF64),
	{ir.OpCos, ir.Float64, ir.Float64}: generic.Unary(asm.CosFastF64),
	{ir.OpSin, ir.Float32, ir.Float32}: generic.Unary(asm.SinFastF32),
	{ir.OpCos, ir.Float32, ir.Float32}: generic.Unary(asm.CosFastF32),
}

type kernelKey struct {
	op        ir.Op
	typ, from ir.DType
}

var simdKernels = map[kernelKey]generic.Kernel{}

type scalarKey struct {
	op        ir.Op
	typ, from ir.DType
	pos       int
}

// simdScalarKernels take one operand as a single value (see generic.LookupScalar).
var simdScalarKernels = map[scalarKey]generic.Kernel{}

// asmSqrtAddProd2 is asm's generic.SqrtAddProd2 (the fusion table's asm loop for
// sqrt(x*y + z*w)); sqrt(a*a + b*b) past the caches is bound by the scalar square root
// in pure Go.
var asmSqrtAddProd2 = generic.Fused{
	F32: func(dst []float32, o generic.Operands[float32]) {
		asm.SqrtAddProd2F32(dst, o.V[0], o.V[1], o.V[2], o.V[3])
	},
	F64: func(dst []float64, o generic.Operands[float64]) {
		asm.SqrtAddProd2F64(dst, o.V[0], o.V[1], o.V[2], o.V[3])
	},
}

// asmAddScaledProdScaled is asm's generic.AddScaledProdScaled, the asm loop of every
// row of the fusion table that computes (x*s + (y*z)*t) + w*u such as 2*a + 3*b**2 - c/4; the scalars are float64
// holding a float32 exactly, so converting them back is exact.
var asmAddScaledProdScaled = generic.Fused{
	F32: func(dst []float32, o generic.Operands[float32]) {
		asm.AddScaledProdScaledF32(dst, o.V[0], o.V[1], o.V[2], o.V[3],
			float32(o.S[0]), float32(o.S[1]), float32(o.S[2]))
	},
	F64: func(dst []float64, o generic.Operands[float64]) {
		asm.AddScaledProdScaledF64(dst, o.V[0], o.V[1], o.V[2], o.V[3], o.S[0], o.S[1], o.S[2])
	},
}

func init() {
	f64, f32, b := ir.Float64, ir.Float32, ir.Bool
	// right registers x op s; left registers s op x, computed by an equivalent kernel
	// (s + x == x + s and s < x == x > s exactly, NaN included).
	right := func(op ir.Op, k64 func([]float64, []float64, float64), k32 func([]float32, []float32, float32)) {
		simdScalarKernels[scalarKey{op, f64, f64, 1}] = generic.ScalarRight(k64)
		simdScalarKernels[scalarKey{op, f32, f32, 1}] = generic.ScalarRight(k32)
	}
	left := func(op ir.Op, k64 func([]float64, []float64, float64), k32 func([]float32, []float32, float32)) {
		simdScalarKernels[scalarKey{op, f64, f64, 0}] = generic.ScalarLeft(k64)
		simdScalarKernels[scalarKey{op, f32, f32, 0}] = generic.ScalarLeft(k32)
	}
	right(ir.OpAdd, asm.AddScalarF64, asm.AddScalarF32)
	left(ir.OpAdd, asm.AddScalarF64, asm.AddScalarF32)
	right(ir.OpMul, asm.MulScalarF64, asm.MulScalarF32)
	left(ir.OpMul, asm.MulScalarF64, asm.MulScalarF32)
	right(ir.OpSub, asm.SubScalarF64, asm.SubScalarF32)
	left(ir.OpSub, asm.ScalarSubF64, asm.ScalarSubF32)
	right(ir.OpDiv, asm.DivScalarF64, asm.DivScalarF32)
	left(ir.OpDiv, asm.ScalarDivF64, asm.ScalarDivF32)
	// s ** y: the base's logarithm once per call (PowF64's bits; asm/math_pow_scalar.go).
	left(ir.OpPow, asm.ScalarPowF64, asm.ScalarPowF32)
	cmp := func(op, mirror ir.Op, k64 func([]bool, []float64, float64), k32 func([]bool, []float32, float32)) {
		simdScalarKernels[scalarKey{op, b, f64, 1}] = generic.ScalarRight(k64)
		simdScalarKernels[scalarKey{op, b, f32, 1}] = generic.ScalarRight(k32)
		simdScalarKernels[scalarKey{mirror, b, f64, 0}] = generic.ScalarLeft(k64)
		simdScalarKernels[scalarKey{mirror, b, f32, 0}] = generic.ScalarLeft(k32)
	}
	cmp(ir.OpLt, ir.OpGt, asm.LessScalarF64, asm.LessScalarF32)
	cmp(ir.OpLe, ir.OpGe, asm.LessEqScalarF64, asm.LessEqScalarF32)
	cmp(ir.OpGt, ir.OpLt, asm.GreaterScalarF64, asm.GreaterScalarF32)
	cmp(ir.OpGe, ir.OpLe, asm.GreaterEqScalarF64, asm.GreaterEqScalarF32)
	cmp(ir.OpEq, ir.OpEq, asm.EqualScalarF64, asm.EqualScalarF32)
	cmp(ir.OpNe, ir.OpNe, asm.NotEqualScalarF64, asm.NotEqualScalarF32)
}

func init() {
	f64, f32, b := ir.Float64, ir.Float32, ir.Bool
	binary := func(op ir.Op, k64 func(dst, x, y []float64), k32 func(dst, x, y []float32)) {
		simdKernels[kernelKey{op, f64, f64}] = generic.Binary(k64)
		simdKernels[kernelKey{op, f32, f32}] = generic.Binary(k32)
	}
	unary := func(op ir.Op, k64 func(dst, x []float64), k32 func(dst, x []float32)) {
		simdKernels[kernelKey{op, f64, f64}] = generic.Unary(k64)
		simdKernels[kernelKey{op, f32, f32}] = generic.Unary(k32)
	}
	compare := func(op ir.Op, k64 func(dst []bool, x, y []float64), k32 func(dst []bool, x, y []float32)) {
		simdKernels[kernelKey{op, b, f64}] = generic.Binary(k64)
		simdKernels[kernelKey{op, b, f32}] = generic.Binary(k32)
	}
	binary(ir.OpAdd, asm.AddF64, asm.AddF32)
	binary(ir.OpSub, asm.SubF64, asm.SubF32)
	binary(ir.OpMul, asm.MulF64, asm.MulF32)
	binary(ir.OpDiv, asm.DivF64, asm.DivF32)
	binary(ir.OpMax, asm.MaximumF64, asm.MaximumF32)
	binary(ir.OpMin, asm.MinimumF64, asm.MinimumF32)
	binary(ir.OpAtan2, asm.Atan2F64, asm.Atan2F32)
	binary(ir.OpPow, asm.PowF64, asm.PowF32)
	unary(ir.OpNeg, asm.NegF64, asm.NegF32)
	unary(ir.OpAbs, asm.AbsF64, asm.AbsF32)
	unary(ir.OpSqrt, asm.SqrtF64, asm.SqrtF32)
	unary(ir.OpFloor, asm.FloorF64, asm.FloorF32)
	unary(ir.OpCeil, asm.CeilF64, asm.CeilF32)
	unary(ir.OpRound, asm.RoundF64, asm.RoundF32)
	unary(ir.OpTrunc, asm.TruncF64, asm.TruncF32)
	unary(ir.OpSign, asm.SignF64, asm.SignF32)
	binary(ir.OpCopysign, asm.CopysignF64, asm.CopysignF32)
	unary(ir.OpExp, asm.ExpF64, asm.ExpF32)
	unary(ir.OpExpm1, asm.Expm1F64, asm.Expm1F32)
	unary(ir.OpExp2, asm.Exp2F64, asm.Exp2F32)
	unary(ir.OpLog, asm.LogF64, asm.LogF32)
	unary(ir.OpLog1p, asm.Log1pF64, asm.Log1pF32)
	unary(ir.OpLog2, asm.Log2F64, asm.Log2F32)
	unary(ir.OpLog10, asm.Log10F64, asm.Log10F32)
	unary(ir.OpSin, asm.SinF64, asm.SinF32)
	unary(ir.OpCos, asm.CosF64, asm.CosF32)
	unary(ir.OpTan, asm.TanF64, asm.TanF32)
	unary(ir.OpAsin, asm.AsinF64, asm.AsinF32)
	unary(ir.OpAcos, asm.AcosF64, asm.AcosF32)
	unary(ir.OpAtan, asm.AtanF64, asm.AtanF32)
	unary(ir.OpSinh, asm.SinhF64, asm.SinhF32)
	unary(ir.OpCosh, asm.CoshF64, asm.CoshF32)
	unary(ir.OpTanh, asm.TanhF64, asm.TanhF32)
	unary(ir.OpAsinh, asm.AsinhF64, asm.AsinhF32)
	unary(ir.OpAcosh, asm.AcoshF64, asm.AcoshF32)
	unary(ir.OpAtanh, asm.AtanhF64, asm.AtanhF32)
	binary(ir.OpMod, asm.ModF64, asm.ModF32)
	binary(ir.OpFmod, asm.FmodF64, asm.FmodF32)
	binary(ir.OpFloorDiv, floorDiv[float64], floorDiv[float32])
	compare(ir.OpLt, asm.LessF64, asm.LessF32)
	compare(ir.OpLe, asm.LessEqF64, asm.LessEqF32)
	compare(ir.OpEq, asm.EqualF64, asm.EqualF32)
	compare(ir.OpNe, asm.NotEqualF64, asm.NotEqualF32)
	compare(ir.OpGe, asm.GreaterEqF64, asm.GreaterEqF32)
	compare(ir.OpGt, asm.GreaterF64, asm.GreaterF32)

	simdKernels[kernelKey{ir.OpWhere, f64, f64}] = where(asm.SelectF64)
	simdKernels[kernelKey{ir.OpWhere, f32, f32}] = where(asm.SelectF32)
	simdKernels[kernelKey{ir.OpXor, b, b}] = generic.Binary(asm.XorBool)
	for _, op := range []ir.Op{ir.OpLt, ir.OpLe, ir.OpEq, ir.OpNe, ir.OpGe, ir.OpGt} {
		simdKernels[kernelKey{op, b, b}] = generic.Binary(boolCompare(op))
	}
	simdKernels[kernelKey{ir.OpAnd, b, b}] = generic.Binary(asm.AndBool)
	simdKernels[kernelKey{ir.OpOr, b, b}] = generic.Binary(asm.OrBool)
	simdKernels[kernelKey{ir.OpNot, b, b}] = generic.Unary(asm.NotBool)
	simdKernels[kernelKey{ir.OpCast, f64, ir.Int32}] = generic.Unary(asm.Int32ToF64)
	simdKernels[kernelKey{ir.OpCast, f64, ir.Int64}] = generic.Unary(asm.Int64ToF64)
	simdKernels[kernelKey{ir.OpCast, f64, f32}] = generic.Unary(asm.F32ToF64)
	simdKernels[kernelKey{ir.OpCast, f32, ir.Int32}] = generic.Unary(asm.Int32ToF32)
	simdKernels[kernelKey{ir.OpCast, f32, ir.Int64}] = generic.Unary(asm.Int64ToF32)
	simdKernels[kernelKey{ir.OpCast, f32, f64}] = generic.Unary(asm.F64ToF32)
	simdKernels[kernelKey{ir.OpCast, f64, b}] = generic.Unary(asm.BoolToF64)
	simdKernels[kernelKey{ir.OpCast, f32, b}] = generic.Unary(asm.BoolToF32)
}

// divChunk is the elements per stack chunk of the division kernels below.
const divChunk = 256

// fmodChunk sets m[i] = math.Mod(x[i], y[i]) with asm's vector fmod, exact, through
// float64 for float32 (fmod of float32 values is a float32 value, so the narrowing
// in the callers is exact).
func fmodChunk[T generic.Float](m []float64, x, y []T) {
	switch x := any(x).(type) {
	case []float64:
		asm.FmodF64(m, x, any(y).([]float64))
	case []float32:
		var xb, yb [divChunk]float64
		asm.F32ToF64(xb[:len(x)], x)
		asm.F32ToF64(yb[:len(x)], any(y).([]float32))
		asm.FmodF64(m, xb[:len(x)], yb[:len(x)])
	}
}

// floorDiv is generic.FloorDivFloat over slices, the same bits, with the fmod it
// needs from asm's vector kernel instead of one math.Mod call per element.
func floorDiv[T generic.Float](dst, x, y []T) {
	var mb [divChunk]float64
	for len(dst) > 0 {
		n := min(len(dst), divChunk)
		fmodChunk(mb[:n], x[:n], y[:n])
		for i, yi := range y[:n] {
			xi := x[i]
			if yi == 0 {
				dst[i] = xi / yi
				continue
			}
			// The data-dependent choices are selects on the bits (conditional moves),
			// not branches: with mixed signs or quotients below 1 they mispredict half
			// the time.
			m := T(mb[i])
			div := (xi - m) / yi
			less := div - 1
			db, lb := math.Float64bits(float64(div)), math.Float64bits(float64(less))
			if m != 0 && (yi < 0) != (m < 0) {
				db = lb
			}
			div = T(math.Float64frombits(db))
			f := T(math.Floor(float64(div)))
			if div-f > 0.5 {
				f++
			}
			fb, zb := math.Float64bits(float64(f)), math.Float64bits(math.Copysign(0, float64(xi/yi)))
			if div == 0 {
				fb = zb
			}
			dst[i] = T(math.Float64frombits(fb))
		}
		dst, x, y = dst[n:], x[n:], y[n:]
	}
}

func where[T any](sel func(dst []T, c []bool, x, y []T)) generic.Kernel {
	return func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		if n == 0 {
			return
		}
		sel(unsafe.Slice((*T)(d), n), unsafe.Slice((*bool)(a[0]), n), unsafe.Slice((*T)(a[1]), n), unsafe.Slice((*T)(a[2]), n))
	}
}

// simdReducer sums, multiplies and finds extremes of float blocks with asm's
// multi-accumulator kernels; the rest is generic.
func simdReducer(op ir.ReduceOp, arg ir.DType) (generic.Reducer, bool) {
	if !arg.IsFloat() {
		return generic.Reducer{}, false
	}
	r, ok := generic.LookupReducer(op, arg)
	if !ok {
		return r, false
	}
	f64 := arg == ir.Float64
	block := func(sum64 func([]float64) float64, sum32 func([]float32) float32) func(int, unsafe.Pointer) generic.Partial {
		return func(n int, p unsafe.Pointer) generic.Partial {
			if n == 0 {
				return r.Identity
			}
			if f64 {
				return generic.Partial{F: sum64(unsafe.Slice((*float64)(p), n))}
			}
			return generic.Partial{F: float64(sum32(unsafe.Slice((*float32)(p), n)))}
		}
	}
	switch op {
	case ir.ReduceSum, ir.ReduceMean:
		r.Block = block(asm.SumF64, asm.SumF32)
		r.Dot = func(n int, x, y unsafe.Pointer) generic.Partial {
			if n == 0 {
				return r.Identity
			}
			if f64 {
				return generic.Partial{F: asm.DotF64(unsafe.Slice((*float64)(x), n), unsafe.Slice((*float64)(y), n))}
			}
			return generic.Partial{F: float64(asm.DotF32(unsafe.Slice((*float32)(x), n), unsafe.Slice((*float32)(y), n)))}
		}
	case ir.ReduceProd:
		r.Block = block(asm.ProdF64, asm.ProdF32)
	case ir.ReduceMin:
		r.Block = block(asm.MinF64, asm.MinF32)
	case ir.ReduceMax:
		r.Block = block(asm.MaxF64, asm.MaxF32)
	case ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		r.Block = func(n int, p unsafe.Pointer) generic.Partial {
			if f64 {
				return generic.FromCentral(stats.BlockCentral(unsafe.Slice((*float64)(p), n)))
			}
			return generic.FromCentral(stats.BlockCentral(unsafe.Slice((*float32)(p), n)))
		}
	}
	return r, true
}

// boolCompare is a comparison of bools (false before true) from asm's bool
// operations, in chunks on the stack (dst may alias x or y): x < y is ~x & y, x <= y
// is ~x | y, x == y is ~(x ^ y), x != y is x ^ y, and > and >= swap the operands.
func boolCompare(op ir.Op) func(dst, x, y []bool) {
	return func(dst, x, y []bool) {
		var tb [divChunk]bool
		for len(dst) > 0 {
			n := min(len(dst), divChunk)
			d, a, c, t := dst[:n], x[:n], y[:n], tb[:n]
			switch op {
			case ir.OpLt, ir.OpLe:
				asm.NotBool(t, a)
				if op == ir.OpLt {
					asm.AndBool(d, t, c)
				} else {
					asm.OrBool(d, t, c)
				}
			case ir.OpGt, ir.OpGe:
				asm.NotBool(t, c)
				if op == ir.OpGt {
					asm.AndBool(d, a, t)
				} else {
					asm.OrBool(d, a, t)
				}
			case ir.OpEq:
				asm.XorBool(t, a, c)
				asm.NotBool(d, t)
			default:
				asm.XorBool(d, a, c)
			}
			dst, x, y = dst[n:], x[n:], y[n:]
		}
	}
}
