package vm

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
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
	for _, f := range strings.Split(os.Getenv("VMB_BLOCKS"), ",") {
		if b, err := strconv.Atoi(f); err == nil {
			blocks = append(blocks, b)
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
			if progs[i], err = Compile(prog, backend, Options{Block: b}); err != nil {
				t.Fatal(err)
			}
		}
		ts := make([][]float64, len(blocks))
		o := exec.Output{Type: ir.Float64, Ptr: unsafe.Pointer(&out[0])}
		for r := 0; r <= rounds; r++ {
			for i, p := range progs {
				t0 := time.Now()
				if _, err := p.Run(context.Background(), ins, 0, n, o, threads); err != nil {
					t.Fatal(err)
				}
				if r > 0 {
					ts[i] = append(ts[i], time.Since(t0).Seconds()*1e3)
				}
			}
		}
		for i, b := range blocks {
			slices.Sort(ts[i])
			t.Logf("%-32s block %5d (pass %4d)  min %9.1f  med %9.1f us", src, b, progs[i].plan.stages[0].sub, 1000*ts[i][0], 1000*ts[i][len(ts[i])/2])
		}
	}
}
