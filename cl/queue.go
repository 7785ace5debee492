package cl

import (
	"errors"
	"runtime"
)

// QueueProperties are cl_command_queue_properties bits.
type QueueProperties uint64

// Command-queue properties.
const (
	QueueOutOfOrder QueueProperties = 1 << 0 // CL_QUEUE_OUT_OF_ORDER_EXEC_MODE_ENABLE
	QueueProfiling  QueueProperties = 1 << 1 // CL_QUEUE_PROFILING_ENABLE: events carry timestamps
)

const queuePropertiesKey = 0x1093 // CL_QUEUE_PROPERTIES

// Queue is an OpenCL command queue on one device.
//
// Enqueue methods that return an *Event leave the caller owning it: Release it (after
// Wait when the command reads or writes Go memory). OpenCL command queues are safe
// for concurrent use, and so is Queue.
type Queue struct {
	rt     *Runtime
	h      *handle
	device Device
	props  QueueProperties
}

// CreateQueue creates a command queue on d, which must be one of the context's devices.
// It uses clCreateCommandQueueWithProperties where the library has it (OpenCL 2.0+),
// else clCreateCommandQueue.
func (c *Context) CreateQueue(d Device, props QueueProperties) (*Queue, error) {
	ctx, err := c.get()
	if err != nil {
		return nil, err
	}
	r := c.rt
	var code int32
	var q uintptr
	op := "clCreateCommandQueueWithProperties"
	if r.createQueueWithProperties != nil {
		var list *uint64
		if props != 0 {
			p := []uint64{queuePropertiesKey, uint64(props), 0}
			list = &p[0]
		}
		q = r.createQueueWithProperties(ctx, d.ID, list, &code)
	} else {
		op = "clCreateCommandQueue"
		q = r.createQueue(ctx, d.ID, uint64(props), &code)
	}
	runtime.KeepAlive(c)
	if code != 0 || q == 0 {
		return nil, contextError(op, code)
	}
	queue := &Queue{rt: r, h: newHandle(q, "clReleaseCommandQueue", r.releaseQueue), device: d, props: props}
	track(queue, queue.h)
	return queue, nil
}

// Device returns the queue's device.
func (q *Queue) Device() Device { return q.device }

// Properties returns the properties the queue was created with.
func (q *Queue) Properties() QueueProperties { return q.props }

// Finish blocks until every command enqueued so far has completed.
func (q *Queue) Finish() error {
	h, err := q.get()
	if err != nil {
		return err
	}
	code := q.rt.finish(h)
	runtime.KeepAlive(q)
	return newError("clFinish", code)
}

// Flush submits every command enqueued so far to the device without waiting.
func (q *Queue) Flush() error {
	h, err := q.get()
	if err != nil {
		return err
	}
	code := q.rt.flush(h)
	runtime.KeepAlive(q)
	return newError("clFlush", code)
}

// Release releases the queue; OpenCL flushes it first. Calling Release again does
// nothing.
func (q *Queue) Release() error {
	if q == nil {
		return nil
	}
	return q.h.close()
}

func (q *Queue) get() (uintptr, error) {
	if q == nil {
		return 0, errors.New("cl: nil *Queue")
	}
	return q.h.get()
}
