package cl

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"
)

// WriteBuffer copies src into b starting at element offset (counted in elements of
// T) and returns once the copy is done. Commands in wait run first.
func WriteBuffer[T Elem](q *Queue, b *Buffer, offset int, src []T, wait ...*Event) error {
	_, err := transfer(q, b, offset, src, true, true, wait)
	return err
}

// ReadBuffer copies from b starting at element offset (counted in elements of T)
// into dst and returns once dst holds the data. Commands in wait run first.
func ReadBuffer[T Elem](q *Queue, b *Buffer, offset int, dst []T, wait ...*Event) error {
	_, err := transfer(q, b, offset, dst, false, true, wait)
	return err
}

// EnqueueWriteBuffer is WriteBuffer without waiting: it returns the event of the copy.
// src must stay untouched until the event completes (Wait); the event keeps it
// pinned and reachable until it is released. An empty src returns a nil event.
func EnqueueWriteBuffer[T Elem](q *Queue, b *Buffer, offset int, src []T, wait ...*Event) (*Event, error) {
	return transfer(q, b, offset, src, true, false, wait)
}

// EnqueueReadBuffer is ReadBuffer without waiting: it returns the event of the copy.
// dst holds the data only once the event completes (Wait); the event keeps it
// pinned and reachable until it is released. An empty dst returns a nil event.
func EnqueueReadBuffer[T Elem](q *Queue, b *Buffer, offset int, dst []T, wait ...*Event) (*Event, error) {
	return transfer(q, b, offset, dst, false, false, wait)
}

// transfer enqueues one read or write between data and b.
func transfer[T Elem](q *Queue, b *Buffer, offset int, data []T, write, blocking bool, wait []*Event) (*Event, error) {
	op := "clEnqueueReadBuffer"
	if write {
		op = "clEnqueueWriteBuffer"
	}
	if b == nil {
		return nil, fmt.Errorf("cl: %s: nil *Buffer", op)
	}
	if len(data) == 0 {
		return nil, nil
	}
	elem := int(unsafe.Sizeof(data[0]))
	if offset < 0 || offset > b.Size()/elem {
		return nil, fmt.Errorf("cl: %s: element offset %d outside a buffer of %d bytes", op, offset, b.Size())
	}
	if err := b.checkRange(op, offset*elem, len(data)*elem); err != nil {
		return nil, err
	}
	qh, err := q.get()
	if err != nil {
		return nil, err
	}
	mem, err := b.get()
	if err != nil {
		return nil, err
	}
	list, _, err := waitList(wait)
	if err != nil {
		return nil, err
	}
	r := q.rt
	p := unsafe.Pointer(&data[0])
	numWait, waitPtr := waitArgs(list)
	var flag uint32 = 1
	var eventOut *uintptr
	var ev uintptr
	var h *handle
	if !blocking {
		flag = 0
		eventOut = &ev
		h = newPinnedEventHandle(r, p, data)
	}
	fn := r.enqueueReadBuffer
	if write {
		fn = r.enqueueWriteBuffer
	}
	code := fn(qh, mem, flag, uintptr(offset*elem), uintptr(len(data)*elem), p, numWait, waitPtr, eventOut)
	runtime.KeepAlive(q)
	runtime.KeepAlive(b)
	runtime.KeepAlive(wait)
	runtime.KeepAlive(data)
	if code != 0 {
		if h != nil {
			_ = h.close()
		}
		return nil, newError(op, code)
	}
	if blocking {
		return nil, nil
	}
	h.v.Store(ev)
	return wrapEvent(r, h), nil
}

// CopyBuffer enqueues a copy of size bytes from src at srcOffset to dst at dstOffset
// and returns its event. A zero size returns a nil event.
func (q *Queue) CopyBuffer(dst, src *Buffer, dstOffset, srcOffset, size int, wait ...*Event) (*Event, error) {
	const op = "clEnqueueCopyBuffer"
	if dst == nil || src == nil {
		return nil, errors.New("cl: CopyBuffer: nil *Buffer")
	}
	if err := errors.Join(src.checkRange(op, srcOffset, size), dst.checkRange(op, dstOffset, size)); err != nil {
		return nil, err
	}
	if size == 0 {
		return nil, nil
	}
	qh, err := q.get()
	if err != nil {
		return nil, err
	}
	srcMem, err := src.get()
	if err != nil {
		return nil, err
	}
	dstMem, err := dst.get()
	if err != nil {
		return nil, err
	}
	list, _, err := waitList(wait)
	if err != nil {
		return nil, err
	}
	numWait, waitPtr := waitArgs(list)
	var ev uintptr
	code := q.rt.enqueueCopyBuffer(qh, srcMem, dstMem, uintptr(srcOffset), uintptr(dstOffset), uintptr(size), numWait, waitPtr, &ev)
	runtime.KeepAlive(q)
	runtime.KeepAlive(src)
	runtime.KeepAlive(dst)
	runtime.KeepAlive(wait)
	if code != 0 {
		return nil, newError(op, code)
	}
	return newEvent(q.rt, ev), nil
}

