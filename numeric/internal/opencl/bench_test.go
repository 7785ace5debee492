package opencl

import (
	"context"
	"fmt"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// clBenchCases are the memory-bound public benchmark cases (bench/suite.go).
var clBenchCases = []struct {
	name, src string
	dtype     ir.DType
	inputs    []string
}{
	{"triad", "b+3*c", Float64, []string{"b", "c"}},
	{"poly", "2*a+3*b**2-c/4", Float64, []string{"a", "b", "c"}},
	{"hypot", "sqrt(a*a+b*b)", Float64, []string{"a", "b"}},
	{"where", "where(a>0.5,b,c)", Float64, []string{"a", "b", "c"}},
	{"dot", "sum(a*b)", Float64, []string{"a", "b"}},
	{"poly32", "2*a+3*b**2-c/4", Float32, []string{"a", "b", "c"}},
	{"dot32", "sum(a*b)", Float32, []string{"a", "b"}},
}

// clBenchResult keeps results reachable so nothing is optimised away.
var clBenchResult any

// BenchmarkOpenCL runs the public memory-bound cases on the opencl backend at
// n = 2·10^7: "resident" with inputs and output in device arrays (the output of a
// reduction is one host scalar), "host" with Go slices copied in and out on every
// evaluation. The bytes are those the expression reads and writes once.
//
//	go test -run '^$' -bench OpenCL -benchtime 10x ./numeric/
func BenchmarkOpenCL(b *testing.B) {
	if err := Usable(); err != nil {
		b.Skip(err)
	}
	const n = 20_000_000
	for _, c := range clBenchCases {
		host := Vars{}
		for k, name := range c.inputs {
			x := clRandom(n, uint64(k+1))
			if c.dtype == Float32 {
				host[name] = toFloat32(x)
			} else {
				host[name] = x
			}
		}
		e := MustCompile(c.src, WithBackend(BackendOpenCL))
		scalar := c.name == "dot" || c.name == "dot32"
		bytes := int64(n * c.dtype.Size() * len(c.inputs))
		if !scalar {
			bytes += int64(n * c.dtype.Size())
		}
		b.Run(fmt.Sprintf("expr=%s/n=2e7/resident", c.name), func(b *testing.B) {
			vars := Vars{}
			for name, x := range host {
				a, err := testUpload(x)
				if err != nil {
					b.Fatal(err)
				}
				defer a.Release()
				vars[name] = a
			}
			dst := clScalarDst(c.dtype)
			if !scalar {
				out, err := NewArray(c.dtype, n)
				if err != nil {
					b.Fatal(err)
				}
				defer out.Release()
				dst = out
			}
			clBenchLoop(b, e, dst, vars, bytes)
		})
		b.Run(fmt.Sprintf("expr=%s/n=2e7/host", c.name), func(b *testing.B) {
			dst := clScalarDst(c.dtype)
			if !scalar {
				if c.dtype == Float32 {
					dst = make([]float32, n)
				} else {
					dst = make([]float64, n)
				}
			}
			clBenchLoop(b, e, dst, host, bytes)
		})
	}
}

// BenchmarkOpenCLReduceShape runs the reductions dot and dot32 with device-resident
// inputs in both shapes of reduction kernel, the work-group tree (GPUs) and one
// work-item per tile (CPUs, kernels.Target.CPU), on the device at hand whatever its
// type. (On a busy machine, TestOpenCLDotAgainstC compares them more fairly: it
// alternates them, and the C reference, in one loop.)
//
//	go test -run '^$' -bench OpenCLReduceShape -benchtime 10x ./numeric/
func BenchmarkOpenCLReduceShape(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Skip(err)
	}
	const n = 20_000_000
	for _, c := range clBenchCases {
		if c.name != "dot" && c.name != "dot32" {
			continue
		}
		vars := Vars{}
		for k, name := range c.inputs {
			var x any = clRandom(n, uint64(k+1))
			if c.dtype == Float32 {
				x = toFloat32(x.([]float64))
			}
			a, err := testUpload(x)
			if err != nil {
				b.Fatal(err)
			}
			defer a.Release()
			vars[name] = a
		}
		for _, cpu := range []bool{false, true} {
			shape := map[bool]string{false: "tree", true: "cpu"}[cpu]
			b.Run(fmt.Sprintf("expr=%s/n=2e7/shape=%s", c.name, shape), func(b *testing.B) {
				old := d.target.CPU
				d.target.CPU = cpu
				defer func() { d.target.CPU = old }()
				e := MustCompile(c.src, WithBackend(BackendOpenCL))
				clBenchLoop(b, e, clScalarDst(c.dtype), vars, int64(n*c.dtype.Size()*len(c.inputs)))
			})
		}
	}
}

func clBenchLoop(b *testing.B, e *Expr, dst any, vars Vars, bytes int64) {
	ctx := context.Background()
	if err := e.EvalInto(ctx, dst, vars); err != nil { // build and warm up
		b.Fatal(err)
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := e.EvalInto(ctx, dst, vars); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bytes)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
	clBenchResult = dst
}

// clScalarDst is the destination of a reduction of t: a *float32 or *float64.
