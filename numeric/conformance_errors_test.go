package numeric

// The conformance table's errors: every error class of docs/language.md, with the
// message and, for errors about the source, the byte offset.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// confError is one rejected input. offset is the SyntaxError's Offset, -1 for an error
// that is not a *SyntaxError, or -2 for a *SyntaxError at any offset; is, if set, is
// the sentinel the error must wrap.
type confError struct {
	src    string
	vars   Vars // nil: confVars(4)
	dst    any  // if set, EvalInto this destination instead of Eval
	msg    string
	offset int
	is     error
	skip   string
}

func confErrorCases() []confError {
	many := make([]string, 65)
	for i := range many {
		many[i] = fmt.Sprintf("v%d", i)
	}
	deep := strings.Repeat("(", 201) + "x" + strings.Repeat(")", 201)
	mismatch := Vars{"a": make([]float64, 3), "b": make([]float64, 4)}
	return []confError{
		// Syntax.
		{src: "", msg: "empty expression", offset: 0},
		{src: "a +", msg: `unexpected end of expression after "+"`, offset: 3},
		{src: "a + )", msg: `unexpected ")"`, offset: 4},
		{src: "(a + 1", msg: `unclosed "("`, offset: 0},
		{src: "a b", msg: "missing operator?", offset: 2},
		{src: "a < b < c", msg: "chained comparisons are not supported", offset: 6},
		{src: "a = 1", msg: "assignment", offset: 2},
		{src: "a @ b", msg: "matrix multiplication", offset: 2},
		{src: "'s'", msg: "string", offset: 0},
		{src: "1jx", msg: `invalid character "x" in number`, offset: 2},
		{src: "1 + \n  * 2", msg: `unexpected "*"`, offset: 7},
		// Python constructs numexpr rejects, with a hint.
		{src: "a and b", msg: "&", offset: 2},
		{src: "a or b", msg: "|", offset: 2},
		{src: "not a", msg: "~", offset: 0},
		{src: "a if c else b", msg: "where", offset: 2},
		{src: "lambda: 1", msg: "lambda", offset: 0},
		{src: "x.conj", msg: "attribute access is not supported (except .real and .imag)", offset: 1},
		{src: "a[0]", msg: "subscripts are not supported", offset: 1},
		{src: "where(c=1, x, y)", msg: "positional argument follows keyword argument in the call of where", offset: 11},
		{src: "where(c, x, y=1)", msg: "where takes no keyword arguments", offset: 12},
		{src: "sum(x, axis=0, y)", msg: "positional argument follows keyword argument", offset: 15},
		{src: "sum(x, 0, axis=0)", msg: "sum got axis twice", offset: 10},
		{src: "sum(x, keepdims=1)", msg: "sum has no keyword argument keepdims", offset: 7},
		{src: "sum(x, axis=1)", msg: "axis 1 is out of bounds: the inputs are 1-D", offset: 12},
		{src: "max(x, -2)", msg: "axis -2 is out of bounds", offset: 7},
		{src: "prod(x, axis=x)", msg: "the axis of prod must be None or a constant integer", offset: 13},
		{src: "min(x, axis=0.0)", msg: "the axis of min must be None or an integer", offset: 12},
		{src: "x + None", msg: "None is only allowed as a reduction's axis", offset: 4},
		{src: "__import__", msg: "__", offset: 0},
		{src: "a + __class__", msg: "__", offset: 4},
		// Literals.
		{src: "x + 9223372036854775808", msg: "does not fit in int64", offset: 4},
		{src: "x * 1e309", msg: "overflows float64", offset: 4},
		{src: "x * 017", msg: "", offset: 4},
		// Names and functions.
		{src: "alpha + alpah", vars: Vars{"alpha": []float64{1}}, msg: "undefined variable alpah (did you mean alpha?)", offset: 8},
		{src: "alpha + betta", vars: Vars{"alpha": []float64{1}, "beta": []float64{2}}, msg: "undefined variable betta (did you mean beta?)", offset: 8},
		{src: "x + nope_nope", msg: "undefined variable nope_nope", offset: 4},
		{src: "arctn(x)", msg: "unknown function arctn (did you mean arctan?)", offset: 0},
		{src: "x + frobnicate(x)", msg: "unknown function frobnicate", offset: 4},
		{src: "sin(x, y)", msg: "sin takes 1 argument, not 2", offset: 0},
		{src: "where(c, x)", msg: "where takes 3 arguments, not 2", offset: 0},
		{src: "x + arctan2(x)", msg: "arctan2 takes 2 arguments, not 1", offset: 4},
		{src: "sum()", msg: "sum takes 1 argument, not 0", offset: 0},
		{src: "x + sin", msg: "sin is a function", offset: 4},
		// Types (found at the first evaluation, still *SyntaxError).
		{src: "~x", msg: "~ is not defined on float64", offset: 0},
		{src: "~xf", msg: "~ is not defined on float32", offset: 0},
		{src: "-c", msg: "unary - is not defined on bool", offset: 0},
		{src: "c - c", msg: "operator - is not defined on two bools", offset: 2},
		{src: "c // c", msg: "operator // is not defined on two bools", offset: 2},
		{src: "c % c", msg: "operator % is not defined on two bools", offset: 2},
		{src: "c ** c", msg: "** is not defined on bool and bool", offset: 2},
		{src: "c << c", msg: "<< needs integers, not bool and bool", offset: 2},
		{src: "c & x", msg: "& needs bools (logical) or integers (bitwise), not bool and float64", offset: 2},
		{src: "where(x, x, y)", msg: "where's condition must be bool, not float64", offset: 6},
		{src: "where(n32, x, y)", msg: "where's condition must be bool", offset: 6},
		{src: "x & y", msg: "& needs bools (logical) or integers (bitwise), not float64 and float64", offset: 2},
		{src: "x << 1", msg: "<< needs integers, not float64 and int32", offset: 2},
		{src: "n32 >> 1.5", msg: ">> needs integers", offset: 4},
		{src: "sin(c)", msg: "sin is not defined on bool", offset: 4},
		{src: "min(c)", msg: "bool", offset: 0},
		{src: "mean(c)", msg: "bool", offset: 0},
		{src: "n32 ** -1", msg: "integers to negative integer powers are not allowed", offset: 4},
		{src: "n64 ** -(2)", msg: "integers to negative integer powers are not allowed", offset: 4},
		// Constants of literals are folded as Python computes them (exact.go).
		{src: "x + 1 // 0", msg: "division by zero in a constant expression", offset: 6},
		{src: "x + 1.0 % 0", msg: "division by zero in a constant expression", offset: 8},
		{src: "x + 1 / 0", msg: "division by zero in a constant expression", offset: 6},
		{src: "x + 2**63", msg: "integer constant 9223372036854775808 does not fit in int64", offset: 4},
		{src: "x + 9223372036854775808", msg: "does not fit in int64", offset: 4},
		{src: "x + (-2**63 - 1)", msg: "integer constant -9223372036854775809 does not fit in int64", offset: 4},
		{src: "n32 + (1 << -1)", msg: "negative shift count -1", offset: 9},
		{src: "x * 0.0 ** -1", msg: "0.0 cannot be raised to a negative power", offset: 8},
		{src: "x * 1j < 2", msg: "< is not defined on complex numbers", offset: 7},
		{src: "x * 1j // 2", msg: "// is not defined on complex numbers", offset: 7},
		{src: "maximum(x * 1j, 1)", msg: "maximum is not defined on complex numbers", offset: 0},
		{src: "x * 10.0 ** 400", msg: "overflows float64", offset: 9},
		{src: "x + 10 ** 400 * 1.0", msg: "too large to convert to float", offset: 14},
		{src: "x + abs(-2147483647 - 1)", msg: "integer overflow in a constant expression: abs does not fit in int32", offset: 4},
		{src: "x + abs(-5) * 2147483647", msg: "integer overflow in a constant expression: mul does not fit in int32", offset: 12},
		// Limits.
		{src: strings.Join(many, " + "), vars: Vars{}, msg: "too many input variables: at most 64", offset: strings.Index(strings.Join(many, " + "), "v64")},
		{src: deep, msg: "nested too deeply: more than 200 levels", offset: 201},
		{src: strings.Repeat("x+", 5001) + "x", msg: "too large", offset: -2},
		{src: "x" + strings.Repeat(" ", 64<<10), msg: "too long", offset: 0},
		// Inputs at evaluation time.
		{src: "a + b", vars: mismatch, msg: "a has shape (3,) but b has shape (4,): they do not broadcast in dimension 0 of the result (3 vs 4)", offset: -1, is: ErrShape},
		{src: "b + a", vars: mismatch, msg: "b has shape (4,) but a has shape (3,): they do not broadcast in dimension 0 of the result (4 vs 3)", offset: -1, is: ErrShape},
		{src: "a + 1", vars: Vars{"a": []uint8{1}}, msg: "unsupported type", offset: -1, is: ErrType},
		{src: "a + 1", vars: Vars{"a": []int{1}}, msg: "unsupported type", offset: -1, is: ErrType},
		{src: "a + 1", vars: Vars{"a": []uint16{1}}, msg: "unsupported type", offset: -1, is: ErrType},
		{src: "a + 1", vars: Vars{"a": "1"}, msg: "unsupported type", offset: -1, is: ErrType},
		{src: "a + 1", vars: Vars{"a": uint(1)}, msg: "unsupported type", offset: -1, is: ErrType},
		{src: "a + b", vars: Vars{"a": mat.NewDense(2, 3, nil), "b": mat.NewDense(3, 2, nil)}, msg: "a has shape (2, 3) but b has shape (3, 2): they do not broadcast in dimension 0 of the result (2 vs 3)", offset: -1, is: ErrShape},
		{src: "a + b", vars: Vars{"a": mat.NewDense(2, 3, nil), "b": []float64{1, 2}}, msg: "a has shape (2, 3) but b has shape (2,): they do not broadcast in dimension 1 of the result (3 vs 2)", offset: -1, is: ErrShape},
		{src: "a + 1", vars: Vars{"a": &Array{Data: []float64{1, 2}, Shape: []int{3}}}, msg: "reaches index 2 of Data, which has 2 elements", offset: -1, is: ErrShape},
		{src: "a + 1", vars: Vars{"a": &Array{Data: []float64{1, 2}, Shape: []int{2}, Strides: []int{1, 1}}}, msg: "has shape (2,) but 2 strides", offset: -1, is: ErrShape},
		{src: "a + 1", vars: Vars{"a": &Array{Data: []int{1, 2}, Shape: []int{2}}}, msg: "an Array whose Data is []int", offset: -1, is: ErrType},
		{src: "x + 1", dst: make([]float32, 4), msg: "gives []float64, but the destination is []float32", offset: -1, is: ErrType},
		{src: "x + 1", dst: make([]float64, 3), msg: "the destination has length 3, the inputs 4", offset: -1, is: ErrShape},
		{src: "x + 1", dst: new(float64), msg: "destination is a pointer to one value", offset: -1, is: ErrType},
		{src: "sum(x)", dst: make([]float64, 4), msg: "pass a *float64", offset: -1, is: ErrType},
		{src: "sum(x)", dst: new(int64), msg: "gives *float64, but the destination is *int64", offset: -1, is: ErrType},
		{src: "x + 1", dst: []int{1}, msg: "unsupported destination type []int", offset: -1, is: ErrType},
		{src: "min(e)", vars: Vars{"e": []float64{}}, msg: "", offset: -1, is: ErrEmpty},
		{src: "max(e)", vars: Vars{"e": []int32{}}, msg: "", offset: -1, is: ErrEmpty},
		// Functions of x's shape and type only still evaluate x (found by the differential fuzzer).
		{src: "ones_like(max(e))", vars: Vars{"e": []float64{}}, msg: "", offset: -1, is: ErrEmpty},
		{src: "imag(min(e)) + 1", vars: Vars{"e": []int32{}}, msg: "", offset: -1, is: ErrEmpty},
		{src: "a * max(e)**0", vars: Vars{"a": []float64{1}, "e": []float64{}}, msg: "", offset: -1, is: ErrEmpty},
		{src: "ones_like(a + max(e))", vars: Vars{"a": []float64{}, "e": []float64{}}, msg: "", offset: -1, is: ErrEmpty},
		{src: "(a * min(e))**0", vars: Vars{"a": []int64{}, "e": []int64{}}, msg: "", offset: -1, is: ErrEmpty},
	}
}

