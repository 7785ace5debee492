package sketch

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// MaxCounters is the most counters (width × depth) a sketch may have: 2^28, 2 GiB of
// counters. New and UnmarshalBinary refuse larger shapes.
const MaxCounters = 1 << 28

// ErrIncompatible is returned (wrapped) by Merge for sketches of different width, depth
// or seed, whose counters do not correspond.
var ErrIncompatible = errors.New("sketch: incompatible sketches")

// CountMin is a count-min sketch (Cormode and Muthukrishnan, 2005): depth rows of width
// counters. A key adds its count to one counter per row, picked by hashing; its
// estimate is the smallest of those counters. Estimates never under-count, and with
// width = ⌈e/ε⌉ and depth = ⌈ln(1/δ)⌉ an estimate exceeds the true count by more than
// ε·N (N the total of all counts added) with probability at most δ.
//
// Counters saturate at the largest uint64 instead of wrapping. A CountMin is not safe
// for concurrent use; sketch per goroutine and Merge.
type CountMin struct {
	width, depth uint32
	seed         uint64
	conservative bool
	total        uint64
	counts       []uint64 // row-major: row r is counts[r*width : (r+1)*width]
}

// Option configures New and NewSize.
type Option func(*CountMin)

// WithSeed sets the hash seed (default 0). Sketches merge only with sketches of the
// same seed; different seeds give independent errors.
func WithSeed(seed uint64) Option { return func(c *CountMin) { c.seed = seed } }

// Conservative makes Add raise a key's counters only as far as needed: to the key's
// current estimate plus the count, never lowering one (Estan and Varghese's
// conservative update). Estimates are never worse and usually much better; the
// sketch still never under-counts, but it is no longer linear: merging two
// conservative sketches gives an upper bound that can exceed the sketch of the
// concatenated stream, and counts must not be removed.
func Conservative() Option { return func(c *CountMin) { c.conservative = true } }

// New returns an empty sketch whose estimates exceed true counts by at most
// epsilon·N with probability at least 1-delta: width ⌈e/epsilon⌉, depth ⌈ln(1/delta)⌉.
// Both must lie in (0, 1).
func New(epsilon, delta float64, opts ...Option) (*CountMin, error) {
	if !(epsilon > 0 && epsilon < 1) {
		return nil, fmt.Errorf("sketch: New: epsilon %v is not in (0, 1)", epsilon)
	}
	if !(delta > 0 && delta < 1) {
		return nil, fmt.Errorf("sketch: New: delta %v is not in (0, 1)", delta)
	}
	w := math.Ceil(math.E / epsilon)
	d := math.Max(1, math.Ceil(math.Log(1/delta)))
	if w*d > MaxCounters {
		return nil, fmt.Errorf("sketch: New(%v, %v): %v×%v counters, more than %d", epsilon, delta, w, d, MaxCounters)
	}
	return NewSize(int(w), int(d), opts...)
}

// NewSize returns an empty sketch of the given width and depth.
func NewSize(width, depth int, opts ...Option) (*CountMin, error) {
	if width < 1 || depth < 1 || width > MaxCounters || depth > MaxCounters || width*depth > MaxCounters {
		return nil, fmt.Errorf("sketch: NewSize(%d, %d): want width, depth ≥ 1 and at most %d counters", width, depth, MaxCounters)
	}
	c := &CountMin{width: uint32(width), depth: uint32(depth)}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	c.counts = make([]uint64, width*depth)
	return c, nil
}

// Width returns the number of counters per row.
func (c *CountMin) Width() int { return int(c.width) }

// Depth returns the number of rows.
func (c *CountMin) Depth() int { return int(c.depth) }

// Seed returns the hash seed.
func (c *CountMin) Seed() uint64 { return c.seed }

// IsConservative reports whether the sketch uses conservative update.
func (c *CountMin) IsConservative() bool { return c.conservative }

// Total returns N, the sum of all counts added (saturating).
func (c *CountMin) Total() uint64 { return c.total }

// Epsilon returns the relative error bound e/width: estimates exceed true counts by at
// most Epsilon()·Total() with probability at least 1-Delta().
func (c *CountMin) Epsilon() float64 { return math.E / float64(c.width) }

// Delta returns the failure probability exp(-depth).
func (c *CountMin) Delta() float64 { return math.Exp(-float64(c.depth)) }

// Reset zeroes every counter and the total, keeping the shape, seed and options.
func (c *CountMin) Reset() {
	clear(c.counts)
	c.total = 0
}

