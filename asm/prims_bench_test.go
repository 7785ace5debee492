package asm

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Benchmarks of a representative subset of the primitives at block size (1000)
// and beyond the caches (100000), at every level this machine supports:
//
//	go test -run '^$' -bench 'AddF64|MulAddF64|SqrtAddProd2F64|SumF64|DotF64|SelectF64|LessF64' ./asm/

var (
	primSinkF64 float64
	primSinkF32 float32
)

// primBench runs body, which handles n elements and moves bytesPerElem bytes per
// element, for each size and level.
func primBench(b *testing.B, bytesPerElem int, setup func(n int) func()) {
	for _, n := range []int{1000, 100000} {
		body := setup(n)
		for _, l := range primLevels() {
			b.Run(fmt.Sprintf("n=%d/level=%v", n, l), func(b *testing.B) {
				b.SetBytes(int64(n * bytesPerElem))
				b.ReportAllocs()
				primWithLevel(l, func() {
					for b.Loop() {
						body()
					}
				})
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "Gelem/s")
			})
		}
	}
}

func primBenchF64(n int) []float64 {
	r := rand.New(rand.NewPCG(uint64(n), 1))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.Float64()*2 - 1
	}
	return x
}

func primBenchF32(n int) []float32 {
	x := make([]float32, n)
	for i, v := range primBenchF64(n) {
		x[i] = float32(v)
	}
	return x
}

func BenchmarkAddF64(b *testing.B) {
	primBench(b, 24, func(n int) func() {
		dst, x, y := make([]float64, n), primBenchF64(n), primBenchF64(n)
		return func() { AddF64(dst, x, y) }
	})
}

func BenchmarkAddF32(b *testing.B) {
	primBench(b, 12, func(n int) func() {
		dst, x, y := make([]float32, n), primBenchF32(n), primBenchF32(n)
		return func() { AddF32(dst, x, y) }
	})
}

func BenchmarkMulAddF64(b *testing.B) {
	primBench(b, 32, func(n int) func() {
		dst, x, y, z := make([]float64, n), primBenchF64(n), primBenchF64(n), primBenchF64(n)
		return func() { MulAddF64(dst, x, y, z) }
	})
}

// BenchmarkSqrtAddProd2F64 is hypot's sqrt(a*a + b*b): x and y (z and w) are one
// slice, as the VM passes them, so it moves 24 bytes per element.
func BenchmarkSqrtAddProd2F64(b *testing.B) {
	primBench(b, 24, func(n int) func() {
		dst, x, z := make([]float64, n), primBenchF64(n), primBenchF64(n)
		return func() { SqrtAddProd2F64(dst, x, x, z, z) }
	})
}

func BenchmarkSqrtAddProd2F32(b *testing.B) {
	primBench(b, 12, func(n int) func() {
		dst, x, z := make([]float32, n), primBenchF32(n), primBenchF32(n)
		return func() { SqrtAddProd2F32(dst, x, x, z, z) }
	})
}

func BenchmarkSumF64(b *testing.B) {
	primBench(b, 8, func(n int) func() {
		x := primBenchF64(n)
		return func() { primSinkF64 = SumF64(x) }
	})
}

func BenchmarkSumF32(b *testing.B) {
	primBench(b, 4, func(n int) func() {
		x := primBenchF32(n)
		return func() { primSinkF32 = SumF32(x) }
	})
}

func BenchmarkDotF64(b *testing.B) {
	primBench(b, 16, func(n int) func() {
		x, y := primBenchF64(n), primBenchF64(n)
		return func() { primSinkF64 = DotF64(x, y) }
	})
}

func BenchmarkSelectF64(b *testing.B) {
	primBench(b, 25, func(n int) func() {
		dst, x, y := make([]float64, n), primBenchF64(n), primBenchF64(n)
		cond := make([]bool, n)
		LessF64(cond, x, y)
		return func() { SelectF64(dst, cond, x, y) }
	})
}

func BenchmarkLessF64(b *testing.B) {
	primBench(b, 17, func(n int) func() {
		dst, x, y := make([]bool, n), primBenchF64(n), primBenchF64(n)
		return func() { LessF64(dst, x, y) }
	})
}
