package bench_test

import (
	"fmt"
	"os"
	"time"

	"github.com/numkit/numkit/bench"
)

func ExampleParseSizes() {
	sizes, err := bench.ParseSizes("1e3, 10k, 2M")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range sizes {
		fmt.Println(n, bench.FormatSize(n))
	}
	// Output:
	// 1000 1e3
	// 10000 1e4
	// 2000000 2000000
}

func ExampleWriteTable() {
	loop, floats := 2.0, 1.5
	rep := &bench.Report{
		Machine: bench.Machine{Suite: "example", Date: "2026-05-01T12:00:00Z", CPU: "Example CPU", Cores: 2, Threads: 2,
			SIMD: "avx2", GoVersion: "go1.26.0", OS: "linux", Arch: "amd64", GOMAXPROCS: 2,
			Backends: []bench.BackendStatus{{Name: "simd", Usable: true}, {Name: "opencl", Reason: "no OpenCL library"}}},
		Rows: []bench.Row{
			{Case: "triad", DType: "float64", N: 1e6, Backend: "simd", Kind: "numkit", Status: bench.StatusOK,
				MedianS: 0.001, Spread: 0.05, GElemPerS: 1, GBPerS: 24, SpeedupLoop: &loop, SpeedupFloats: &floats},
			{Case: "triad", DType: "float64", N: 1e6, Backend: bench.BaselineLoop, Kind: "baseline", Status: bench.StatusOK, MedianS: 0.002},
			{Case: "triad", DType: "float64", N: 1e6, Backend: bench.BaselineFloats, Kind: "baseline", Status: bench.StatusOK, MedianS: 0.0015, Spread: 0.4, Noisy: true},
		},
		Elapsed: 3 * time.Second,
	}
	bench.WriteTable(os.Stdout, rep)
	// Output:
	// numkit bench: suite example, 2026-05-01T12:00:00Z
	// cpu       Example CPU: 2 cores, 2 threads; SIMD avx2
	// opencl    none
	// go        go1.26.0 linux/amd64, GOMAXPROCS 2
	// backends  simd
	//           not usable: opencl (no OpenCL library)
	// method    median time per evaluation of 3-21 timed runs after a warm-up whose result was
	//           checked against the go-loop baseline (without baselines: the first backend);
	//           spread = (max-min)/median, ! above 25%;
	//           ×loop and ×floats: the baseline's median over numkit's (above 1: numkit is faster)
	//
	//    case    dtype    n  backend    time  spread  Gelem/s   GB/s  go-loop  ×loop  gonum-floats  ×floats
	//   triad  float64  1e6     simd  1.00ms     5%     1.000  24.00  2.00ms    2.00       1.50ms!     1.50
	//
	// noisy: 1 of 3 measurements (numkit and baselines) had a spread over 25% (marked !):
	//        something else was running; compare medians with care, or rerun on a quiet machine.
	// 3 measurements in 3s
}
