package cl

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

// handle owns one reference to an OpenCL object and the Go memory that the object
// points at. It is a separate allocation from the exported wrapper (Buffer, Event ...)
// so that a cleanup attached to the wrapper can release it once the wrapper is
// unreachable; Release methods close it explicitly, and closing twice is a no-op.
type handle struct {
	v       atomic.Uintptr // the cl_* handle; 0 once closed
	op      string         // the release function's name, for errors
	release func(uintptr) int32

	mu sync.Mutex
	// beforeRelease, when set, runs before the release call (events that hold Go
	// memory wait for their command to finish).
	beforeRelease func(uintptr)
	pinner        runtime.Pinner
	keep          any // Go memory the OpenCL side points at, kept reachable
}

func newHandle(v uintptr, op string, release func(uintptr) int32) *handle {
	h := &handle{op: op, release: release}
	h.v.Store(v)
	return h
}

// errZeroObject is returned for a zero-value wrapper (say, a Buffer{} literal).
var errZeroObject = errors.New("cl: object not created by this package")

// get returns the live handle, or ErrReleased.
func (h *handle) get() (uintptr, error) {
	if h == nil {
		return 0, errZeroObject
	}
	if v := h.v.Load(); v != 0 {
		return v, nil
	}
	return 0, ErrReleased
}

// pin keeps the Go object p points into at a fixed place and reachable until close.
// keep is the value (a slice) that owns it.
func (h *handle) pin(p unsafe.Pointer, keep any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.pinner.Pin(p)
	h.keep = keep
}

// close releases the OpenCL reference once, then unpins the Go memory.
func (h *handle) close() error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	v := h.v.Swap(0)
	if v == 0 {
		// Never opened (a failed enqueue) or already closed: drop any pin.
		h.pinner.Unpin()
		h.keep = nil
		return nil
	}
	if h.beforeRelease != nil {
		h.beforeRelease(v)
	}
	err := newError(h.op, h.release(v))
	h.pinner.Unpin()
	h.keep = nil
	return err
}

// cleanupsRun counts handles closed by the safety net rather than by Release; tests
// read it.
var cleanupsRun atomic.Int64

// closeHandle is the cleanup attached to every wrapper: the safety net for a wrapper
// dropped without Release.
func closeHandle(h *handle) {
	if h.v.Load() != 0 {
		cleanupsRun.Add(1)
	}
	_ = h.close()
}

// track attaches the safety-net cleanup that closes h when owner becomes unreachable.
func track[T any](owner *T, h *handle) {
	runtime.AddCleanup(owner, closeHandle, h)
}
