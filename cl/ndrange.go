package cl

import (
	"fmt"
	"runtime"
)

// EnqueueNDRange enqueues k over a grid of global work-items (one to three
// dimensions) in work-groups of local size (nil lets the implementation choose) and
// returns the command's event, which the caller releases. Commands in wait run first.
func (q *Queue) EnqueueNDRange(k *Kernel, global, local []int, wait ...*Event) (*Event, error) {
	return q.ndrange(k, global, local, wait, true)
}

// RunNDRange is EnqueueNDRange without an event, for callers that observe completion
// through Finish or a later blocking read.
func (q *Queue) RunNDRange(k *Kernel, global, local []int, wait ...*Event) error {
	_, err := q.ndrange(k, global, local, wait, false)
	return err
}

func (q *Queue) ndrange(k *Kernel, global, local []int, wait []*Event, wantEvent bool) (*Event, error) {
	const op = "clEnqueueNDRangeKernel"
	if k == nil {
		return nil, fmt.Errorf("cl: %s: nil *Kernel", op)
	}
	if len(global) < 1 || len(global) > 3 {
		return nil, fmt.Errorf("cl: kernel %q: %d global dimensions, want 1 to 3", k.name, len(global))
	}
	if local != nil && len(local) != len(global) {
		return nil, fmt.Errorf("cl: kernel %q: %d local dimensions for %d global ones", k.name, len(local), len(global))
	}
	globalSizes := make([]uintptr, len(global))
	for i, g := range global {
		if g <= 0 {
			return nil, fmt.Errorf("cl: kernel %q: global size %v must be positive", k.name, global)
		}
		globalSizes[i] = uintptr(g)
	}
	var localPtr *uintptr
	if local != nil {
		localSizes := make([]uintptr, len(local))
		for i, l := range local {
			if l <= 0 {
				return nil, fmt.Errorf("cl: kernel %q: local size %v must be positive", k.name, local)
			}
			localSizes[i] = uintptr(l)
		}
		localPtr = &localSizes[0]
	}
	qh, err := q.get()
	if err != nil {
		return nil, err
	}
	kh, err := k.get()
	if err != nil {
		return nil, err
	}
	list, _, err := waitList(wait)
	if err != nil {
		return nil, err
	}
	numWait, waitPtr := waitArgs(list)
	var ev uintptr
	var eventOut *uintptr
	if wantEvent {
		eventOut = &ev
	}
	code := q.rt.enqueueNDRangeKernel(qh, kh, uint32(len(global)), nil, &globalSizes[0], localPtr, numWait, waitPtr, eventOut)
	runtime.KeepAlive(q)
	runtime.KeepAlive(k)
	runtime.KeepAlive(wait)
	if code != 0 {
		return nil, fmt.Errorf("cl: kernel %q global %v local %v: %w", k.name, global, local, newError(op, code))
	}
	if !wantEvent {
		return nil, nil
	}
	return newEvent(q.rt, ev), nil
}
