package opencl

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// maxQueues is the most command queues the backend opens on its device. Concurrent
// evaluations (EvalAsync) each take a queue, so their transfers and kernels overlap.
const maxQueues = 4

// fp32DivSqrt is the build option asking for correctly rounded float32 division and
// square root. Devices that refuse it (CL_INVALID_BUILD_OPTIONS) build without it.
const fp32DivSqrt = "-cl-fp32-correctly-rounded-divide-sqrt"

// Device is the OpenCL device the backend runs on, with its context, command queues
// and program cache. There is one per process (defaultDevice).
type Device struct {
	rt       *cl.Runtime
	dev      cl.Device
	platform cl.Platform
	ctx      *cl.Context
	target   kernels.Target
	// chunkLen is the most elements one buffer holds: arrays longer than that are
	// kept and processed in chunks of chunkLen elements. It is a multiple of the
	// reduction tile, so chunking does not change how reductions group elements.
	chunkLen int

	queues  chan *cl.Queue // idle queues
	qmu     sync.Mutex
	nqueues int

	optMu   sync.Mutex
	options string // build options in use (fp32DivSqrt is dropped if refused)

	programs *programCache

	rewrite func(src string) string // tests: rewrites generated source before it is built
}

// Default returns the process's OpenCL device, set up on the first call, or an error
// wrapping exec.ErrBackend that says why there is none.
func Default() (*Device, error) { return defaultDevice() }

var defaultDevice = sync.OnceValues(func() (*Device, error) {
	cfg, _ := hw.Env()
	return Setup(cfg, hw.Discovered())
})

// DeviceID names the OpenCL device in use and its driver, or "" when there is
// none: what a calibration profile's device costs are tied to.
func DeviceID() string {
	d, err := Default()
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s / %s / %s / driver %s", d.platform.Name, d.dev.Name, d.dev.Version, d.dev.DriverVersion)
}

// Setup picks the device cfg and discovery name, and creates its context.
func Setup(cfg hw.Config, found hw.OpenCLFound) (*Device, error) {
	info, err := hw.OpenCLReport(cfg, found)
	switch {
	case found.Err != nil:
		return nil, fmt.Errorf("numeric: the opencl backend is not usable: %w: %w", exec.ErrBackend, found.Err)
	case err != nil:
		return nil, fmt.Errorf("numeric: the opencl backend is not usable: %w: %w", exec.ErrBackend, err)
	case info.Chosen == nil:
		return nil, fmt.Errorf("numeric: the opencl backend is not usable: %s: %w", info.Reason, exec.ErrBackend)
	}
	d := &Device{rt: found.Runtime, queues: make(chan *cl.Queue, maxQueues)}
	index := 0
	for _, p := range found.Platforms {
		for _, dev := range p.Devices {
			if index == info.Chosen.Index {
				d.dev, d.platform = dev, p
			}
			index++
		}
	}
	if d.ctx, err = d.rt.CreateContext(d.dev); err != nil {
		return nil, fmt.Errorf("numeric: the opencl backend is not usable: creating a context on %q: %w: %w", d.dev.Name, exec.ErrBackend, err)
	}
	d.target = kernels.Target{FP64: d.dev.FP64, CPU: d.dev.Type&cl.DeviceTypeCPU != 0, GroupSize: groupSize(d.dev), ItemsPerThread: kernels.DefaultItemsPerThread}
	tile := d.tile()
	d.chunkLen = int(min(d.dev.MaxAllocBytes, maxChunkBytes)/8) / tile * tile
	if d.chunkLen < tile {
		d.chunkLen = tile
	}
	d.options = fp32DivSqrt
	d.programs = newProgramCache(d, cfg.CacheDir, cfg.OpenCLCache)
	return d, nil
}

// maxChunkBytes bounds a chunk (of 8-byte elements): one launch then takes a few
// milliseconds, and a run checks its context between chunks, waiting for each, so a
// cancelled evaluation returns within about one chunk's time.
const maxChunkBytes = 4 << 20

// tile is the number of elements one work-group of a reduction kernel reduces.
func (d *Device) tile() int { return d.target.GroupSize * d.target.ItemsPerThread }

// Tile is the number of elements one work-group of a reduction kernel reduces; chunk
// lengths are multiples of it.
func (d *Device) Tile() int { return d.tile() }

// SetChunkLen makes arrays allocated and host data processed from now on use chunks of
// n elements (a positive multiple of Tile; tests use small ones to exercise chunking)
// and returns the previous length. Not safe while evaluations run.
func (d *Device) SetChunkLen(n int) (old int) {
	old, d.chunkLen = d.chunkLen, n
	return old
}

// groupSize is the work-group size of reduction kernels on dev: 64, or the largest
// power of two the device allows if that is less.
func groupSize(dev cl.Device) int {
	g := kernels.DefaultGroupSize
	for g > 1 && g > dev.MaxWorkGroupSize {
		g /= 2
	}
	return g
}

// describe names the device for error messages.
func (d *Device) describe() string {
	return fmt.Sprintf("OpenCL device %q (%s)", d.dev.Name, d.platform.Name)
}

// queue takes an idle command queue, opening one if fewer than maxQueues are open,
// else waiting for one. Give it back with putQueue.
func (d *Device) queue() (*cl.Queue, error) {
	select {
	case q := <-d.queues:
		return q, nil
	default:
	}
	d.qmu.Lock()
	if d.nqueues < maxQueues {
		d.nqueues++
		d.qmu.Unlock()
		q, err := d.ctx.CreateQueue(d.dev, 0)
		if err != nil {
			d.qmu.Lock()
			d.nqueues--
			d.qmu.Unlock()
			return nil, fmt.Errorf("numeric: opencl: creating a command queue on %s: %w", d.describe(), err)
		}
		return q, nil
	}
	d.qmu.Unlock()
	return <-d.queues, nil
}

// putQueue gives back a queue taken with queue. A queue whose commands failed is
// released rather than reused.
func (d *Device) putQueue(q *cl.Queue, failed bool) {
	if failed {
		if q.Finish() != nil {
			_ = q.Release()
			d.qmu.Lock()
			d.nqueues--
			d.qmu.Unlock()
			return
		}
	}
	d.queues <- q
}

// buildOptions returns the build options in use.
func (d *Device) buildOptions() string {
	d.optMu.Lock()
	defer d.optMu.Unlock()
	return d.options
}

// refuseOption drops an option the compiler refused; it reports whether it did.
func (d *Device) refuseOption(opt string) bool {
	d.optMu.Lock()
	defer d.optMu.Unlock()
	if !strings.Contains(d.options, opt) {
		return false
	}
	d.options = strings.TrimSpace(strings.ReplaceAll(d.options, opt, ""))
	return true
}

// deviceError wraps an OpenCL error of a running evaluation: errors.Is finds the
// cl sentinel (cl.ErrOutOfResources, ...), and exec.ErrBackend too when the device is
// gone or cannot take the work at all.
func deviceError(what string, d *Device, err error) error {
	if errors.Is(err, cl.ErrDeviceNotAvailable) || errors.Is(err, cl.ErrDeviceNotFound) ||
		errors.Is(err, cl.ErrInvalidDevice) || errors.Is(err, cl.ErrInvalidContext) {
		return fmt.Errorf("numeric: opencl: %s on %s: %w: %w", what, d.describe(), exec.ErrBackend, err)
	}
	return fmt.Errorf("numeric: opencl: %s on %s: %w", what, d.describe(), err)
}
