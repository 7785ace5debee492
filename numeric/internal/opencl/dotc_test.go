//go:build linux

package opencl

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/ebitengine/purego"
	"github.com/numkit/numkit/numeric/ir"
)

// clDotC is the C reference loop of the peers' benchmark (../shared/peers) for
// sum(a*b), as a library: OpenMP on every core, the float32 products summed in double.
const clDotC = `
double cdot64(const double *a, const double *b, long n) {
	double s = 0;
#pragma omp parallel for simd reduction(+:s)
	for (long i = 0; i < n; i++) s += a[i]*b[i];
	return s;
}
double cdot32(const float *a, const float *b, long n) {
	double s = 0;
#pragma omp parallel for simd reduction(+:s)
	for (long i = 0; i < n; i++) s += a[i]*b[i];
	return s;
}
`

// TestOpenCLDotAgainstC times sum(a*b) over 2·10^7 device-resident elements in both
// reduction kernel shapes (kernels.Target.CPU) against the C reference loop built
// with gcc -O3 -march=native -fopenmp -ffast-math and called in the same process.
// The three alternate in random order, three evaluations each per round, with a
// pause before each, so that a machine shared with other work slows them alike; it
// logs the wall and process CPU time of each. It is a measurement, not a check: it
// runs only with NUMKIT_DOT_VS_C=1 (and gcc), e.g.
//
//	NUMKIT_DOT_VS_C=1 go test -run TestOpenCLDotAgainstC -v ./numeric/
func TestOpenCLDotAgainstC(t *testing.T) {
	if os.Getenv("NUMKIT_DOT_VS_C") != "1" {
		t.Skip("a measurement: set NUMKIT_DOT_VS_C=1")
	}
	d := testDevice(t)
	dir := t.TempDir()
	src, lib := filepath.Join(dir, "dot.c"), filepath.Join(dir, "libdot.so")
	if err := os.WriteFile(src, []byte(clDotC), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("gcc", "-O3", "-march=native", "-fopenmp", "-ffast-math", "-shared", "-fPIC", src, "-o", lib).CombinedOutput()
	if err != nil {
		t.Skipf("building the C reference: %v\n%s", err, out)
	}
	h, err := purego.Dlopen(lib, purego.RTLD_NOW|purego.RTLD_LOCAL)
	if err != nil {
		t.Fatal(err)
	}
	var cdot64 func(a, b *float64, n int64) float64
	var cdot32 func(a, b *float32, n int64) float64
	purego.RegisterLibFunc(&cdot64, h, "cdot64")
	purego.RegisterLibFunc(&cdot32, h, "cdot32")

	const n, rounds = 20_000_000, 20
	a, b := clRandom(n, 1), clRandom(n, 2)
	a32, b32 := toFloat32(a), toFloat32(b)
	order := rand.New(rand.NewPCG(1, 2))
	for _, dt := range []ir.DType{Float64, Float32} {
		var ha, hb any = a, b
		cref := func() { cdot64(&a[0], &b[0], n) }
		if dt == Float32 {
			ha, hb = a32, b32
			cref = func() { cdot32(&a32[0], &b32[0], n) }
		}
		vars := Vars{}
		for name, x := range map[string]any{"a": ha, "b": hb} {
			arr, err := testUpload(x)
			if err != nil {
				t.Fatal(err)
			}
			defer arr.Release()
			vars[name] = arr
		}
		names := []string{"C", "opencl tree shape", "opencl cpu shape"}
		runs := []func(){cref}
		for _, cpu := range []bool{false, true} {
			old := d.target.CPU
			d.target.CPU = cpu
			e := MustCompile("sum(a*b)", WithBackend(BackendOpenCL))
			dst := clScalarDst(dt)
			err := e.EvalInto(context.Background(), dst, vars) // build with this shape
			d.target.CPU = old
			if err != nil {
				t.Fatal(err)
			}
			runs = append(runs, func() {
				if err := e.EvalInto(context.Background(), dst, vars); err != nil {
					t.Fatal(err)
				}
			})
		}
		wall, cpu := make([][]float64, len(runs)), make([][]float64, len(runs))
		for range rounds {
			for _, k := range order.Perm(len(runs)) {
				for range 3 {
					time.Sleep(5 * time.Millisecond)
					w, c := clTimed(runs[k])
					wall[k], cpu[k] = append(wall[k], w), append(cpu[k], c)
				}
			}
		}
		for k, name := range names {
			slices.Sort(wall[k])
			slices.Sort(cpu[k])
			w, c := wall[k], cpu[k]
			t.Logf("%s %-17s wall median %6.2f ms, p25 %6.2f, min %6.2f; CPU median %6.2f ms, min %6.2f",
				dt, name, w[len(w)/2], w[len(w)/4], w[0], c[len(c)/2], c[0])
		}
	}
}

// clTimed runs f and returns the wall and process CPU time it took, in ms.
func clTimed(f func()) (wall, cpu float64) {
	var r0, r1 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
	t0 := time.Now()
	f()
	wall = time.Since(t0).Seconds() * 1e3
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
	used := r1.Utime.Nano() + r1.Stime.Nano() - r0.Utime.Nano() - r0.Stime.Nano()
	return wall, float64(used) / 1e6
}
