// Package compile type-checks a parsed expression for the types of its inputs and
// lowers it to an ir.Program: constants folded with the same kernels the backends run,
// powers rewritten, common subexpressions shared, reductions scheduled into passes.
package compile

import (
	"sort"

	"github.com/numkit/numkit/numeric/ir"
)

// funcKind says how a function's arguments and result are typed.
type funcKind int

const (
	fnFloat     funcKind = iota // float function of one number (integers become float64)
	fnFloat2                    // float function of two numbers
	fnNumber                    // number -> same type (abs, sign)
	fnRound                     // ceil, floor, trunc, round: identity on integers
	fnNumber2                   // maximum, minimum: promoted numbers
	fnPredicate                 // float predicate, bool result
	fnWhere
	fnClip
	fnPow
	fnReduce
	fnIdentity // copy, real: the operand itself
	fnZeros    // imag: zeros of the operand's type and shape
	fnOnes     // ones_like: ones of the operand's type and shape
	fnConj     // conj: the complex conjugate (a real number itself)
	fnComplex  // complex(x, y): x + y*1j of two real numbers
)

type funcInfo struct {
	kind   funcKind
	arity  int
	op     ir.Op
	reduce ir.ReduceOp
}

var funcs = map[string]funcInfo{
	"where": {kind: fnWhere, arity: 3},

	"copy": {kind: fnIdentity, arity: 1}, "real": {kind: fnIdentity, arity: 1},
	"imag": {kind: fnZeros, arity: 1}, "ones_like": {kind: fnOnes, arity: 1},
	"clip": {kind: fnClip, arity: 3},
	"conj": {kind: fnConj, arity: 1}, "complex": {kind: fnComplex, arity: 2},
	"pow": {kind: fnPow, arity: 2},

	"sin": {fnFloat, 1, ir.OpSin, 0}, "cos": {fnFloat, 1, ir.OpCos, 0}, "tan": {fnFloat, 1, ir.OpTan, 0},
	"arcsin": {fnFloat, 1, ir.OpAsin, 0}, "arccos": {fnFloat, 1, ir.OpAcos, 0},
	"arctan": {fnFloat, 1, ir.OpAtan, 0}, "sinh": {fnFloat, 1, ir.OpSinh, 0},
	"cosh": {fnFloat, 1, ir.OpCosh, 0}, "tanh": {fnFloat, 1, ir.OpTanh, 0},
	"arcsinh": {fnFloat, 1, ir.OpAsinh, 0}, "arccosh": {fnFloat, 1, ir.OpAcosh, 0},
	"arctanh": {fnFloat, 1, ir.OpAtanh, 0},
	"exp":     {fnFloat, 1, ir.OpExp, 0}, "expm1": {fnFloat, 1, ir.OpExpm1, 0},
	"exp2": {fnFloat, 1, ir.OpExp2, 0}, "log": {fnFloat, 1, ir.OpLog, 0},
	"log1p": {fnFloat, 1, ir.OpLog1p, 0}, "log2": {fnFloat, 1, ir.OpLog2, 0},
	"log10": {fnFloat, 1, ir.OpLog10, 0}, "sqrt": {fnFloat, 1, ir.OpSqrt, 0},

	"arctan2": {fnFloat2, 2, ir.OpAtan2, 0}, "hypot": {fnFloat2, 2, ir.OpHypot, 0},
	"fmod": {fnFloat2, 2, ir.OpFmod, 0}, "copysign": {fnFloat2, 2, ir.OpCopysign, 0},
	"nextafter": {fnFloat2, 2, ir.OpNextafter, 0},

	"abs": {fnNumber, 1, ir.OpAbs, 0}, "sign": {fnNumber, 1, ir.OpSign, 0},
	"ceil": {fnRound, 1, ir.OpCeil, 0}, "floor": {fnRound, 1, ir.OpFloor, 0},
	"trunc": {fnRound, 1, ir.OpTrunc, 0}, "round": {fnRound, 1, ir.OpRound, 0},
	"maximum": {fnNumber2, 2, ir.OpMax, 0}, "minimum": {fnNumber2, 2, ir.OpMin, 0},

	"isnan": {fnPredicate, 1, ir.OpIsNaN, 0}, "isinf": {fnPredicate, 1, ir.OpIsInf, 0},
	"isfinite": {fnPredicate, 1, ir.OpIsFinite, 0}, "signbit": {fnPredicate, 1, ir.OpSignbit, 0},

	"sum":  {kind: fnReduce, arity: 1, reduce: ir.ReduceSum},
	"prod": {kind: fnReduce, arity: 1, reduce: ir.ReduceProd},
	"min":  {kind: fnReduce, arity: 1, reduce: ir.ReduceMin},
	"max":  {kind: fnReduce, arity: 1, reduce: ir.ReduceMax},
	"mean": {kind: fnReduce, arity: 1, reduce: ir.ReduceMean},
	"var":  {kind: fnReduce, arity: 1, reduce: ir.ReduceVar},
	"std":  {kind: fnReduce, arity: 1, reduce: ir.ReduceStd},
	"skew": {kind: fnReduce, arity: 1, reduce: ir.ReduceSkew},
	"kurt": {kind: fnReduce, arity: 1, reduce: ir.ReduceKurt},
}

// FuncNames lists the language's functions, sorted.
func FuncNames() []string {
	names := make([]string, 0, len(funcs))
	for n := range funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// IsFunc reports whether name is one of the language's functions.
func IsFunc(name string) bool { _, ok := funcs[name]; return ok }

// closest returns the candidate nearest to name by edit distance, if it is close.
func closest(name string, candidates []string) string {
	best, bestDist := "", len(name)/2+1
	if bestDist > 3 {
		bestDist = 3
	}
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestDist || (d == bestDist && best == "" && d <= 1) {
			best, bestDist = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
