package numeric

import (
	"math"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/internal/stats"
	"github.com/numkit/numkit/numeric/ir"
)

// momentScratch is one goroutine's working memory for the block kernel: a float32
// block widened to float64 or a block without its NaNs, and the deviations and their
// squares of a chunk (the primitives path).
type momentScratch struct {
	wide [blockSize]float64
	d, q [momentChunk]float64
}

// momentChunk is how many deviations the primitives path keeps at a time.
const momentChunk = 1024

var (
	momentScratchPool = sync.Pool{New: func() any { return new(momentScratch) }}
	summaryPool       = sync.Pool{New: func() any { return new([]summary) }}
)

// momentsKernelOverride, when not -1, forces the block kernel's mode (a test hook).
var momentsKernelOverride = -1

// momentKernel is the block kernel's two passes, in one of three ways:
//   - kernelAVX512: the fused AVX-512 assembly, which also prefetches the next block;
//   - kernelTwin: its pure-Go twin, which computes the same bits (slowly);
//   - kernelPrims: package asm's SIMD primitives (sum, min, max, subtract, multiply,
//     dot) one after another over chunks in cache, for the other SIMD levels. The same
//     bits on every level, but not those of the other two: its lanes differ.
type momentKernel struct{ mode int }

const (
	kernelPrims = iota
	kernelAVX512
	kernelTwin
)

func newMomentKernel() momentKernel {
	switch {
	case momentsKernelOverride >= 0:
		return momentKernel{momentsKernelOverride}
	case haveMomentsAVX512 && hw.SIMDLevel() == asm.LevelAVX512:
		return momentKernel{kernelAVX512}
	}
	return momentKernel{kernelPrims}
}

// pass1 returns the sum, minimum and maximum of x (the extremes ignore NaN; the caller
// checks a NaN sum). The AVX-512 path also prefetches the head of next.
func (k momentKernel) pass1(x, next []float64) (sum, lo, hi float64) {
	switch k.mode {
	case kernelAVX512:
		head, _ := prefetchSplit(x, next)
		return momentsPass1AVX512(x, first(head), len(head))
	case kernelTwin:
		return momentsPass1Generic(x)
	}
	return asm.SumF64(x), asm.MinF64(x), asm.MaxF64(x)
}

// pass2 returns the sums of the first four powers of x - c. The AVX-512 path also
// prefetches the rest of next.
func (k momentKernel) pass2(x []float64, c float64, next []float64, s *momentScratch) (s1, s2, s3, s4 float64) {
	switch k.mode {
	case kernelAVX512:
		_, rest := prefetchSplit(x, next)
		return momentsPass2AVX512(x, c, first(rest), len(rest))
	case kernelTwin:
		return momentsPass2Generic(x, c)
	}
	for lo := 0; lo < len(x); lo += momentChunk {
		chunk := x[lo:min(lo+momentChunk, len(x))]
		d, q := s.d[:len(chunk)], s.q[:len(chunk)]
		asm.SubScalarF64(d, chunk, c)
		asm.MulF64(q, d, d)
		s1 += asm.SumF64(d)
		s2 += asm.SumF64(q)
		s3 += asm.DotF64(q, d)
		s4 += asm.DotF64(q, q)
	}
	return s1, s2, s3, s4
}

// prefetchSplit cuts next into the part pass 1 prefetches over x (a line of 8 values
// per 32 values of x) and the part pass 2 prefetches (three lines per 32).
func prefetchSplit(x, next []float64) (head, rest []float64) {
	h := min(len(next), (len(x)+31)/32*8)
	return next[:h], next[h:]
}

func first(s []float64) *float64 {
	if len(s) == 0 {
		return nil
	}
	return &s[0]
}

// summarize returns the summary of x: per-block summaries merged in the fixed tree.
func summarize[T float32 | float64](x []T, cfg momentsConfig) summary {
	k := newMomentKernel()
	nblocks := (len(x) + blockSize - 1) / blockSize
	switch nblocks {
	case 0:
		return summary{}
	case 1:
		s := momentScratchPool.Get().(*momentScratch)
		defer momentScratchPool.Put(s)
		return blockSummary(k, x, nil, cfg.skipNaN, s)
	}
	pp := summaryPool.Get().(*[]summary)
	defer summaryPool.Put(pp)
	if cap(*pp) < nblocks {
		*pp = make([]summary, nblocks)
	}
	parts := (*pp)[:nblocks]
	workers := 1
	if len(x) >= minParallel {
		workers = min(cfg.threadCount(), nblocks)
	}
	blocks := func(lo, hi int) {
		s := momentScratchPool.Get().(*momentScratch)
		for b := lo; b < hi; b++ {
			var next []T
			if b+1 < hi {
				next = x[(b+1)*blockSize : min((b+2)*blockSize, len(x))]
			}
			parts[b] = blockSummary(k, x[b*blockSize:min((b+1)*blockSize, len(x))], next, cfg.skipNaN, s)
		}
		momentScratchPool.Put(s)
	}
	if workers <= 1 {
		blocks(0, nblocks)
	} else {
		var wg sync.WaitGroup
		for w := 1; w < workers; w++ {
			wg.Add(1)
			go func(lo, hi int) {
				defer wg.Done()
				blocks(lo, hi)
			}(nblocks*w/workers, nblocks*(w+1)/workers)
		}
		blocks(0, nblocks/workers)
		wg.Wait()
	}
	return mergeTree(parts)
}

