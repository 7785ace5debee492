package numeric

import (
	"context"
	"testing"
)

// BenchmarkIntMod times int32 and int64 % and // on the SIMD and gonum backends. A
// path through asm's exact float64 fmod was measured 2-3x slower than the generic
// kernels' integer division here (Zen 5 class VM, 2026-12-07 07:06 UTC), so integer
// division stays generic; this benchmark is the check for another attempt.
func BenchmarkIntMod(b *testing.B) {
	const n = 1 << 16
	x32, y32, x64, y64 := make([]int32, n), make([]int32, n), make([]int64, n), make([]int64, n)
	for i := range x32 {
		x32[i], y32[i] = int32(i*7919%100003-50000), int32(i%97-48)
		x64[i], y64[i] = int64(x32[i]), int64(y32[i])
	}
	for _, c := range []struct {
		name string
		vars Vars
	}{{"int32", Vars{"x": x32, "y": y32}}, {"int64", Vars{"x": x64, "y": y64}}} {
		for _, src := range []string{"x % y", "x // y", "x % 10"} {
			for _, backend := range []string{BackendSIMD, BackendGonum} {
				b.Run(c.name+"/"+src+"/"+backend, func(b *testing.B) {
					e := MustCompile(src, WithBackend(backend), WithThreads(1))
					for b.Loop() {
						if _, err := e.Eval(context.Background(), c.vars); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
