package asm

import "math"

// Vector math: exp, log, trigonometric and hyperbolic functions over slices.
//
// Every function has the shape F(dst, x) (binary ones F(dst, x, y)), sets
// dst[i] = f(x[i]) for every i, allows dst to alias x, and panics, before writing
// anything, if dst and the inputs differ in length (see Lengths in the package doc). Special values follow Go's math package (C99 Annex F): NaN in gives
// NaN out, ±0, ±Inf and domain errors give what math.F gives. Away from special
// values every result is within 1 ULP of the exact value; the tests check this
// against mpmath references in testdata/ulp for every level the CPU supports.
//
// Every function has AVX-512 and AVX2 assembly (math_*_amd64.s) that is
// bit-identical to its pure-Go twin, the element kernel it vectorizes step by step
// (math_exp.go, math_log.go, math_sincos.go and the family files math_expfam*,
// math_logfam*, math_trig*, math_pow*): branch-free over lanes, special values
// blended in. The rare lanes a vector kernel does not take are finished in Go by
// the twin: sin, cos and tan arguments beyond 2^30 (float32: 2^24), which need a
// Payne–Hanek reduction, and pow lanes off its fast path (special values, results
// near overflow or underflow). On arm64, float64 exp, log, sin and cos have NEON
// assembly (math_neon_arm64.s, two lanes per register); the other functions there, and
// every function with -tags noasm, run the twins.
//
// float32 exp, log, log2, log10, log1p, exp2, tanh, arctan, arctan2, arcsin and
// arccos compute in float32 lanes (16 per zmm; their twins emulate a float32 FMA
// exactly); the other float32 functions compute in float64 lanes (8 per zmm) with
// lower-degree polynomials (arcsinh, arccosh, arctanh: a short logarithm without the
// float64 kernels' double-double terms, math_f32_hyp.go) and round once at the end.
//
// Go may fuse x*y + z into one FMA (arm64, ppc64le, s390x, riscv64, amd64 with
// GOAMD64=v3), which breaks the exact steps of the twins: two-sum, two-product,
// double-double arithmetic and the Cody–Waite reductions. So the twins write the
// products that feed an addition or subtraction as float64(x*y), which the compiler
// never fuses, and use math.FMA where a fused step is meant (where the assembly uses
// one); they then give the same bits on every architecture. This lists the sites
// the compiler still fuses (none in math_*.go; float32 products are written float32(x*y)):
//
//	GOARCH=arm64 go build -a -gcflags='github.com/numkit/numkit/asm=-d=fmahash=vy' ./asm/

// MathFunc describes one vector math function for benchmarks and accuracy reports.
type MathFunc struct {
	Name  string // the name in numkit's expression language: "exp", "arctan2", ...
	Arity int    // 1 or 2

	// Arity 1: F64 and F32 are set. Arity 2: F64x2 and F32x2 are set.
	F64   func(dst, x []float64)
	F32   func(dst, x []float32)
	F64x2 func(dst, x, y []float64)
	F32x2 func(dst, x, y []float32)

	// Go64 is the scalar function from Go's math package with the same semantics
	// (Go64x2 for arity 2); benchmarks use it as the baseline.
	Go64   func(float64) float64
	Go64x2 func(float64, float64) float64

	MaxULP float64 // the error bound the tests assert, in ULPs of the result type
}

// MathFuncs lists every vector math function, in a fixed order.
func MathFuncs() []MathFunc {
	return []MathFunc{
		unary("exp", ExpF64, ExpF32, math.Exp),
		unary("expm1", Expm1F64, Expm1F32, math.Expm1),
		unary("exp2", Exp2F64, Exp2F32, math.Exp2),
		unary("log", LogF64, LogF32, math.Log),
		unary("log1p", Log1pF64, Log1pF32, math.Log1p),
		unary("log2", Log2F64, Log2F32, math.Log2),
		unary("log10", Log10F64, Log10F32, math.Log10),
		unary("sin", SinF64, SinF32, math.Sin),
		unary("cos", CosF64, CosF32, math.Cos),
		unary("tan", TanF64, TanF32, math.Tan),
		unary("tanh", TanhF64, TanhF32, math.Tanh),
		unary("sinh", SinhF64, SinhF32, math.Sinh),
		unary("cosh", CoshF64, CoshF32, math.Cosh),
		unary("arctan", AtanF64, AtanF32, math.Atan),
		unary("arcsin", AsinF64, AsinF32, math.Asin),
		unary("arccos", AcosF64, AcosF32, math.Acos),
		unary("arcsinh", AsinhF64, AsinhF32, math.Asinh),
		unary("arccosh", AcoshF64, AcoshF32, math.Acosh),
		unary("arctanh", AtanhF64, AtanhF32, math.Atanh),
		binary("arctan2", Atan2F64, Atan2F32, math.Atan2),
		binary("pow", PowF64, PowF32, math.Pow),
	}
}

func unary(name string, f64 func(dst, x []float64), f32 func(dst, x []float32), g func(float64) float64) MathFunc {
	return MathFunc{Name: name, Arity: 1, F64: f64, F32: f32, Go64: g, MaxULP: 1}
}

func binary(name string, f64 func(dst, x, y []float64), f32 func(dst, x, y []float32), g func(float64, float64) float64) MathFunc {
	return MathFunc{Name: name, Arity: 2, F64x2: f64, F32x2: f32, Go64x2: g, MaxULP: 1}
}
