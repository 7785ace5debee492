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
// slices have). Every complex operation the language has runs here: the products
// and Smith's quotient are the CPU kernels' own operations (FP_CONTRACT is off), so
// they give the same bits; the functions and ** are helpers written from the portable
// Go kernels' algorithms (complex_math.go), in double precision for complex64 too
// (they need FP64), within the documented bounds of the CPU's values. A complex
// scalar (an input, or a register the host computes) is passed to kernels as two
// arguments, its parts; complex sums, products and means reduce in the CPU's order.

// ErrComplex is wrapped by Generate's error for a complex operation the OpenCL
// generator has no code for (none of the language's today: a new operation that
// reaches the generator before its code does).
var ErrComplex = errors.New("not supported on complex numbers by the OpenCL backend yet")

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
}

// complexHelper adds helper name for complex type t (and the helpers it calls) and
// returns its function name. The functions of complex_math.go exist for complex128
// only.
func (g *gen) complexHelper(name string, t ir.DType) string {
	if f, ok := complexFuncHelpers[name]; ok {
		fn := "nk_" + name + "_f64"
		g.use(ir.Complex128)
		if !g.helpers[fn] {
			g.helpers[fn] = true
			for _, d := range f.deps {
				g.complexHelper(d, ir.Complex128)
			}
			g.helperOrder = append(g.helperOrder, f.text)
		}
		return fn
	}
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
		fn := g.complexHelper(name, ir.Complex128)
		if in.Op.Arity() == 2 { // pow
			if cx == ir.Complex128 {
				return fmt.Sprintf("%s(%s, %s)", fn, x, y)
			}
			return fmt.Sprintf("convert_float2_rte(%s(convert_double2(%s), convert_double2(%s)))", fn, x, y)
		}
		if cx == ir.Complex128 {
			return fmt.Sprintf("%s(%s)", fn, x)
		}
		return fmt.Sprintf("convert_float2_rte(%s(convert_double2(%s)))", fn, x)
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
	}
	if h, ok := complexFuncOps[in.Op.String()]; ok && t.IsComplex() {
		return wide(h), nil
	}
	return refuse()
}