// confRunErrors checks every error case on the backend.
func confRunErrors(t *testing.T, be confBackend) {
	for _, c := range confErrorCases() {
		name := c.src
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		t.Run(name, func(t *testing.T) {
			if c.skip != "" {
				t.Skip(c.skip)
			}
			err := c.evaluate(be)
			c.check(t, err)
		})
	}
}

func (c confError) evaluate(be confBackend) error {
	e, err := Compile(c.src, WithBackend(be.name))
	if err != nil {
		return err
	}
	vars := c.vars
	if vars == nil {
		vars = confVars(4)
	}
	if c.dst != nil {
		return e.EvalInto(context.Background(), c.dst, vars)
	}
	_, err = e.Eval(context.Background(), vars)
	return err
}

func (c confError) check(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("%q: no error, want %q", c.src, c.msg)
	}
	if errors.Is(err, ErrBackend) {
		t.Fatalf("%q: %v, want %q", c.src, err, c.msg)
	}
	var se *SyntaxError
	isSyntax := errors.As(err, &se)
	switch {
	case c.offset == -1 && isSyntax:
		t.Errorf("%q: got a *SyntaxError %v, want an error about the inputs", c.src, err)
	case c.offset != -1 && !isSyntax:
		t.Errorf("%q: got %T %v, want a *SyntaxError", c.src, err, err)
	case isSyntax && c.offset >= 0 && se.Offset != c.offset:
		t.Errorf("%q: offset %d, want %d (%v)", c.src, se.Offset, c.offset, err)
	case isSyntax && (se.Line < 1 || se.Col < 1 || se.Offset < 0 || se.Offset > len(c.src)):
		t.Errorf("%q: position %d:%d offset %d out of range", c.src, se.Line, se.Col, se.Offset)
	}
	if !strings.Contains(err.Error(), c.msg) {
		t.Errorf("%q: error %q does not contain %q", c.src, err, c.msg)
	}
	if c.is != nil && !errors.Is(err, c.is) {
		t.Errorf("%q: error %v does not wrap %v", c.src, err, c.is)
	}
}
