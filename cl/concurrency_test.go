package cl

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestCleanupSafetyNet drops buffers and in-flight read events without Release and
// checks that the cleanups release them without crashing.
func TestCleanupSafetyNet(t *testing.T) {
	ctx, q, _ := setup(t)
	before := cleanupsRun.Load()
	const n = 20
	func() {
		for range n {
			b, err := ctx.CreateBuffer(MemReadWrite, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := EnqueueReadBuffer(q, b, 0, make([]float64, 1<<17)); err != nil {
				t.Fatal(err)
			}
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for cleanupsRun.Load()-before < 2*n && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := cleanupsRun.Load() - before; got < 2*n {
		t.Errorf("%d of %d dropped objects released by the safety net", got, 2*n)
	}
	if err := q.Finish(); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentQueues runs kernels from several goroutines, each with its own
// kernel and buffer, on one shared queue and on queues of their own.
func TestConcurrentQueues(t *testing.T) {
	ctx, shared, d := setup(t)
	prog, err := ctx.BuildProgram(scaleSource, "")
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Release()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 4 {
		wg.Go(func() {
			q := shared
			if g%2 == 1 {
				own, err := ctx.CreateQueue(d, 0)
				if err != nil {
					errs <- err
					return
				}
				defer own.Release()
				q = own
			}
			if err := scaleOnce(ctx, q, prog, float32(g+1)); err != nil {
				errs <- fmt.Errorf("goroutine %d: %w", g, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func scaleOnce(ctx *Context, q *Queue, prog *Program, factor float32) error {
	k, err := prog.CreateKernel("scale")
	if err != nil {
		return err
	}
	defer k.Release()
	x := make([]float32, 4096)
	for i := range x {
		x[i] = float32(i)
	}
	buf, err := ctx.CreateBuffer(MemReadWrite, 4*len(x))
	if err != nil {
		return err
	}
	defer buf.Release()
	for range 10 {
		write, err := EnqueueWriteBuffer(q, buf, 0, x)
		if err != nil {
			return err
		}
		if err := k.SetArgs(buf, factor, uint32(len(x))); err != nil {
			return err
		}
		run, err := q.EnqueueNDRange(k, []int{len(x)}, nil, write)
		if err != nil {
			return err
		}
		out := make([]float32, len(x))
		err = ReadBuffer(q, buf, 0, out, run)
		write.Release()
		run.Release()
		if err != nil {
			return err
		}
		for i := range out {
			if out[i] != factor*x[i] {
				return fmt.Errorf("out[%d] = %v, want %v", i, out[i], factor*x[i])
			}
		}
	}
	return nil
}
