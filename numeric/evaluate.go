package numeric

import (
	"container/list"
	"context"
	"sync"
)

// cacheSize is how many compiled expressions Evaluate keeps.
const cacheSize = 256

// Evaluate compiles src (or reuses it from a cache of the 256 most recently used
// expressions and options) and evaluates it over vars. For hot loops, Compile once and
// call EvalInto instead.
func Evaluate(src string, vars Vars, opts ...Option) (Result, error) {
	e, err := exprCache.get(src, opts)
	if err != nil {
		return Result{}, err
	}
	return e.Eval(context.Background(), vars)
}

type cacheKey struct {
	src  string
	opts options
}

// lruCache is a least-recently-used cache of compiled expressions.
type lruCache struct {
	mu    sync.Mutex
	order *list.List // of *cacheEntry, most recent first
	index map[cacheKey]*list.Element
	size  int
}

type cacheEntry struct {
	key  cacheKey
	expr *Expr
}

var exprCache = newLRU(cacheSize)

func newLRU(size int) *lruCache {
	return &lruCache{order: list.New(), index: map[cacheKey]*list.Element{}, size: size}
}

func (c *lruCache) get(src string, opts []Option) (*Expr, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	key := cacheKey{src, o}
	c.mu.Lock()
	if el, ok := c.index[key]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*cacheEntry).expr
		c.mu.Unlock()
		return e, nil
	}
	c.mu.Unlock()
	e, err := Compile(src, opts...) // outside the lock: compiling may take a while
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.index[key]; ok { // another goroutine was faster
		c.order.MoveToFront(el)
		return el.Value.(*cacheEntry).expr, nil
	}
	c.index[key] = c.order.PushFront(&cacheEntry{key, e})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.index, last.Value.(*cacheEntry).key)
	}
	return e, nil
}

func (c *lruCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
