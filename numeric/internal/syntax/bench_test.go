package syntax

import "testing"

// parsed keeps benchmark results alive.
var parsed Expr

func BenchmarkParse(b *testing.B) {
	exprs := []struct{ name, src string }{
		{"poly", "2*a + 3*b**2 - sin(c)"},
		{"where", "where((a > 0.5) & ~isnan(b), sqrt(a*a + b*b), -1.5e-3)"},
		{"long", "a0 + a1*x + a2*x**2 + a3*x**3 + a4*x**4 + a5*x**5 + a6*x**6 + a7*x**7"},
	}
	for _, ex := range exprs {
		b.Run("expr="+ex.name, func(b *testing.B) {
			b.SetBytes(int64(len(ex.src)))
			b.ReportAllocs()
			for b.Loop() {
				e, err := Parse(ex.src)
				if err != nil {
					b.Fatal(err)
				}
				parsed = e
			}
		})
	}
}
