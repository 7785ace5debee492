package numeric

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/numkit/numkit/numeric/internal/compile"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/route"
	"github.com/numkit/numkit/numeric/internal/vm"
)

// Backend names, as WithBackend and NUMKIT_BACKEND take them.
const (
	BackendAuto   = exec.BackendAuto
	BackendGonum  = exec.BackendGonum
	BackendSIMD   = exec.BackendSIMD
	BackendOpenCL = exec.BackendOpenCL
)

// Option configures Compile and Evaluate.
type Option func(*options)

type options struct {
	backend          string // "" means the configured default (NUMKIT_BACKEND, else auto)
	threads          int    // 0 means the configured default (NUMKIT_THREADS, else GOMAXPROCS)
	threadsSet       bool   // WithThreads was given (so 0 is an error, not the default)
	float32Constants bool
	coexec           bool
	accuracy         string         // "" means NUMKIT_ACCURACY, else "default"
	vm               vm.Options     // the zero value but in tests (export_test.go)
	sources          *route.Sources // nil but in tests: the router's costs and device
}

// machine is where the router gets its costs and reaches the OpenCL device.
var machine = route.Sources{Costs: route.LoadedCosts, Probe: opencl.Probe, Compile: compileOpenCL,
	Clock: route.MachineClock, Recall: route.Recall, Learn: route.Learn}

// routeSources are the router's sources: the machine's unless a test set its own.
func (o *options) routeSources() *route.Sources {
	if o.sources != nil {
		return o.sources
	}
	return &machine
}

// WithBackend forces a backend: "auto" (the default: numkit chooses), "gonum", "simd"
// or "opencl", in any case. Forcing a backend that is not usable here makes Compile
// fail with an error wrapping ErrBackend that says why; an unknown name is an error.
func WithBackend(name string) Option {
	return func(o *options) { o.backend = strings.ToLower(strings.TrimSpace(name)) }
}

// WithThreads sets the number of goroutines the CPU backends use (n ≥ 1; a smaller n
// makes Compile fail).
func WithThreads(n int) Option { return func(o *options) { o.threads, o.threadsSet = n, true } }

// WithFloat32Constants makes float64 literals and scalars take float32 when combined
// with float32 arrays, so a32*2.5 stays float32 (NumPy's rule) instead of becoming
// float64 (numexpr's).
func WithFloat32Constants() Option { return func(o *options) { o.float32Constants = true } }

// WithCoexecution lets auto routing split a large element-wise evaluation of host
// data between the OpenCL device and the CPU, in proportion to their calibrated
// speeds, when the cost model predicts a gain (Explain shows the estimate). It is off
// by default: it helps only where the device is not the CPU itself, and has not been
// measured on such a machine yet.
func WithCoexecution() Option { return func(o *options) { o.coexec = true } }

// WithAccuracy sets the accuracy mode: "default" (every function within 1 ULP,
// arithmetic rounded operation by operation as written) or "fast". In fast mode the
// SIMD backend runs the functions that have a fast kernel with it (exp, sin and cos
// in float64 and float32, log in float32: within 4 ULP; docs/simd.md lists them with
// their bounds; the other functions keep their default kernels) and x*y + z, x*s ± y
// and x*s ± t as fused multiply-adds (one rounding instead of two: within 0.5 ULP of
// the exact value, but not the default's bits). The gonum and OpenCL backends compute
// the same in both modes. Without the option NUMKIT_ACCURACY decides. Compile fails
// for another mode.
func WithAccuracy(mode string) Option { return func(o *options) { o.accuracy = mode } }

// accuracyName is the accuracy mode asked for: the option, else NUMKIT_ACCURACY.
func (o *options) accuracyName() string {
	if o.accuracy != "" {
		return o.accuracy
	}
	mode, _ := hw.Accuracy() // a bad value is reported by validate
	return mode
}

func (o *options) compileOptions() compile.Options {
	return compile.Options{Float32Constants: o.float32Constants}
}

func (o *options) validate() error {
	if err := configError(); err != nil { // hardware.go: a bad NUMKIT_* value
		return err
	}
	if o.threads < 0 || o.threadsSet && o.threads < 1 {
		return fmt.Errorf("numeric: WithThreads(%d): want at least 1", o.threads)
	}
	if o.accuracy != "" { // a bad NUMKIT_ACCURACY is among configError's
		if err := hw.CheckAccuracy(o.accuracy); err != nil {
			return fmt.Errorf("numeric: WithAccuracy(%q): %w", o.accuracy, err)
		}
	}
	o.vm.Fast = o.accuracyName() == "fast"
	switch o.backend {
	case "", BackendAuto, BackendGonum, BackendSIMD, BackendOpenCL:
	default:
		return fmt.Errorf("numeric: WithBackend(%q): want one of auto, gonum, simd, opencl", o.backend)
	}
	if o.backendName() == BackendOpenCL {
		return nil // checked when the first program is compiled for the device
	}
	_, err := vm.BackendFor(o.backendName())
	return err
}

// backendName is the backend asked for: the option, else NUMKIT_BACKEND, else auto.
func (o *options) backendName() string {
	if o.backend != "" {
		return o.backend
	}
	if cfg, _ := hw.Env(); cfg.Backend != "" { // a bad variable keeps its default
		return cfg.Backend
	}
	return BackendAuto
}

func (o *options) threadCount() int {
	if o.threads > 0 {
		return o.threads
	}
	return defaultThreads()
}

// defaultThreads is NUMKIT_THREADS, else GOMAXPROCS at the first call (hw.Env is read
// once too); every evaluation asks, so copying the configuration each time showed in
// small arrays' profiles.
var defaultThreads = sync.OnceValue(func() int {
	if cfg, _ := hw.Env(); cfg.Threads > 0 {
		return cfg.Threads
	}
	return runtime.GOMAXPROCS(0)
})

// threadsAuto reports whether the thread count is numkit's to choose per evaluation:
// neither WithThreads nor NUMKIT_THREADS set it.
func (o *options) threadsAuto() bool {
	if o.threads > 0 {
		return false
	}
	cfg, _ := hw.Env()
	_, set := cfg.Env["NUMKIT_THREADS"]
	return !set
}