// blockSummary summarises one block of at most blockSize values; next is the block
// after it (or nil), to prefetch.
func blockSummary[T float32 | float64](k momentKernel, x, next []T, skipNaN bool, s *momentScratch) summary {
	switch x := any(x).(type) {
	case []float64:
		nx, _ := any(next).([]float64)
		return k.block64(x, nx, skipNaN, s)
	case []float32:
		v := s.wide[:len(x)]
		asm.F32ToF64(v, x)
		return k.block64(v, nil, skipNaN, s)
	}
	panic("numeric: moments of an unsupported element type")
}

// block64 summarises one block of float64 values (v may be s.wide).
func (k momentKernel) block64(v, next []float64, skipNaN bool, s *momentScratch) summary {
	if len(v) == 0 {
		return summary{}
	}
	sum, lo, hi := k.pass1(v, next)
	var nans int64
	if sum != sum { // a NaN, or +Inf and -Inf
		if skipNaN {
			v, nans = dropNaN(v, s.wide[:])
			if len(v) == 0 {
				return summary{nans: nans}
			}
			sum, lo, hi = k.pass1(v, nil)
		} else if hasNaN(v) { // the extremes of the kernel ignore NaN
			nan := math.NaN()
			return summary{c: stats.Central{N: int64(len(v)), Mean: nan, M2: nan, M3: nan, M4: nan}, min: nan, max: nan}
		}
	}
	out := summary{min: lo, max: hi, nans: nans}
	n := int64(len(v))
	c := sum / float64(n)
	if math.IsInf(c, 0) || c != c { // an infinite value: no finite spread
		nan := math.NaN()
		out.c = stats.Central{N: n, Mean: c, M2: nan, M3: nan, M4: nan}
		return out
	}
	s1, s2, s3, s4 := k.pass2(v, c, next, s)
	out.c = stats.FromShifted(n, c, s1, s2, s3, s4)
	return out
}

func hasNaN(v []float64) bool {
	for _, x := range v {
		if x != x {
			return true
		}
	}
	return false
}

// dropNaN copies the values of v that are not NaN to dst (which may be v itself) and
// returns them and the number of NaNs.
func dropNaN(v, dst []float64) ([]float64, int64) {
	k := 0
	for _, x := range v {
		if x == x {
			dst[k] = x
			k++
		}
	}
	return dst[:k], int64(len(v) - k)
}

// momentsPass1Generic returns the sum, minimum and maximum of x, ignoring NaN in the
// extremes (the caller checks a NaN sum). Element i goes to lane i mod 32; the lanes
// are folded as lane[j] op= lane[j+h] for h = 16, 8, 4, 2, 1. min(a, b) is
// a < b ? a : b and max(a, b) is a > b ? a : b, as VMINPD and VMAXPD compute them.
func momentsPass1Generic(x []float64) (sum, lo, hi float64) {
	var acc, mn, mx [32]float64
	for j := range mn {
		mn[j], mx[j] = math.Inf(1), math.Inf(-1)
	}
	i := 0
	for ; i+32 <= len(x); i += 32 {
		g := (*[32]float64)(x[i:])
		for j := range 32 {
			v := g[j]
			acc[j] += v
			if !(mn[j] < v) {
				mn[j] = v
			}
			if !(mx[j] > v) {
				mx[j] = v
			}
		}
	}
	for j, v := range x[i:] {
		acc[j] += v
		if !(mn[j] < v) {
			mn[j] = v
		}
		if !(mx[j] > v) {
			mx[j] = v
		}
	}
	for h := 16; h > 0; h /= 2 {
		for j := range h {
			acc[j] += acc[j+h]
			if !(mn[j] < mn[j+h]) {
				mn[j] = mn[j+h]
			}
			if !(mx[j] > mx[j+h]) {
				mx[j] = mx[j+h]
			}
		}
	}
	return acc[0], mn[0], mx[0]
}

// momentsPass2Generic returns the sums of the first four powers of the deviations
// d = x - c, in 32 lanes as momentsPass1Generic: s1 += d, s2 += d², s3 = fma(d², d, s3),
// s4 = fma(d², d², s4).
func momentsPass2Generic(x []float64, c float64) (s1, s2, s3, s4 float64) {
	var a1, a2, a3, a4 [32]float64
	i := 0
	for ; i+32 <= len(x); i += 32 {
		g := (*[32]float64)(x[i:])
		for j := range 32 {
			d := g[j] - c
			q := d * d
			a1[j] += d
			a2[j] += q
			a3[j] = math.FMA(q, d, a3[j])
			a4[j] = math.FMA(q, q, a4[j])
		}
	}
	for j, v := range x[i:] {
		d := v - c
		q := d * d
		a1[j] += d
		a2[j] += q
		a3[j] = math.FMA(q, d, a3[j])
		a4[j] = math.FMA(q, q, a4[j])
	}
	for h := 16; h > 0; h /= 2 {
		for j := range h {
			a1[j] += a1[j+h]
			a2[j] += a2[j+h]
			a3[j] += a3[j+h]
			a4[j] += a4[j+h]
		}
	}
	return a1[0], a2[0], a3[0], a4[0]
}

// momentsReduceBlock is the block function of the SIMD backend's var, std, skew and
// kurt reductions over float64 or float32 blocks: Moments' block kernel, propagating
// NaN, so var(x) gives the bits of Moments(x).Var.
func momentsReduceBlock(t ir.DType) func(n int, p unsafe.Pointer) generic.Partial {
	return func(n int, p unsafe.Pointer) generic.Partial {
		k := newMomentKernel()
		s := momentScratchPool.Get().(*momentScratch)
		defer momentScratchPool.Put(s)
		var sum summary
		if t == ir.Float32 {
			sum = blockSummary(k, unsafe.Slice((*float32)(p), n), nil, false, s)
		} else {
			sum = blockSummary(k, unsafe.Slice((*float64)(p), n), nil, false, s)
		}
		return generic.FromCentral(sum.c)
	}
}
