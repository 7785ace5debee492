package kernels

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// Complex numbers in OpenCL C: a complex128 value is a double2 and a complex64 a
// float2 (x the real part, y the imaginary part), read from and written to arrays of
// their parts with vload2 and vstore2 (which need only the parts' alignment, as Go's
// slices have). Arithmetic, ==, !=, where, real, imag, conj, complex, abs, isnan,
// isinf, isfinite, exp, log and sqrt have code; the products and Smith's quotient
// are the CPU kernels' own operations (FP_CONTRACT is off), so they give the same
// bits; exp, log, sqrt and abs use the device's built-ins (their OpenCL error bounds)
// with numkit's special values, in double precision for complex64 too (they need
// FP64). Anything else with a complex value, complex reductions and complex scalar
// inputs are refused with ErrComplex (the forced backend reports it; auto runs the
// program on the CPU).

// ErrComplex is wrapped by Generate's error for a complex operation the OpenCL
// generator has no code for.
var ErrComplex = errors.New("not supported on complex numbers by the OpenCL backend yet")

// refuseComplex returns an ErrComplex error for the first complex value p has that
// the generator cannot handle: a complex scalar result, a complex reduction or a
// complex scalar register other than a constant (kernels would take it as an
// argument; host code keeps one word).
func refuseComplex(p *ir.Program) error {
	if p.ScalarResult() && p.ResultType().IsComplex() { // host code returns one word
		return fmt.Errorf("kernels: %q: a complex scalar result (%s): %w", p.Source, p.ResultType(), ErrComplex)
	}
	for r, info := range p.Regs {
		if info.Type.IsComplex() && info.Scalar && info.Kind != ir.RegConst {
			return fmt.Errorf("kernels: %q: a complex scalar (%s %s): %w", p.Source, p.RegName(ir.Reg(r)), info.Type, ErrComplex)
		}
	}
	for _, st := range p.Stages {
		for _, r := range st.Reductions {
			if t := p.Regs[r.Arg].Type; t.IsComplex() {
				return fmt.Errorf("kernels: %q: %s of %s: %w", p.Source, r.Op, t, ErrComplex)
			}
		}
	}
	return nil
}

// complexLiteral writes a complex constant as a vector literal of its parts.
func complexLiteral(v ir.Value) string {
	c := v.Complex()
	rt := ir.RealOf(v.Type)
	part := func(f float64) string {
		switch {
		case math.IsNaN(f) && rt == ir.Float32:
			return fmt.Sprintf("as_float(0x%08xU)", math.Float32bits(float32(f)))
		case math.IsNaN(f) || math.IsInf(f, 0) && rt == ir.Float64:
			return fmt.Sprintf("as_double(0x%016xUL)", math.Float64bits(f))
		case math.IsInf(f, 0):
			return fmt.Sprintf("as_float(0x%08xU)", math.Float32bits(float32(f)))
		case rt == ir.Float32:
			return strconv.FormatFloat(f, 'x', -1, 32) + "f"
		}
		return strconv.FormatFloat(f, 'x', -1, 64)
	}
	return fmt.Sprintf("((%s)(%s, %s))", ctype(v.Type), part(real(c)), part(imag(c)))
}

// complexHelpers are the helper functions of complex code; T is the part type and C
// the vector type.
var complexHelpers = map[string]string{
	"cmul": `C nk_cmul_S(C a, C b) {
	return (C)(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}`,
	"cdiv": `C nk_cdiv_S(C a, C b) {
	T ac = fabs(b.x), ad = fabs(b.y);
	if (ac >= ad) {
		if (ac == 0 && ad == 0) return (C)(a.x / ac, a.y / ac);
		T r = b.y / b.x;
		T s = 1 / (b.x + b.y * r);
		return (C)((a.x + a.y * r) * s, (a.y - a.x * r) * s);
	}
	T r = b.x / b.y;
	T s = 1 / (b.y + b.x * r);
	return (C)((a.x * r + a.y) * s, (a.y * r - a.x) * s);
}`,
	"cexp": `C nk_cexp_S(C z) {
	T x = z.x, y = z.y;
	if (y == 0) return (C)(exp(x), y);
	if (isinf(x) && x < 0 && isinf(y)) return (C)(0, copysign((T)0, y));
	if (isinf(x) && x < 0 && isnan(y)) return (C)(0, 0);
	if (isinf(x) && x > 0 && (isinf(y) || isnan(y))) return (C)(x, NAN);
	if (isnan(x) || isnan(y) || isinf(y)) return (C)(NAN, NAN);
	T c, s = sincos(y, &c);
	if (x > 709 && !isinf(x)) {
		T e = exp(x / 2);
		return (C)(c * e * e, s * e * e);
	}
	T e = exp(x);
	return (C)(e * c, e * s);
}`,
	"clog": `C nk_clog_S(C z) {
	T a = fabs(z.x), b = fabs(z.y), re;
	if (isinf(a) || isinf(b)) re = INFINITY;
	else if (isnan(a) || isnan(b)) re = NAN;
	else {
		if (a < b) { T t = a; a = b; b = t; }
		if (a >= 0.5 && a <= 2 && b < 1) {
			T ph = a * a, pl = fma(a, a, -ph), qh = b * b, ql = fma(b, b, -qh);
			re = log1p(((ph - 1) + qh) + (pl + ql)) / 2;
		} else if (a < 0x1p-900) {
			re = log(hypot(a * 0x1p600, b * 0x1p600)) - 600 * M_LN2;
		} else {
			re = log(hypot(a, b));
		}
	}
	return (C)(re, atan2(z.y, z.x));
}`,
	"csqrt": `C nk_csqrt_S(C z) {
	T x = z.x, y = z.y;
	if (isinf(y)) return (C)(INFINITY, y);
	if (isnan(x)) return (C)(x, NAN);
	if (isinf(x) && x > 0) return (C)(x, isnan(y) ? y : copysign((T)0, y));
	if (isinf(x)) return isnan(y) ? (C)(NAN, INFINITY) : (C)(0, copysign((T)INFINITY, y));
	if (isnan(y)) return (C)(NAN, y);
	if (x == 0 && y == 0) return (C)(0, y);
	T scale = 1, ax = fabs(x), ay = fabs(y), m = fmax(ax, ay);
	if (m > 0x1p1020) { ax *= 0x1p-2; ay *= 0x1p-2; scale = 2; }
	else if (m < 0x1p-1000) { ax *= 0x1p108; ay *= 0x1p108; scale = 0x1p-54; }
	T t = sqrt((ax + hypot(ax, ay)) / 2);
	T u = ay / (2 * t);
	if (x >= 0) return (C)(t * scale, copysign(u * scale, y));
	return (C)(u * scale, copysign(t * scale, y));
}`,
}

