package stats

import (
	"math"
	"sync"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// momentScratch is one goroutine's working memory for the block kernel: a float32
// block widened to float64 or a block without its NaNs, and the deviations and their
// squares of a chunk (the primitives path).
type momentScratch struct {
	wide [exec.BlockSize]float64
	d, q [momentChunk]float64
}

// momentChunk is how many deviations the primitives path keeps at a time.
const momentChunk = 1024

var (
	momentScratchPool = sync.Pool{New: func() any { return new(momentScratch) }}
	summaryPool       = sync.Pool{New: func() any { return new([]Summary) }}
)

// Kernel is how the block kernel runs its two passes:
//   - KernelAVX512: the fused AVX-512 assembly, which also prefetches the next block;
//   - KernelTwin: its pure-Go twin, which computes the same bits (slowly);
//   - KernelPrims: package asm's SIMD primitives (sum, min, max, subtract, multiply,
//     dot) one after another over chunks in cache, for the other SIMD levels. The same
//     bits on every level, but not those of the other two: its lanes differ.
//
// KernelAuto, the zero value, is KernelAVX512 where the SIMD level is AVX-512 and
// KernelPrims elsewhere; tests force the others.
type Kernel int

// The kernels.
const (
	KernelAuto Kernel = iota
	KernelPrims
	KernelAVX512
	KernelTwin
)

type momentKernel struct{ mode Kernel }

func newMomentKernel(k Kernel) momentKernel {
	switch {
	case k != KernelAuto:
		return momentKernel{k}
	case asm.HaveMomentsAVX512 && hw.SIMDLevel() == asm.LevelAVX512:
		return momentKernel{KernelAVX512}
	}
	return momentKernel{KernelPrims}
}

// Chosen is the kernel KernelAuto runs here.
func Chosen() Kernel { return newMomentKernel(KernelAuto).mode }

// pass1 returns the sum, minimum and maximum of x (the extremes ignore NaN; the caller
// checks a NaN sum). The AVX-512 path also prefetches the head of next.
func (k momentKernel) pass1(x, next []float64) (sum, lo, hi float64) {
	switch k.mode {
	case KernelAVX512:
		head, _ := prefetchSplit(x, next)
		return asm.MomentsPass1(x, head)
	case KernelTwin:
		return asm.MomentsPass1Go(x)
	}
	return asm.SumF64(x), asm.MinF64(x), asm.MaxF64(x)
}

// pass2 returns the sums of the first four powers of x - c. The AVX-512 path also
// prefetches the rest of next.
func (k momentKernel) pass2(x []float64, c float64, next []float64, s *momentScratch) (s1, s2, s3, s4 float64) {
	switch k.mode {
	case KernelAVX512:
		_, rest := prefetchSplit(x, next)
		return asm.MomentsPass2(x, c, rest)
	case KernelTwin:
		return asm.MomentsPass2Go(x, c)
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

// Options configure Summarize.
type Options struct {
	SkipNaN bool   // count NaNs apart instead of letting them propagate
	Threads int    // goroutines (at least one)
	Kernel  Kernel // KernelAuto but in tests
}

// Summarize returns the summary of x: per-block summaries merged in the fixed tree
// that depends only on len(x), so the bits do not depend on the number of threads.
func Summarize[T float32 | float64](x []T, cfg Options) Summary {
	k := newMomentKernel(cfg.Kernel)
	nblocks := (len(x) + exec.BlockSize - 1) / exec.BlockSize
	switch nblocks {
	case 0:
		return Summary{}
	case 1:
		s := momentScratchPool.Get().(*momentScratch)
		defer momentScratchPool.Put(s)
		return blockSummary(k, x, nil, cfg.SkipNaN, s)
	}
	pp := summaryPool.Get().(*[]Summary)
	defer summaryPool.Put(pp)
	if cap(*pp) < nblocks {
		*pp = make([]Summary, nblocks)
	}
	parts := (*pp)[:nblocks]
	workers := 1
	if len(x) >= exec.MinParallel {
		workers = min(cfg.Threads, nblocks)
	}
	blocks := func(lo, hi int) {
		s := momentScratchPool.Get().(*momentScratch)
		for b := lo; b < hi; b++ {
			var next []T
			if b+1 < hi {
				next = x[(b+1)*exec.BlockSize : min((b+2)*exec.BlockSize, len(x))]
			}
			parts[b] = blockSummary(k, x[b*exec.BlockSize:min((b+1)*exec.BlockSize, len(x))], next, cfg.SkipNaN, s)
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
	return exec.Pairwise(parts, MergeSummaries)
}

// blockSummary summarises one block of at most exec.BlockSize values; next is the block
// after it (or nil), to prefetch.
func blockSummary[T float32 | float64](k momentKernel, x, next []T, skipNaN bool, s *momentScratch) Summary {
	switch x := any(x).(type) {
	case []float64:
		nx, _ := any(next).([]float64)
		return k.block64(x, nx, skipNaN, s)
	case []float32:
		v := s.wide[:len(x)]
		asm.F32ToF64(v, x)
		return k.block64(v, nil, skipNaN, s)
	}
	panic("stats: moments of an unsupported element type")
}

// block64 summarises one block of float64 values (v may be s.wide).
func (k momentKernel) block64(v, next []float64, skipNaN bool, s *momentScratch) Summary {
	if len(v) == 0 {
		return Summary{}
	}
	sum, lo, hi := k.pass1(v, next)
	var nans int64
	if sum != sum { // a NaN, or +Inf and -Inf
		if skipNaN {
			v, nans = dropNaN(v, s.wide[:])
			if len(v) == 0 {
				return Summary{NaNs: nans}
			}
			sum, lo, hi = k.pass1(v, nil)
		} else if hasNaN(v) { // the extremes of the kernel ignore NaN
			nan := math.NaN()
			return Summary{C: Central{N: int64(len(v)), Mean: nan, M2: nan, M3: nan, M4: nan}, Min: nan, Max: nan}
		}
	}
	out := Summary{Min: lo, Max: hi, NaNs: nans}
	n := int64(len(v))
	c := sum / float64(n)
	if math.IsInf(c, 0) || c != c { // an infinite value: no finite spread
		nan := math.NaN()
		out.C = Central{N: n, Mean: c, M2: nan, M3: nan, M4: nan}
		return out
	}
	s1, s2, s3, s4 := k.pass2(v, c, next, s)
	out.C = FromShifted(n, c, s1, s2, s3, s4)
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

// BlockCentral is the block function of the SIMD backend's var, std, skew and kurt
// reductions over a float64 or float32 block: Moments' block kernel, propagating NaN,
// so var(x) gives the bits of numeric.Moments(x).Var.
func BlockCentral[T float32 | float64](x []T) Central {
	s := momentScratchPool.Get().(*momentScratch)
	defer momentScratchPool.Put(s)
	return blockSummary(newMomentKernel(KernelAuto), x, nil, false, s).C
}
