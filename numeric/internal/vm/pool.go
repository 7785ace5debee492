package vm

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// spinFor is how long an idle worker keeps polling for its next task before it parks,
// and how long an evaluation polls for its workers to finish before it sleeps. Waking a
// parked thread costs tens of microseconds on a virtual machine (a second thread made
// n = 10^5 slower than one here before workers spun), more than a share of a 10^5
// element evaluation; OpenMP runtimes spin for the same reason.
const spinFor = 100 * time.Microsecond

// task is one worker's part in a stage: chunks of its blocks (run.share) with scratch
// set worker. slot holds gen<<2 and the task's state: queued (0), taskStarted, or
// taskWithdrawn by the evaluation when it finished every chunk before the task started.
// A task starts only by moving its slot from (gen, queued) to (gen, started), so a
// withdrawn task, run later, touches nothing of the evaluation (which may by then be
// running another stage, or another evaluation, with the same run).
type task struct {
	run    *run
	stage  *stagePlan
	worker int
	gen    uint64
	slot   *atomic.Uint64
}

const (
	taskStarted   = 1
	taskWithdrawn = 2
)

// pool is a set of long-lived worker goroutines, so that an evaluation hands out work
// without starting goroutines (and without allocating). It grows to the largest
// number of workers any evaluation asked for.
type pool struct {
	mu      sync.Mutex
	tasks   chan task
	started int
}

var workerPool = &pool{tasks: make(chan task, 256)}

func (p *pool) submit(t task) {
	p.ensure(t.worker)
	p.tasks <- t
}

// ensure makes sure at least n goroutines serve the pool (the caller is the extra one).
func (p *pool) ensure(n int) {
	p.mu.Lock()
	for p.started < n {
		p.started++
		go p.serve()
	}
	p.mu.Unlock()
}

func (p *pool) serve() {
	for {
		t := p.next()
		if !t.slot.CompareAndSwap(t.gen<<2, t.gen<<2|taskStarted) {
			continue // withdrawn
		}
		t.run.share(t.stage, t.worker)
		t.run.pending.Add(-1)
		t.run.wg.Done()
	}
}

// next returns the next task, polling for spinFor before it blocks.
func (p *pool) next() task {
	deadline := time.Now().Add(spinFor)
	for i := 0; ; i++ {
		select {
		case t := <-p.tasks:
			return t
		default:
		}
		if i%16 == 15 && time.Now().After(deadline) {
			return <-p.tasks
		}
		runtime.Gosched()
	}
}

// wait returns when r's workers are done: polling for spinFor, then blocking.
func (r *run) wait() {
	deadline := time.Now().Add(spinFor)
	for i := 0; r.pending.Load() > 0; i++ {
		if i%16 == 15 && time.Now().After(deadline) {
			break
		}
		runtime.Gosched()
	}
	r.wg.Wait()
}
