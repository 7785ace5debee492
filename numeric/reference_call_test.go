package numeric

// The reference interpreter's functions and reductions (see reference_test.go).

import (
	"math"
	"slices"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// call evaluates a function call at elements 0..count-1 (see vals).
func (r *refEval) call(e *syntax.CallExpr, info refInfo, count int) ([]refElem, error) {
	name := e.Fun.Name
	if refReductions[name] {
		v, err := r.reduce(e, info.typ)
		if err != nil {
			return nil, err
		}
		return []refElem{v}, nil
	}
	argExprs, _ := refCallArgs(e)
	argVals := make([][]refElem, len(argExprs))
	types := make([]DType, len(argExprs))
	for k, a := range argExprs {
		vs, err := r.vals(a, count)
		if err != nil {
			return nil, err
		}
		argVals[k], types[k] = vs, r.info[a].typ
	}
	if !info.array {
		count = 1
	}
	out := make([]refElem, count)
	args := make([]refElem, len(argExprs))
	for i := range out {
		for k, vs := range argVals {
			args[k] = refAt(vs, i)
		}
		v, err := r.callElem(e, info, args, types)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// callElem evaluates a function (not a reduction) at one element whose arguments are
// args, of types types.
func (r *refEval) callElem(e *syntax.CallExpr, info refInfo, args []refElem, types []DType) (refElem, error) {
	name := e.Fun.Name
	t := info.typ
	conv := func(k int, to DType) refElem { return refConv(args[k], types[k], to) }
	if v, ok := refCallComplex(name, t, args, types); ok {
		return v, nil
	}
	switch {
	case name == "pow":
		return r.konstPow(e.Args[0], e.Args[1], args[0], args[1], info)
	case name == "copy" || name == "real":
		return args[0], nil
	case name == "imag" || name == "ones_like":
		one := name == "ones_like"
		if t == Bool {
			return refElem{b: one}, nil
		}
		if one {
			return refElem{i: 1, f: 1}, nil
		}
		return refElem{}, nil
	case name == "where":
		if args[0].b {
			return conv(1, t), nil
		}
		return conv(2, t), nil
	case refFloatFuncs[name] != nil:
		return refElem{f: refRound(t, refFloatFuncs[name](conv(0, t).f))}, nil
	case name == "nextafter" && t == Float32:
		return refElem{f: float64(math.Nextafter32(float32(conv(0, t).f), float32(conv(1, t).f)))}, nil
	case refFloatFuncs2[name] != nil:
		return refElem{f: refRound(t, refFloatFuncs2[name](conv(0, t).f, conv(1, t).f))}, nil
	case refPredicates[name] != nil:
		x := args[0].f
		if refIsInt(types[0]) {
			x = float64(args[0].i)
		}
		return refElem{b: refPredicates[name](x)}, nil
	case refRoundFuncs[name] != nil:
		if refIsInt(t) {
			return args[0], nil
		}
		return refElem{f: refRoundFuncs[name](args[0].f)}, nil
	case name == "abs":
		if refIsInt(t) {
			if info.konst && (args[0].i == math.MinInt64 || t == Int32 && args[0].i == math.MinInt32) {
				return refElem{}, refErrorf("constant abs(%d) overflows %s", args[0].i, t)
			}
			if args[0].i < 0 {
				return refElem{i: refWrap(t, -args[0].i)}, nil // MinInt stays MinInt
			}
			return args[0], nil
		}
		return refElem{f: math.Abs(args[0].f)}, nil
	case name == "sign":
		return refSign(t, args[0]), nil
	case name == "maximum", name == "minimum":
		return refExtremum(t, name == "maximum", conv(0, t), conv(1, t)), nil
	case name == "clip":
		lo := refExtremum(t, true, conv(0, t), conv(1, t))
		return refExtremum(t, false, lo, conv(2, t)), nil
	}
	return refElem{}, refErrorf("function %s", name)
}

func refSign(t DType, x refElem) refElem {
	if refIsInt(t) {
		switch {
		case x.i > 0:
			return refElem{i: 1}
		case x.i < 0:
			return refElem{i: -1}
		}
		return x
	}
	switch {
	case x.f > 0:
		return refElem{f: 1}
	case x.f < 0:
		return refElem{f: -1}
	}
	return x // ±0 and NaN
}

// refExtremum is maximum (isMax) or minimum: NaN if either is NaN, y when equal.
func refExtremum(t DType, isMax bool, x, y refElem) refElem {
	if refIsInt(t) {
		if isMax && x.i > y.i || !isMax && x.i < y.i {
			return x
		}
		return y
	}
	switch {
	case math.IsNaN(x.f):
		return x
	case math.IsNaN(y.f):
		return y
	case isMax && x.f > y.f, !isMax && x.f < y.f:
		return x
	}
	return y
}

// reduce computes a reduction over its argument's elements (one element for a scalar
// argument) and caches it. Float sums are computed in float64 with compensation, then
// rounded to the result type.
func (r *refEval) reduce(e *syntax.CallExpr, t DType) (refElem, error) {
	if v, ok := r.reduced[e]; ok {
		return v, nil
	}
	arg := e.Args[0]
	at := r.info[arg].typ
	count := 1
	if r.info[arg].array {
		count = r.n
	}
	var vals []refElem
	var err error
	if r.alone(arg) {
		var sub refResult
		sub, err = refEvaluate(r.src[arg.Pos():arg.End()], r.vars, r.f32c)
		vals = sub.vals
	} else {
		vals, err = r.vals(arg, count)
	}
	if err != nil {
		return refElem{}, err
	}
	var res refElem
	switch name := e.Fun.Name; {
	case refIsInt(t) && name == "sum":
		for _, v := range vals {
			res.i += refBoolInt(at, v)
		}
	case refIsInt(t) && name == "prod":
		res.i = 1
		for _, v := range vals {
			res.i *= refBoolInt(at, v)
		}
	case refIsInt(t): // min, max of integers
		if len(vals) == 0 {
			return res, errRefEmpty
		}
		res = vals[0]
		for _, v := range vals[1:] {
			res = refExtremum(t, name == "max", res, v)
		}
	case (name == "min" || name == "max") && len(vals) == 0:
		return res, errRefEmpty
	case refIsComplex(at):
		res = refCanonReduceComplex(name, at, vals)
	case refIsFloat(at):
		res = refCanonReduce(name, at, t, vals)
	default: // mean of integers
		res = refIntMean(vals)
	}
	r.reduced[e] = res
	return res, nil
}

func refBoolInt(t DType, v refElem) int64 {
	if t == Bool {
		if v.b {
			return 1
		}
		return 0
	}
	return v.i
}

// alone reports whether a reduction's argument must be evaluated by itself: it reads an
// array that the rest of the expression does not, or its arrays broadcast to another
// shape than the result's.
func (r *refEval) alone(arg syntax.Expr) bool {
	names, _ := refNames(arg)
	var shape []int
	any := false
	for _, name := range names {
		in := r.inputs[name]
		if !in.array {
			continue
		}
		if !r.outer[name] {
			return true
		}
		any = true
		for len(shape) < len(in.shape) {
			shape = append([]int{1}, shape...)
		}
		for j, d := range in.shape {
			if i := len(shape) - len(in.shape) + j; shape[i] == 1 {
				shape[i] = d
			}
		}
	}
	if !any {
		return false
	}
	if len(shape) != len(r.shape) {
		return true
	}
	for i := range shape {
		if shape[i] != r.shape[i] {
			return true
		}
	}
	return false
}

// refOuterNames lists the variables e reads outside reductions.
func refOuterNames(e syntax.Expr) []string {
	var names []string
	syntax.Walk(e, func(x syntax.Expr) bool {
		switch x := x.(type) {
		case *syntax.CallExpr:
			switch x.Fun.Name {
			case "sum", "prod", "min", "max", "mean", "var", "std", "skew", "kurt":
				return x.Attr
			}
		case *syntax.Ident:
			if !slices.Contains(names, x.Name) {
				names = append(names, x.Name)
			}
		}
		return true
	})
	return names
}
