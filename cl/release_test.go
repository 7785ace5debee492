package cl

import (
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestReleaseTwice(t *testing.T) {
	ctx, q, _ := setup(t)
	prog, err := ctx.BuildProgram(scaleSource, "")
	if err != nil {
		t.Fatal(err)
	}
	k, err := prog.CreateKernel("scale")
	if err != nil {
		t.Fatal(err)
	}
	buf, err := ctx.CreateBuffer(MemReadWrite, 64)
	if err != nil {
		t.Fatal(err)
	}
	for _, obj := range []interface{ Release() error }{k, k, prog, prog, buf, buf, q, q, ctx, ctx} {
		if err := obj.Release(); err != nil {
			t.Errorf("%T.Release: %v", obj, err)
		}
	}
	if err := q.Finish(); !errors.Is(err, ErrReleased) {
		t.Errorf("Finish after Release: %v", err)
	}
	if _, err := ctx.CreateBuffer(MemReadWrite, 8); !errors.Is(err, ErrReleased) {
		t.Errorf("CreateBuffer after Release: %v", err)
	}
	if err := k.SetArgBuffer(0, buf); !errors.Is(err, ErrReleased) {
		t.Errorf("SetArgBuffer after Release: %v", err)
	}
	var nilEvent *Event
	if nilEvent.Wait() != nil || nilEvent.Release() != nil {
		t.Error("nil event is not complete")
	}
}

// TestNoLeak creates and releases contexts, queues, programs, kernels, buffers and
// events 200 times and checks the process's file descriptors and resident memory.
// Most programs are created from a binary (a source build costs pocl ~100 ms);
// every 20th is built from source.
func TestNoLeak(t *testing.T) {
	r, d := requireOpenCL(t)
	if testing.Short() {
		t.Skip("short")
	}
	var binaries []ProgramBinary
	cycle := func(i int) {
		ctx, err := r.CreateContext(d)
		if err != nil {
			t.Fatal(err)
		}
		q, err := ctx.CreateQueue(d, 0)
		if err != nil {
			t.Fatal(err)
		}
		var prog *Program
		if binaries == nil || i%20 == 0 {
			prog, err = ctx.BuildProgram(scaleSource, "")
			if err == nil && binaries == nil {
				binaries, err = prog.Binaries()
			}
		} else {
			prog, err = ctx.CreateProgramWithBinary(binaries)
			if err == nil {
				err = prog.Build("")
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		k, err := prog.CreateKernel("scale")
		if err != nil {
			t.Fatal(err)
		}
		x := make([]float32, 1<<14)
		buf, err := CreateBufferFrom(ctx, MemReadWrite, x)
		if err != nil {
			t.Fatal(err)
		}
		if err := k.SetArgs(buf, float32(2), uint32(len(x))); err != nil {
			t.Fatal(err)
		}
		ev, err := q.EnqueueNDRange(k, []int{len(x)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := ReadBuffer(q, buf, 0, x, ev); err != nil {
			t.Fatal(err)
		}
		for _, obj := range []interface{ Release() error }{ev, buf, k, prog, q, ctx} {
			if err := obj.Release(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := range 20 { // warm up caches, thread pools and the compiler
		cycle(i)
	}
	runtime.GC()
	fds0, rss0 := openFDs(), residentBytes()
	for i := range 200 {
		cycle(i)
	}
	runtime.GC()
	fds1, rss1 := openFDs(), residentBytes()
	t.Logf("open fds %d -> %d, resident %d MiB -> %d MiB", fds0, fds1, rss0>>20, rss1>>20)
	if fds0 >= 0 && fds1 > fds0+2 {
		t.Errorf("open file descriptors grew from %d to %d", fds0, fds1)
	}
	if rss0 > 0 && rss1 > rss0+32<<20 {
		t.Errorf("resident memory grew from %d MiB to %d MiB", rss0>>20, rss1>>20)
	}
}

// openFDs counts /proc/self/fd entries, or -1 where there is no /proc.
func openFDs() int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// residentBytes reads VmRSS from /proc/self/status, or 0 where there is none.
func residentBytes() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

func TestZeroValueObjects(t *testing.T) {
	var (
		ctx  Context
		q    Queue
		buf  Buffer
		prog Program
		k    Kernel
		ev   Event
	)
	if _, err := ctx.CreateBuffer(MemReadWrite, 8); err == nil {
		t.Error("zero Context created a buffer")
	}
	if err := q.Finish(); err == nil {
		t.Error("zero Queue finished")
	}
	if err := WriteBuffer(&q, &buf, 0, []float64{1}); err == nil {
		t.Error("zero Queue and Buffer wrote")
	}
	if _, err := prog.CreateKernel("k"); err == nil {
		t.Error("zero Program made a kernel")
	}
	if err := k.SetArgInt32(0, 1); err == nil {
		t.Error("zero Kernel set an argument")
	}
	if err := ev.Wait(); err == nil {
		t.Error("zero Event waited")
	}
	for _, obj := range []interface{ Release() error }{&ctx, &q, &buf, &prog, &k, &ev} {
		if err := obj.Release(); err != nil {
			t.Errorf("%T.Release: %v", obj, err)
		}
	}
	var nilQueue *Queue
	if err := WriteBuffer(nilQueue, nil, 0, []float64{1}); err == nil {
		t.Error("nil Queue wrote")
	}
}