// complexHelper adds helper name for complex type t and returns its function name.
func (g *gen) complexHelper(name string, t ir.DType) string {
	rt := ir.RealOf(t)
	fn := "nk_" + name + "_" + suffix(rt)
	if g.helpers[fn] {
		return fn
	}
	g.helpers[fn] = true
	g.use(rt)
	text := complexHelpers[name]
	text = strings.ReplaceAll(text, "_S(", "_"+suffix(rt)+"(")
	text = strings.ReplaceAll(text, "C ", ctype(t)+" ")
	text = strings.ReplaceAll(text, "(C)", "("+ctype(t)+")")
	text = strings.ReplaceAll(text, "T ", ctype(rt)+" ")
	text = strings.ReplaceAll(text, "(T)", "("+ctype(rt)+")")
	g.helperOrder = append(g.helperOrder, text)
	return fn
}

// complexExpr is expr for an instruction with a complex result or operand.
func (g *gen) complexExpr(in ir.Instr, t, from ir.DType, x, y, z string) (string, error) {
	refuse := func() (string, error) {
		return "", fmt.Errorf("kernels: %s: %w", g.prog.InstrString(in), fmt.Errorf("%s %w", in.Op, ErrComplex))
	}
	cx := t
	if !cx.IsComplex() {
		cx = from
	}
	g.use(cx)
	// wide runs a complex64 function in double precision.
	wide := func(name string) string {
		if cx == ir.Complex128 {
			return fmt.Sprintf("%s(%s)", g.complexHelper(name, cx), x)
		}
		return fmt.Sprintf("convert_float2_rte(%s(convert_double2(%s)))", g.complexHelper(name, ir.Complex128), x)
	}
	switch in.Op {
	case ir.OpCopy:
		return x, nil
	case ir.OpCast:
		switch {
		case from.IsComplex():
			return fmt.Sprintf("convert_%s_rte(%s)", ctype(t), x), nil
		case from == ir.Bool:
			return fmt.Sprintf("((%s)((%s)%s, 0))", ctype(t), ctype(ir.RealOf(t)), x), nil
		}
		return fmt.Sprintf("((%s)(convert_%s_rte(%s), 0))", ctype(t), ctype(ir.RealOf(t)), x), nil
	case ir.OpAdd:
		return fmt.Sprintf("(%s + %s)", x, y), nil
	case ir.OpSub:
		return fmt.Sprintf("(%s - %s)", x, y), nil
	case ir.OpNeg:
		return fmt.Sprintf("(-%s)", x), nil
	case ir.OpMul:
		return fmt.Sprintf("%s(%s, %s)", g.complexHelper("cmul", t), x, y), nil
	case ir.OpDiv:
		return fmt.Sprintf("%s(%s, %s)", g.complexHelper("cdiv", t), x, y), nil
	case ir.OpMulAddC:
		return fmt.Sprintf("(%s(%s, %s) + %s)", g.complexHelper("cmul", t), x, y, z), nil
	case ir.OpEq:
		return fmt.Sprintf("((uchar)((%s).x == (%s).x && (%s).y == (%s).y))", x, y, x, y), nil
	case ir.OpNe:
		return fmt.Sprintf("((uchar)((%s).x != (%s).x || (%s).y != (%s).y))", x, y, x, y), nil
	case ir.OpWhere:
		return fmt.Sprintf("(%s ? %s : %s)", x, y, z), nil
	case ir.OpReal:
		return fmt.Sprintf("(%s).x", x), nil
	case ir.OpImag:
		return fmt.Sprintf("(%s).y", x), nil
	case ir.OpConj:
		return fmt.Sprintf("((%s)((%s).x, -(%s).y))", ctype(t), x, x), nil
	case ir.OpComplex:
		return fmt.Sprintf("((%s)(%s, %s))", ctype(t), x, y), nil
	case ir.OpAbs:
		return fmt.Sprintf("hypot((%s).x, (%s).y)", x, x), nil
	case ir.OpIsNaN:
		return fmt.Sprintf("((uchar)(isnan((%s).x) || isnan((%s).y)))", x, x), nil
	case ir.OpIsInf:
		return fmt.Sprintf("((uchar)(isinf((%s).x) || isinf((%s).y)))", x, x), nil
	case ir.OpIsFinite:
		return fmt.Sprintf("((uchar)(isfinite((%s).x) && isfinite((%s).y)))", x, x), nil
	case ir.OpExp:
		return wide("cexp"), nil
	case ir.OpLog:
		return wide("clog"), nil
	case ir.OpSqrt:
		return wide("csqrt"), nil
	}
	return refuse()
}
