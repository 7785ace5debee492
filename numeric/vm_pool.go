package numeric

import (
	"runtime"
	"sync"
)

// task is one worker's share of a stage: blocks [lo, hi) with scratch set worker.
type task struct {
	run    *run
	stage  *stagePlan
	worker int
	lo, hi int
}

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
	for t := range p.tasks {
		t.run.blocks(t.stage, t.worker, t.lo, t.hi)
		t.run.wg.Done()
	}
}

// defaultThreads is GOMAXPROCS at the time of the call.
func defaultThreads() int { return runtime.GOMAXPROCS(0) }
