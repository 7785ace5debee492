package numeric

// The conformance suite's checks of the API around evaluation: gonum inputs read
// without copying, WithFloat32Constants, destinations, and concurrent use.

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func confRunInterop(t *testing.T, be confBackend) {
	threads := be.threads[len(be.threads)-1]
	opts := []Option{WithBackend(be.name)}
	if threads > 0 {
		opts = append(opts, WithThreads(threads))
	}
	ctx := context.Background()
	t.Run("gonum-no-copy", func(t *testing.T) {
		vec := mat.NewVecDense(5, []float64{1, 2, 3, 4, 5})
		dense := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
		e, err := Compile("v * 2 + 1", opts...)
		if err != nil {
			t.Fatal(err)
		}
		ed, err := Compile("sum(m)", opts...)
		if err != nil {
			t.Fatal(err)
		}
		for round := range 2 {
			r, err := e.Eval(ctx, Vars{"v": vec})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := refEvaluate("v * 2 + 1", Vars{"v": vec.RawVector().Data}, false)
			if msg := confCompare(want, r, confTol{}); msg != "" {
				t.Errorf("round %d: *mat.VecDense: %s", round, msg)
			}
			var s float64
			if err := ed.EvalInto(ctx, &s, Vars{"m": dense}); err != nil {
				t.Fatal(err)
			}
			wantSum := 0.0
			for _, x := range dense.RawMatrix().Data {
				wantSum += x
			}
			if s != wantSum {
				t.Errorf("round %d: sum(*mat.Dense) = %v, want %v", round, s, wantSum)
			}
			// Mutate the inputs' storage: the next evaluation must see it.
			vec.RawVector().Data[2] = 100
			dense.RawMatrix().Data[5] = -60
		}
		// A VecDense destination is written in place.
		out := mat.NewVecDense(5, nil)
		if err := e.EvalInto(ctx, out, Vars{"v": vec}); err != nil {
			t.Fatal(err)
		}
		if got := out.AtVec(2); got != 201 {
			t.Errorf("EvalInto *mat.VecDense: [2] = %v, want 201", got)
		}
	})
	t.Run("float32-constants", func(t *testing.T) {
		vars := confVars(64)
		for _, src := range []string{"f1 * 2.5", "xf * sd + 1.5", "xf * 2", "xf * y", "sf * 2.5", "n32 * 2.5", "where(c, xf, 0.1)"} {
			c := confCase{src: src, vars: vars, f32c: true}
			c.run(t, be)
			plain, err := Compile(src, opts...)
			if err != nil {
				t.Fatal(err)
			}
			r, err := plain.Eval(ctx, vars)
			if err != nil {
				t.Fatal(err)
			}
			f32, err := Compile(src, append(opts, WithFloat32Constants())...)
			if err != nil {
				t.Fatal(err)
			}
			r32, err := f32.Eval(ctx, vars)
			if err != nil {
				t.Fatal(err)
			}
			if src == "f1 * 2.5" && (r.Type != Float64 || r32.Type != Float32) {
				t.Errorf("%s: types %s and %s with WithFloat32Constants, want float64 and float32", src, r.Type, r32.Type)
			}
		}
	})
	t.Run("concurrent", func(t *testing.T) {
		const src = "sum(x - mean(x)) + where(c, x * 2, sin(y))"
		e, err := Compile(src, opts...)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n := []int{100, 4097, 40000, 3}[g%4]
				vars := confVars(n)
				want, _ := refEvaluate(src, vars, false)
				for range 3 {
					r, err := e.Eval(ctx, vars)
					if err != nil {
						errs <- err
						return
					}
					if msg := confCompare(want, r, confCase{src: src, ulp: "sin"}.tolerance(be)); msg != "" {
						errs <- fmt.Errorf("goroutine %d, n=%d: %s", g, n, msg)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	})
}