// MapFlags are cl_map_flags bits.
type MapFlags uint64

// Map flags for MapBuffer.
const (
	MapRead                  MapFlags = 1 << 0
	MapWrite                 MapFlags = 1 << 1
	MapWriteInvalidateRegion MapFlags = 1 << 2 // write only; the old contents need not be read back
)

// Mapping is a region of a buffer mapped into host memory by MapBuffer.
//
// Its memory belongs to the OpenCL implementation, not to Go: slices from Bytes or
// MappedSlice must not be used after Unmap.
type Mapping struct {
	buf  *Buffer
	ptr  unsafe.Pointer
	size int
	mu   sync.Mutex
	done bool
}

// MapBuffer maps size bytes of b at byte offset into host memory and returns once
// the mapping is usable. Every Mapping must be passed to Unmap.
func (q *Queue) MapBuffer(b *Buffer, flags MapFlags, offset, size int, wait ...*Event) (*Mapping, error) {
	const op = "clEnqueueMapBuffer"
	if b == nil {
		return nil, errors.New("cl: MapBuffer: nil *Buffer")
	}
	if err := b.checkRange(op, offset, size); err != nil {
		return nil, err
	}
	if size == 0 {
		return nil, fmt.Errorf("cl: %s: zero size", op)
	}
	qh, err := q.get()
	if err != nil {
		return nil, err
	}
	mem, err := b.get()
	if err != nil {
		return nil, err
	}
	list, _, err := waitList(wait)
	if err != nil {
		return nil, err
	}
	numWait, waitPtr := waitArgs(list)
	var code int32
	ptr := q.rt.enqueueMapBuffer(qh, mem, 1, uint64(flags), uintptr(offset), uintptr(size), numWait, waitPtr, nil, &code)
	runtime.KeepAlive(q)
	runtime.KeepAlive(wait)
	if code != 0 || ptr == nil {
		return nil, contextError(op, code)
	}
	return &Mapping{buf: b, ptr: ptr, size: size}, nil
}

// Bytes returns the mapped region, or nil once unmapped.
func (m *Mapping) Bytes() []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return nil
	}
	return unsafe.Slice((*byte)(m.ptr), m.size)
}

// MappedSlice returns the mapped region as a []T of size/sizeof(T) elements. It fails
// once unmapped or when the mapping is not aligned for T.
func MappedSlice[T Elem](m *Mapping) ([]T, error) {
	var zero T
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return nil, errors.New("cl: MappedSlice: mapping already unmapped")
	}
	if uintptr(m.ptr)%unsafe.Alignof(zero) != 0 {
		return nil, fmt.Errorf("cl: MappedSlice: mapping at %p is not aligned for %T", m.ptr, zero)
	}
	return unsafe.Slice((*T)(m.ptr), m.size/int(unsafe.Sizeof(zero))), nil
}

// Unmap unmaps m and returns once the unmapping is done; writes through the mapping
// are then visible to the device. Unmapping again does nothing.
func (q *Queue) Unmap(m *Mapping, wait ...*Event) error {
	const op = "clEnqueueUnmapMemObject"
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.done {
		return nil
	}
	qh, err := q.get()
	if err != nil {
		return err
	}
	mem, err := m.buf.get()
	if err != nil {
		return err
	}
	list, _, err := waitList(wait)
	if err != nil {
		return err
	}
	numWait, waitPtr := waitArgs(list)
	var ev uintptr
	code := q.rt.enqueueUnmapMemObject(qh, mem, m.ptr, numWait, waitPtr, &ev)
	runtime.KeepAlive(q)
	runtime.KeepAlive(m.buf)
	runtime.KeepAlive(wait)
	if code != 0 {
		return newError(op, code)
	}
	m.done = true
	event := newEvent(q.rt, ev)
	return errors.Join(event.Wait(), event.Release())
}
