//go:build linux

package vm

import (
	"context"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
	"golang.org/x/sys/unix"
)

// TestBlockAB times expressions (VMB_EXPRS, ';'-separated) at VMB_N elements with
// elementwise blocks of each size in VMB_BLOCKS, interleaved, and logs the minimum
// and median per size. Skipped unless VMB_EXPRS is set.
func TestBlockAB(t *testing.T) {
	exprs := os.Getenv("VMB_EXPRS")
	if exprs == "" {
		t.Skip("VMB_EXPRS not set")
	}
	n, _ := strconv.Atoi(os.Getenv("VMB_N"))
	if n == 0 {
		n = 20_000_000
	}
	rounds, _ := strconv.Atoi(os.Getenv("VMB_ROUNDS"))
	if rounds == 0 {
		rounds = 15
	}
	threads, _ := strconv.Atoi(os.Getenv("VMB_THREADS"))
	if threads == 0 {
		threads = 2
	}
	var blocks []int
	var vectorOnly []bool // a "v" suffix: no fused stream plan (FuseMin past any size)
	for _, f := range strings.Split(os.Getenv("VMB_BLOCKS"), ",") {
		if b, err := strconv.Atoi(strings.TrimSuffix(f, "v")); err == nil {
			blocks = append(blocks, b)
			vectorOnly = append(vectorOnly, strings.HasSuffix(f, "v"))
		}
	}
	vecs := make([][]float64, 6)
	for k := range vecs {
		vecs[k] = make([]float64, n)
		for i := range vecs[k] {
			vecs[k][i] = float64(i%1000)/1000 + 0.5 + float64(k)
		}
	}
	out := make([]float64, n)
	backend, err := BackendFor(exec.BackendSIMD)
	if err != nil {
		t.Skip(err)
	}
	for _, src := range strings.Split(exprs, ";") {
		prog := lower(t, src)
		var ins []exec.Binding
		for i := range prog.Inputs {
			ins = append(ins, f64Binding(vecs[i]))
		}
		progs := make([]*Program, len(blocks))
		for i, b := range blocks {
			opt := Options{Block: b}
			if vectorOnly[i] {
				opt.FuseMin = math.MaxInt
			}
			if progs[i], err = Compile(prog, backend, opt); err != nil {
				t.Fatal(err)
			}
		}
		ts := make([][]float64, len(blocks))
		cpu := make([][]float64, len(blocks)) // the calling thread's CPU time (one thread)
		runtime.LockOSThread()
		o := exec.Output{Type: ir.Float64, Ptr: unsafe.Pointer(&out[0])}
		for r := 0; r <= rounds; r++ {
			for i, p := range progs {
				var c0, c1 unix.Timespec
				_ = unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &c0)
				t0 := time.Now()
				if _, err := p.Run(context.Background(), ins, 0, n, o, threads); err != nil {
					t.Fatal(err)
				}
				wall := time.Since(t0)
				_ = unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &c1)
				if r > 0 {
					ts[i] = append(ts[i], wall.Seconds()*1e3)
					cpu[i] = append(cpu[i], float64(c1.Nano()-c0.Nano())/1e6)
				}
			}
		}
		runtime.UnlockOSThread()
		for i, b := range blocks {
			slices.Sort(ts[i])
			slices.Sort(cpu[i])
			plan := progs[i].plan
			if progs[i].streamPlan != nil && !vectorOnly[i] && n*(prog.Cost.BytesRead+prog.Cost.BytesWritten) >= progs[i].fuseMin {
				plan = progs[i].streamPlan
			}
			pass := plan.stages[0].sub
			if n*(prog.Cost.BytesRead+prog.Cost.BytesWritten) >= progs[i].wholeMin {
				pass = exec.BlockSize
			}
			t.Logf("%-32s block %5d (pass %4d) vector-only %5v  min %9.1f  med %9.1f us  caller's CPU time min %9.1f med %9.1f us", src, b, pass, vectorOnly[i], 1000*ts[i][0], 1000*ts[i][len(ts[i])/2], 1000*cpu[i][0], 1000*cpu[i][len(cpu[i])/2])
		}
	}
}
