package numeric

import (
	"context"
	"maps"

	"github.com/numkit/numkit/numeric/internal/lru"
)

// cacheSize is how many compiled expressions Evaluate keeps.
const cacheSize = 256

// Evaluate compiles src (or reuses it from a cache of the 256 most recently used
// expressions and options) and evaluates it over vars. For hot loops, Compile once and
// call EvalInto instead.
func Evaluate(src string, vars Vars, opts ...Option) (Result, error) {
	e, err := cachedExpr(src, opts)
	if err != nil {
		return Result{}, err
	}
	return e.Eval(context.Background(), vars)
}

type cacheKey struct {
	src  string
	opts options
}

// exprCache holds the most recently used compiled expressions.
var exprCache = lru.New[cacheKey, *Expr](cacheSize)

// cachedExpr returns src compiled with opts, from exprCache or compiled now.
func cachedExpr(src string, opts []Option) (*Expr, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return exprCache.Get(cacheKey{src, o}, func() (*Expr, error) { return Compile(src, opts...) })
}

// Pending is an evaluation started by EvalAsync.
type Pending struct {
	done chan struct{}
	err  error
}

// EvalAsync starts evaluating the expression over vars into dst (as EvalInto does)
// and returns at once. Independent evaluations started this way run concurrently: on
// the opencl backend each takes its own command queue, so one's uploads, kernels and
// downloads overlap another's; on the CPU backends each runs in its own goroutine.
//
// Until Wait returns, dst and the arrays in vars must not be read or written (vars
// itself is copied and may be reused). Cancelling ctx stops the evaluation at its
// next chunk or stage; Wait then returns ctx's error once the work has stopped, so dst
// is not written after Wait returns.
func (e *Expr) EvalAsync(ctx context.Context, dst any, vars Vars) *Pending {
	p := &Pending{done: make(chan struct{})}
	vars = maps.Clone(vars)
	go func() {
		defer close(p.done)
		p.err = e.EvalInto(ctx, dst, vars)
	}()
	return p
}

// Wait blocks until the evaluation has finished and returns its error.
func (p *Pending) Wait() error {
	<-p.done
	return p.err
}

// Done returns a channel closed when the evaluation has finished, for select.
func (p *Pending) Done() <-chan struct{} { return p.done }
