package numeric

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

var churnCount = flag.Int("churn", 0, "TestOpenCLChurnRSS: distinct expressions evaluated through Evaluate on OpenCL after the warm-up (each is a device build: about 0.5 s on pocl); 0 skips the test")

// rssBytes is the process's resident set size from /proc/self/statm.
func rssBytes(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skipf("no /proc/self/statm: %v", err)
	}
	var size, resident int64
	if _, err := fmt.Sscan(strings.TrimSpace(string(b)), &size, &resident); err != nil {
		t.Fatalf("/proc/self/statm %q: %v", b, err)
	}
	return resident * int64(os.Getpagesize())
}

// TestOpenCLChurnRSS: distinct expressions through Evaluate on OpenCL keep the
// resident set bounded once the caches are full (issue #14: 297 → 778 MB over 1,800
// expressions with a flat Go heap). The bound is issue #14's: under 50 MB of growth
// per 10⁴ expressions, here prorated to -churn expressions but never less than 8 MB
// (allocator noise). The warm-up fills Evaluate's cache (256) and the program cache.
//
// It runs only when asked (go test ./numeric -run ChurnRSS -churn=1000): each
// expression is a device build, and on pocl 3.1 it fails: numkit releases every
// evicted program and kernel (TestProgramLifecycle; opencl.Live stays at about 260),
// but pocl keeps each work-group function's shared object from its kernel cache
// mapped after the kernel and program are released (688 nk_stage*.so mapped with 264
// programs live), about 0.8 MB of RSS per distinct expression.
func TestOpenCLChurnRSS(t *testing.T) {
	if *churnCount <= 0 {
		t.Skip("pass -churn=N to evaluate N distinct expressions on OpenCL and measure RSS")
	}
	clTestDevice(t)
	a := make([]float64, 1000)
	eval := func(i int) {
		src := fmt.Sprintf("a*%d.5 + sin(a)*%d", i, i+1)
		if _, err := Evaluate(src, Vars{"a": a}, WithBackend(BackendOpenCL)); err != nil {
			t.Fatal(err)
		}
	}
	const warm = cacheSize + 16
	for i := range warm {
		eval(i)
	}
	runtime.GC()
	before := rssBytes(t)
	for i := range *churnCount {
		eval(warm + i)
	}
	runtime.GC()
	after := rssBytes(t)
	limit := max(int64(50<<20)*int64(*churnCount)/10_000, 8<<20)
	t.Logf("%d expressions after a warm-up of %d: RSS %d → %d MB", *churnCount, warm, before>>20, after>>20)
	if after-before > limit {
		t.Errorf("RSS grew %d MB over %d distinct expressions, more than %d MB", (after-before)>>20, *churnCount, limit>>20)
	}
}
