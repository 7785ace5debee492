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
			if len(e.Args) != f.arity {
				err = syntax.Errorf(src, e.Fun.Pos(), "%s takes %d argument%s, not %d",
					e.Fun.Name, f.arity, plural(f.arity), len(e.Args))
				return
			}
			for _, a := range e.Args {
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