// AddUint64 adds count occurrences of an integer key.
func (c *CountMin) AddUint64(key, count uint64) { c.add(hashUint64(key, c.seed), count) }

// AddInt64 adds count occurrences of an integer key; int64(k) and uint64(k) are the
// same key.
func (c *CountMin) AddInt64(key int64, count uint64) { c.AddUint64(uint64(key), count) }

// AddString adds count occurrences of a string key.
func (c *CountMin) AddString(key string, count uint64) { c.add(hashString(key, c.seed), count) }

// Add adds count occurrences of a byte-string key; Add([]byte(s)) and AddString(s) are
// the same key.
func (c *CountMin) Add(key []byte, count uint64) { c.add(hashBytes(key, c.seed), count) }

// CountUint64 returns the estimated count of an integer key.
func (c *CountMin) CountUint64(key uint64) uint64 { return c.estimate(hashUint64(key, c.seed)) }

// CountInt64 returns the estimated count of an integer key.
func (c *CountMin) CountInt64(key int64) uint64 { return c.CountUint64(uint64(key)) }

// CountString returns the estimated count of a string key.
func (c *CountMin) CountString(key string) uint64 { return c.estimate(hashString(key, c.seed)) }

// Count returns the estimated count of a byte-string key.
func (c *CountMin) Count(key []byte) uint64 { return c.estimate(hashBytes(key, c.seed)) }

func (c *CountMin) add(h, count uint64) {
	c.total = satAdd(c.total, count)
	w := uint64(c.width)
	if !c.conservative {
		for r := range uint64(c.depth) {
			i := r*w + uint64(column(rowHash(h, r), c.width))
			c.counts[i] = satAdd(c.counts[i], count)
		}
		return
	}
	target := satAdd(c.estimate(h), count)
	for r := range uint64(c.depth) {
		i := r*w + uint64(column(rowHash(h, r), c.width))
		c.counts[i] = max(c.counts[i], target)
	}
}

func (c *CountMin) estimate(h uint64) uint64 {
	w := uint64(c.width)
	est := uint64(math.MaxUint64)
	for r := range uint64(c.depth) {
		est = min(est, c.counts[r*w+uint64(column(rowHash(h, r), c.width))])
	}
	return est
}

// batchChunk is how many keys AddBatch hashes before updating the rows.
const batchChunk = 256

// AddBatch adds one occurrence of each key, as AddUint64(key, 1) for each in order
// would, but faster: keys are hashed a chunk at a time and each row updated for the
// whole chunk, so the hashing pipelines and a row's counters stay in cache.
func (c *CountMin) AddBatch(keys []uint64) {
	if c.conservative { // order-dependent: one key at a time
		for _, k := range keys {
			c.AddUint64(k, 1)
		}
		return
	}
	var hs [batchChunk]uint64
	w := uint64(c.width)
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), batchChunk)]
		keys = keys[len(chunk):]
		for j, k := range chunk {
			hs[j] = hashUint64(k, c.seed)
		}
		for r := range uint64(c.depth) {
			row := c.counts[r*w : (r+1)*w]
			for j := range chunk {
				i := column(rowHash(hs[j], r), c.width)
				row[i] = satAdd(row[i], 1)
			}
		}
		c.total = satAdd(c.total, uint64(len(chunk)))
	}
}

// Merge adds other's counts into c, so c becomes the sketch of both streams. Both
// must have the same width, depth, seed and update rule (else the error wraps
// ErrIncompatible). For sketches without conservative update the result is exactly the
// sketch of the concatenated streams; for conservative ones it is an upper bound that
// still never under-counts.
func (c *CountMin) Merge(other *CountMin) error {
	if other == nil {
		return fmt.Errorf("sketch: Merge: nil sketch: %w", ErrIncompatible)
	}
	if c.width != other.width || c.depth != other.depth || c.seed != other.seed || c.conservative != other.conservative {
		return fmt.Errorf("sketch: Merge: %s into %s: %w", other.describe(), c.describe(), ErrIncompatible)
	}
	for i, v := range other.counts {
		c.counts[i] = satAdd(c.counts[i], v)
	}
	c.total = satAdd(c.total, other.total)
	return nil
}

// satAdd returns a+b, or the largest uint64 if that overflows.
func satAdd(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 {
		return math.MaxUint64
	}
	return s
}

// describe names the sketch's shape, seed and update rule for error messages.
func (c *CountMin) describe() string {
	rule := "plain"
	if c.conservative {
		rule = "conservative"
	}
	return fmt.Sprintf("%d×%d %s sketch with seed %#x", c.width, c.depth, rule, c.seed)
}
