package compile

import (
	"fmt"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// MaxInputs is the most distinct input variables an expression may name.
const MaxInputs = 64

// Names checks what can be checked without the inputs' types (function names and
// argument counts, names used as the wrong thing, the number of inputs) and returns the
// input variables in order of first appearance.
func Names(src string, e syntax.Expr) ([]string, error) {
	var names []string
	seen := map[string]bool{}
	var err error
	var visit func(e syntax.Expr)
	visit = func(e syntax.Expr) {
		if err != nil {
			return
		}
		switch e := e.(type) {
		case *syntax.Ident:
			if IsFunc(e.Name) {
				err = syntax.Errorf(src, e.Pos(), "%s is a function: call it as %s(...)", e.Name, e.Name)
				return
			}
			if !seen[e.Name] {
				seen[e.Name] = true
				names = append(names, e.Name)
				if len(names) > MaxInputs {
					err = syntax.Errorf(src, e.Pos(), "too many input variables: at most %d are allowed", MaxInputs)
				}
			}
		case *syntax.UnaryExpr:
			visit(e.X)
		case *syntax.BinaryExpr:
			visit(e.X)
			visit(e.Y)
		case *syntax.ParenExpr:
			visit(e.X)
		case *syntax.BasicLit:
			if e.Kind == syntax.NoneLit {
				err = syntax.Errorf(src, e.Pos(), "None is only allowed as a reduction's axis, as in sum(a, axis=None)")
			}
		case *syntax.CallExpr:
			f, ok := funcs[e.Fun.Name]
			if !ok {
				msg := fmt.Sprintf("unknown function %s", e.Fun.Name)
				if c := closest(e.Fun.Name, FuncNames()); c != "" {
					msg += fmt.Sprintf(" (did you mean %s?)", c)
				}
				err = syntax.Errorf(src, e.Fun.Pos(), "%s", msg)
				return
			}
			args := e.Args
			if f.kind == fnReduce {
				var axis syntax.Expr
				if axis, err = reduceAxisArg(src, e); err != nil {
					return
				}
				if axis != nil && len(args) == 2 {
					args = args[:1]
				}
			} else if len(e.Keywords) > 0 {
				err = syntax.Errorf(src, e.Keywords[0].Name.Pos(), "%s takes no keyword arguments", e.Fun.Name)
				return
			}
			if len(args) != f.arity {
				err = syntax.Errorf(src, e.Fun.Pos(), "%s takes %d argument%s, not %d",
					e.Fun.Name, f.arity, plural(f.arity), len(args))
				return
			}
			for _, a := range args {
				visit(a)
			}
		}
	}
	visit(e)
	if err != nil {
		return nil, err
	}
	return names, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// reduceAxisArg returns the axis argument of a reduction call (the second positional
// argument or the keyword axis), or nil; it must be None or made of literals only.
func reduceAxisArg(src string, e *syntax.CallExpr) (syntax.Expr, error) {
	var axis syntax.Expr
	if len(e.Args) == 2 {
		axis = e.Args[1]
	}
	for _, kw := range e.Keywords {
		if kw.Name.Name != "axis" {
			return nil, syntax.Errorf(src, kw.Name.Pos(), "%s has no keyword argument %s (its only keyword is axis)", e.Fun.Name, kw.Name.Name)
		}
		if axis != nil {
			return nil, syntax.Errorf(src, kw.Name.Pos(), "%s got axis twice, by position and by keyword", e.Fun.Name)
		}
		axis = kw.Value
	}
	if axis == nil {
		return nil, nil
	}
	ok := true
	syntax.Walk(axis, func(x syntax.Expr) bool {
		switch x.(type) {
		case *syntax.Ident, *syntax.CallExpr:
			ok = false
		}
		return ok
	})
	if !ok {
		return nil, syntax.Errorf(src, axis.Pos(), "the axis of %s must be None or a constant integer", e.Fun.Name)
	}
	return axis, nil
}
