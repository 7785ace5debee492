package numeric

import (
	"context"

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
