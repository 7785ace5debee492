package syntax_test

import (
	"fmt"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

func ExampleParse() {
	e, err := syntax.Parse("2*a + 3*b**2 - sin(c)")
	if err != nil {
		panic(err)
	}
	fmt.Println(syntax.Print(e))
	// Output: (((2*a)+(3*(b**2)))-sin(c))
}

func ExampleError() {
	_, err := syntax.Parse("where(a > 0,\n      b if a else c)")
	fmt.Println(err)
	// Output:
	// 2:9: conditional expressions ("if"/"else") are not supported: use where(cond, a, b)
	//         b if a else c)
	//           ^
}

func ExampleWalk() {
	e, _ := syntax.Parse("x*y + sin(x) - 1")
	syntax.Walk(e, func(n syntax.Expr) bool {
		if id, ok := n.(*syntax.Ident); ok {
			fmt.Print(id.Name, " ")
		}
		return true
	})
	fmt.Println()
	// Output: x y x
}
