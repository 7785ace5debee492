package numeric

import (
	"context"
	"fmt"
	"testing"
)

// FuzzShapes checks random shapes, broadcast patterns, layouts (C, Fortran, strided,
// reversed), dtypes, expressions and thread counts on the CPU backends against the
// reference interpreter, bit for bit (the values are quarters and small integers, so
// every result is exact), and that the engine rejects exactly the shapes the
// reference cannot broadcast.
func FuzzShapes(f *testing.F) {
	f.Add([]byte{2, 3, 4, 1, 4, 0, 1, 0, 0})
	f.Add([]byte{3, 2, 1, 4, 2, 3, 4, 2, 1, 3, 1})
	f.Add([]byte{1, 0, 2, 0, 3, 1, 2, 2, 0})
	f.Add([]byte{2, 5, 1, 2, 1, 7, 3, 3, 1, 2})
	exprs := []string{"a + b", "(a - 3) * b + (a - 3)", "where(a > b, a, b)", "a * b < 2", "sum(a * b)", "a - min(b) + max(a)", "sum(b) * 2 - a", "a + sum(b - 1) * mean(a)"}
	dtypes := []DType{Float64, Float32, Int64, Int32}
	backends := []string{BackendGonum, BackendSIMD}
	f.Fuzz(func(t *testing.T, in []byte) {
		next := func() int {
			if len(in) == 0 {
				return 0
			}
			v := int(in[0])
			in = in[1:]
			return v
		}
		shape := func() []int {
			s := make([]int, next()%4)
			for i := range s {
				s[i] = next() % 6
				if s[i] == 5 {
					s[i] = 300 // long enough for the in-place inner runs
				}
			}
			return s
		}
		sa, sb := shape(), shape()
		dt := dtypes[next()%len(dtypes)]
		la, lb := confShapeLayouts[next()%4], confShapeLayouts[next()%4]
		src := exprs[next()%len(exprs)]
		be := backends[next()%2]
		threads := 1 + next()%3
		if rs, err := broadcastShapes([]string{"a", "b"}, [][]int{sa, sb}); err == nil && prod(rs) > 1<<16 || prod(sa) > 1<<16 || prod(sb) > 1<<16 {
			return // the reference is slow on large results
		}
		vars := Vars{"a": confShapeArray(dt, sa, la, 1), "b": confShapeArray(dt, sb, lb, 2)}
		where := fmt.Sprintf("%s %s a%v %s b%v %s %s threads=%d", src, dt, sa, la, sb, lb, be, threads)
		want, werr := refEvaluate(src, vars, false)
		got, err := MustCompile(src, WithBackend(be), WithThreads(threads)).Eval(context.Background(), vars)
		if werr != nil || err != nil {
			emptyReduce := werr == nil && len(want.vals) == 0 && err != nil
			if (werr == nil) != (err == nil) && !emptyReduce {
				t.Fatalf("%s: error %v, reference %v", where, err, werr)
			}
			return
		}
		if msg := confCompare(want, got, confTol{}); msg != "" {
			t.Fatalf("%s: %s", where, msg)
		}
	})
}
