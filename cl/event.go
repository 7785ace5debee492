package cl

import (
	"errors"
	"fmt"
	"runtime"
	"time"
	"unsafe"
)

// Event is an OpenCL event: the completion of one enqueued command.
//
// A nil *Event (what a zero-length transfer returns) is complete: Wait and Release
// return nil, and wait lists skip it.
//
// An event of a non-blocking transfer keeps the Go slice it reads or writes pinned
// and reachable until the event is released; Release (and the safety-net cleanup)
// first waits for the command to finish. The caller must still not touch the slice
// until Wait returns.
type Event struct {
	rt *Runtime
	h  *handle
}

// EventStatus is an event's command execution status: CL_QUEUED, CL_SUBMITTED,
// CL_RUNNING, CL_COMPLETE, or a negative OpenCL error code for a command that failed.
type EventStatus int32

// Command execution statuses.
const (
	EventComplete  EventStatus = 0
	EventRunning   EventStatus = 1
	EventSubmitted EventStatus = 2
	EventQueued    EventStatus = 3
)

// String names the status ("CL_COMPLETE", or the OpenCL error name).
func (s EventStatus) String() string {
	switch s {
	case EventComplete:
		return "CL_COMPLETE"
	case EventRunning:
		return "CL_RUNNING"
	case EventSubmitted:
		return "CL_SUBMITTED"
	case EventQueued:
		return "CL_QUEUED"
	}
	if name := ErrorName(int32(s)); name != "" {
		return name
	}
	return fmt.Sprintf("EventStatus(%d)", int32(s))
}

// Event info and profiling parameters.
const (
	eventCommandExecutionStatus = 0x11D3
	profilingCommandQueued      = 0x1280
	profilingCommandSubmit      = 0x1281
	profilingCommandStart       = 0x1282
	profilingCommandEnd         = 0x1283
)

// newEvent wraps a fresh cl_event.
func newEvent(r *Runtime, ev uintptr) *Event {
	return wrapEvent(r, newHandle(ev, "clReleaseEvent", r.releaseEvent))
}

// newPinnedEventHandle returns the handle of an event still to be created by a
// command that reads or writes the Go memory at p (owned by keep). The memory is
// pinned now, before the command is enqueued, and stays pinned until the event is
// released, which first waits for the command. If the enqueue fails, call close.
func newPinnedEventHandle(r *Runtime, p unsafe.Pointer, keep any) *handle {
	h := newHandle(0, "clReleaseEvent", r.releaseEvent)
	h.pin(p, keep)
	h.beforeRelease = func(v uintptr) { _ = r.waitForEvents(1, &v) }
	return h
}

// wrapEvent attaches h to a new Event with its safety-net cleanup.
func wrapEvent(r *Runtime, h *handle) *Event {
	e := &Event{rt: r, h: h}
	track(e, h)
	return e
}

// Wait blocks until the command has completed. A command that failed returns
// CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST, as clWaitForEvents reports it.
func (e *Event) Wait() error {
	if e == nil {
		return nil
	}
	v, err := e.h.get()
	if err != nil {
		return err
	}
	code := e.rt.waitForEvents(1, &v)
	runtime.KeepAlive(e)
	return newError("clWaitForEvents", code)
}

// WaitForEvents blocks until every event has completed. Nil events are skipped.
func WaitForEvents(events ...*Event) error {
	list, r, err := waitList(events)
	if err != nil || len(list) == 0 {
		return err
	}
	code := r.waitForEvents(uint32(len(list)), &list[0])
	runtime.KeepAlive(events)
	return newError("clWaitForEvents", code)
}

// Status returns the command's execution status without blocking.
func (e *Event) Status() (EventStatus, error) {
	if e == nil {
		return EventComplete, nil
	}
	v, err := e.h.get()
	if err != nil {
		return 0, err
	}
	s, err := infoValue[int32]("clGetEventInfo", func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
		return e.rt.getEventInfo(v, eventCommandExecutionStatus, size, value, sizeOut)
	})
	runtime.KeepAlive(e)
	return EventStatus(s), err
}

// Profile holds an event's device timestamps in nanoseconds. They are defined only
// for a command on a queue created with QueueProfiling, once it has completed.
type Profile struct {
	Queued, Submitted, Start, End uint64
}

// Duration is End - Start: the time the command ran on the device.
func (p Profile) Duration() time.Duration { return time.Duration(p.End - p.Start) }

// Profile returns the command's timestamps. It fails with
// CL_PROFILING_INFO_NOT_AVAILABLE when the queue was created without QueueProfiling
// or the command has not completed; call Wait first.
func (e *Event) Profile() (Profile, error) {
	if e == nil {
		return Profile{}, errors.New("cl: Profile of a nil *Event")
	}
	v, err := e.h.get()
	if err != nil {
		return Profile{}, err
	}
	get := func(param uint32) (uint64, error) {
		return infoValue[uint64]("clGetEventProfilingInfo", func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
			return e.rt.getEventProfilingInfo(v, param, size, value, sizeOut)
		})
	}
	var p Profile
	var errs [4]error
	p.Queued, errs[0] = get(profilingCommandQueued)
	p.Submitted, errs[1] = get(profilingCommandSubmit)
	p.Start, errs[2] = get(profilingCommandStart)
	p.End, errs[3] = get(profilingCommandEnd)
	runtime.KeepAlive(e)
	for _, err := range errs {
		if err != nil {
			return p, err
		}
	}
	return p, nil
}

// Release releases the event, first waiting for its command when that command
// reads or writes Go memory. Calling Release again does nothing.
func (e *Event) Release() error {
	if e == nil {
		return nil
	}
	return e.h.close()
}

// waitList returns the raw handles of events, skipping nil ones, and the runtime to
// call. The caller keeps events alive across its use of the list.
func waitList(events []*Event) ([]uintptr, *Runtime, error) {
	var list []uintptr
	var r *Runtime
	for i, e := range events {
		if e == nil {
			continue
		}
		v, err := e.h.get()
		if err != nil {
			return nil, nil, fmt.Errorf("cl: wait list event %d: %w", i, err)
		}
		list = append(list, v)
		r = e.rt
	}
	return list, r, nil
}

// waitArgs returns the (count, pointer) pair of a wait list for an enqueue call.
func waitArgs(list []uintptr) (uint32, *uintptr) {
	if len(list) == 0 {
		return 0, nil
	}
	return uint32(len(list)), &list[0]
}
