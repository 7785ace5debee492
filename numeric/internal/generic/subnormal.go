package generic

import "github.com/numkit/numkit/internal/submath"

// Log, Log10 and Pow are Go's math functions with subnormal arguments handled
// correctly (internal/submath, shared with the random-expression evaluator).
func Log(x float64) float64 { return submath.Log(x) }

// Log10 is the base-10 logarithm, correct for subnormal x.
func Log10(x float64) float64 { return submath.Log10(x) }

// Pow is x**y, accurate for a subnormal x and a non-integer y.
func Pow(x, y float64) float64 { return submath.Pow(x, y) }
