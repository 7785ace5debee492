package stats

import (
	"sync"

	"github.com/numkit/numkit/numeric/internal/exec"
)

// Blocks returns the summary of each block of x (blocks of exec.BlockSize values from
// x[0]; the last may be short), the summaries Summarize merges, for partial moments
// (numeric.ChunkMoments): merging them with MergeBlocks gives Summarize's bits.
func Blocks[T float32 | float64](x []T, cfg Options) []Summary {
	k := newMomentKernel(cfg.Kernel)
	nblocks := (len(x) + exec.BlockSize - 1) / exec.BlockSize
	out := make([]Summary, nblocks)
	blocks := func(lo, hi int) {
		s := momentScratchPool.Get().(*momentScratch)
		defer momentScratchPool.Put(s)
		for b := lo; b < hi; b++ {
			out[b] = blockSummary(k, x[b*exec.BlockSize:min((b+1)*exec.BlockSize, len(x))], nil, cfg.SkipNaN, s)
		}
	}
	workers := 1
	if len(x) >= exec.MinParallel {
		workers = max(min(cfg.Threads, nblocks), 1)
	}
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
	return out
}

// MergeBlocks merges block summaries in Summarize's fixed tree (the empty summary for
// none).
func MergeBlocks(ps []Summary) Summary {
	if len(ps) == 0 {
		return Summary{}
	}
	return exec.Pairwise(ps, MergeSummaries)
}
