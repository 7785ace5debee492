// Package lru is a small least-recently-used cache of values computed once per key:
// numeric's cache of compiled expressions (Evaluate) and the OpenCL backend's cache of
// built programs.
package lru

import (
	"container/list"
	"sync"
)

// Cache keeps the values of its size most recently used keys. It is safe for
// concurrent use.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *entry[K, V], most recently used first
	index map[K]*list.Element
}

// entry is one key's value, computed once by whichever caller asked first.
type entry[K comparable, V any] struct {
	key   K
	ready chan struct{} // closed once val or err is set
	val   V
	err   error
}

// New returns a cache of at most size values.
func New[K comparable, V any](size int) *Cache[K, V] {
	return &Cache[K, V]{size: size, order: list.New(), index: map[K]*list.Element{}}
}

// Get returns key's value, computing it with compute (outside the cache's lock) the
// first time; concurrent callers of the same key wait for that one computation. An
// error is returned to those callers but not cached: the next Get computes again.
// Evicted values are dropped, not closed: their users may still hold them.
func (c *Cache[K, V]) Get(key K, compute func() (V, error)) (V, error) {
	c.mu.Lock()
	if el, ok := c.index[key]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*entry[K, V])
		c.mu.Unlock()
		<-e.ready
		return e.val, e.err
	}
	e := &entry[K, V]{key: key, ready: make(chan struct{})}
	c.index[key] = c.order.PushFront(e)
	c.mu.Unlock()

	e.val, e.err = compute()
	close(e.ready)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil {
		if el, ok := c.index[key]; ok && el.Value == e {
			c.order.Remove(el)
			delete(c.index, key)
		}
		var zero V
		return zero, e.err
	}
	for c.order.Len() > c.size {
		old := c.order.Remove(c.order.Back()).(*entry[K, V])
		delete(c.index, old.key)
	}
	return e.val, nil
}

// Len returns the number of values held (including ones being computed).
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
