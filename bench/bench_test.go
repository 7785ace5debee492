package bench

import (
	"errors"
	"testing"

	"github.com/numkit/numkit/numeric"
)

// sinkResult keeps the last result of every benchmark so nothing is optimised away.
var sinkResult any

// BenchmarkEval times every case of the default suite at 10^3 and 10^6 elements on
// numkit's CPU backends and the two Go baselines, one sub-benchmark each, named
//
//	BenchmarkEval/expr=poly/n=1e6/backend=simd
//
// with the bytes moved per evaluation (b.SetBytes, so MB/s), allocations, and Gelem/s,
// for benchstat:
//
//	go test -run '^$' -bench Eval -count 10 ./bench > new.txt && benchstat old.txt new.txt
func BenchmarkEval(b *testing.B) {
	def, _ := SuiteByName("default")
	for _, c := range def.Cases {
		for _, n := range []int{1e3, 1e6} {
			in := newInputs(1, c.DType, n)
			var variables int
			if e, err := numeric.Compile(c.Expr); err == nil {
				variables = len(e.Names())
			}
			impls := map[string]func() (kernel, error){}
			order := []string{numeric.BackendSIMD, numeric.BackendGonum, BaselineLoop, BaselineFloats}
			for _, backend := range order[:2] {
				impls[backend] = func() (kernel, error) {
					e, err := compileFor(c, backend, 0)
					if err != nil {
						return kernel{}, err
					}
					return numkitKernel(e, in), nil
				}
			}
			if mk := baselines[c.Name].loop; mk != nil {
				impls[BaselineLoop] = func() (kernel, error) { return mk(in), nil }
			}
			if mk := baselines[c.Name].floats; mk != nil {
				impls[BaselineFloats] = func() (kernel, error) { return mk(in), nil }
			}
			for _, name := range order {
				mk, ok := impls[name]
				if !ok {
					continue
				}
				b.Run("expr="+c.Name+"/n="+FormatSize(n)+"/backend="+name, func(b *testing.B) {
					k, err := mk()
					if err == nil {
						err = k.run() // the warm-up, outside the timing
					}
					if errors.Is(err, numeric.ErrBackend) {
						b.Skip(err)
					}
					if err != nil {
						b.Fatal(err)
					}
					b.SetBytes(bytesMoved(c, n, variables, k.result()))
					b.ReportAllocs()
					b.ResetTimer()
					for b.Loop() {
						if err := k.run(); err != nil {
							b.Fatal(err)
						}
					}
					b.StopTimer()
					b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "Gelem/s")
					sinkResult = k.result()
				})
			}
		}
	}
}
