package main

import "math/rand/v2"

// isComplexDType reports whether bench --expr's --dtype names a complex type.
func isComplexDType(dtype string) bool { return dtype == "complex128" || dtype == "complex64" }

// randomBenchArray is bench --expr's input of n elements of dtype: randomArray's
// uniform [0, 1) values, or for a complex type both parts so drawn.
func randomBenchArray(rng *rand.Rand, n int, dtype string) any {
	switch dtype {
	case "complex128":
		s := make([]complex128, n)
		for i := range s {
			s[i] = complex(rng.Float64(), rng.Float64())
		}
		return s
	case "complex64":
		s := make([]complex64, n)
		for i := range s {
			s[i] = complex(rng.Float32(), rng.Float32())
		}
		return s
	}
	return randomArray(rng, n, dtype)
}
