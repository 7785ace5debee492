package cl

import (
	"slices"
	"testing"
)

// roundTrip writes src at element offset off of a fresh buffer, reads it back with
// both the blocking and the non-blocking calls, and compares.
func roundTrip[T Elem](t *testing.T, ctx *Context, q *Queue, off int, src []T) {
	t.Helper()
	size := (off + len(src)) * int(sizeOfElem[T]())
	buf, err := ctx.CreateBuffer(MemReadWrite, size)
	if err != nil {
		t.Fatal(err)
	}
	defer buf.Release()
	if err := WriteBuffer(q, buf, off, src); err != nil {
		t.Fatalf("%T: %v", src, err)
	}
	got := make([]T, len(src))
	if err := ReadBuffer(q, buf, off, got); err != nil {
		t.Fatalf("%T: %v", src, err)
	}
	if !slices.Equal(got, src) {
		t.Errorf("%T blocking round trip at offset %d: %v, want %v", src, off, got, src)
	}
	clear(got)
	ev, err := EnqueueReadBuffer(q, buf, off, got)
	if err != nil {
		t.Fatal(err)
	}
	if err := ev.Wait(); err != nil {
		t.Fatal(err)
	}
	ev.Release()
	if !slices.Equal(got, src) {
		t.Errorf("%T non-blocking round trip at offset %d: %v, want %v", src, off, got, src)
	}
	// One element past the end is refused.
	if err := ReadBuffer(q, buf, off+1, got); err == nil {
		t.Errorf("%T: read past the end accepted", src)
	}
	if ev, err := EnqueueWriteBuffer(q, buf, 0, []T(nil)); err != nil || ev != nil {
		t.Errorf("%T: empty write returned %v, %v; want nil, nil", src, ev, err)
	}
}

func sizeOfElem[T Elem]() uintptr {
	var v T
	switch any(v).(type) {
	case int8, uint8:
		return 1
	case int16, uint16:
		return 2
	case int32, uint32, float32:
		return 4
	}
	return 8
}

func TestTypedRoundTrip(t *testing.T) {
	ctx, q, _ := setup(t)
	roundTrip(t, ctx, q, 3, []uint8{0, 1, 254, 255})
	roundTrip(t, ctx, q, 1, []int8{-128, 0, 127})
	roundTrip(t, ctx, q, 2, []int32{-1 << 31, -1, 0, 1<<31 - 1})
	roundTrip(t, ctx, q, 0, []uint32{0, 1 << 31})
	roundTrip(t, ctx, q, 5, []int64{-1 << 63, 0, 1<<63 - 1})
	roundTrip(t, ctx, q, 1, []uint64{1<<64 - 1})
	roundTrip(t, ctx, q, 7, []float32{-0, 1.5, 3e38})
	roundTrip(t, ctx, q, 4, []float64{-0, 1e-310, 1.7e308})
	type celsius float64 // named element types work too
	roundTrip(t, ctx, q, 0, []celsius{-40, 100})
}
