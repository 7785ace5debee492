package numeric

import (
	"context"
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// TestMomentsSumRatio measures Moments against sum(a) at n = 2e7 the way a loaded
// machine allows: the two interleaved, many rounds, the fastest round of each (and, on
// one thread, the thread's CPU time). It runs only with NUMKIT_MOMENTS_TIMING=1:
//
//	NUMKIT_MOMENTS_TIMING=1 go test -run TestMomentsSumRatio -v ./numeric/
func TestMomentsSumRatio(t *testing.T) {
	if os.Getenv("NUMKIT_MOMENTS_TIMING") != "1" {
		t.Skip("set NUMKIT_MOMENTS_TIMING=1 to measure")
	}
	const n, rounds = 20_000_000, 25
	a := normalData(n, 1e9, 1, 3)
	for _, threads := range []int{1, 2} {
		e := MustCompile("sum(a)", WithThreads(threads))
		vars := Vars{"a": a}
		runtime.LockOSThread()
		var wallM, wallS, cpuM, cpuS []time.Duration
		for r := 0; r < rounds; r++ {
			w0, c0 := time.Now(), threadCPU()
			benchStats = Moments(a, MomentsThreads(threads))
			w1, c1 := time.Now(), threadCPU()
			res, err := e.Eval(context.Background(), vars)
			if err != nil {
				t.Fatal(err)
			}
			benchSum = res
			w2, c2 := time.Now(), threadCPU()
			wallM, wallS = append(wallM, w1.Sub(w0)), append(wallS, w2.Sub(w1))
			cpuM, cpuS = append(cpuM, c1-c0), append(cpuS, c2-c1)
		}
		runtime.UnlockOSThread()
		for _, s := range [][]time.Duration{wallM, wallS, cpuM, cpuS} {
			slices.Sort(s)
		}
		t.Logf("threads=%d wall: moments min %v median %v, sum min %v median %v: ratio of minima %.3f, of medians %.3f",
			threads, wallM[0], wallM[rounds/2], wallS[0], wallS[rounds/2],
			float64(wallM[0])/float64(wallS[0]), float64(wallM[rounds/2])/float64(wallS[rounds/2]))
		if threads == 1 && cpuS[0] > 0 {
			t.Logf("threads=1 thread CPU: moments min %v, sum min %v: ratio %.3f", cpuM[0], cpuS[0], float64(cpuM[0])/float64(cpuS[0]))
		}
	}
}

// threadCPU returns the calling thread's CPU time (0 where it is not available).
func threadCPU() time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
