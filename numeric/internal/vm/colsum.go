package vm

import (
	"sync"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// Column sums and products: the sum (product) along a non-last axis of a C-contiguous
// array, viewed as pre blocks of length rows of post columns, computed row-wise with
// no transposing copy and with each column's bits exactly those of the 1-D canonical
// reduction of that column (docs/language.md, Reductions): blocks of exec.BlockSize
// rows, row i of a block into accumulator i mod P (P = 32 for float64, 64 for
// float32), the accumulators folded in halves, the blocks' results widened to float64
// and combined pairwise.
//
// The accumulators of a tile (one block of rows, a strip of columns) are P rows of
// the strip's width. The rows of one residue class mod P go to one accumulator row,
// colRows at a time (asm.AddRowsF64, MulRowsF64: each accumulator loaded and stored
// once per call, colRows row streams read side by side). Tiles run in parallel; when
// there are fewer tiles than threads, the residue classes of a tile are split among
// the threads, so that each still reads whole rows (threads owning half the columns of
// every row read them in shorter runs and measured slower), and the tile's fold waits
// for all of them.

// colRows is how many rows of a residue class one AddRows call adds.
const colRows = 8

// colAccBytes caps one tile's accumulators, wider arrays are cut into strips; and
// colAccShort when a residue class has fewer than colRows rows: the accumulators are
// then read and written about once per row and should stay in the L2 cache.
const (
	colAccBytes = 4 << 20
	colAccShort = 256 << 10
)

// colTile is one block of rows of one of the pre outer blocks, over a strip of columns.
type colTile struct {
	b, lo, hi int // outer block, rows [lo, hi) of it
	blk       int // the block's index along the axis
	c0, c1    int // columns
}

// ColumnReduce returns the sums (with prod, the products) of x's columns along its
// middle axis: x holds pre blocks of length×post elements (C order) and the result
// pre×post float64 values, one per (outer block, column), with the bits of the 1-D
// sum (product) of each column (rounded to float32 by the caller for float32 data).
// It uses up to threads goroutines; the bits do not depend on how many.
func ColumnReduce[T float32 | float64](x []T, pre, length, post, threads int, prod bool) []float64 {
	hw.SIMDLevel() // NUMKIT_SIMD and the SIMD policy, as for the other asm kernels
	lanes := colLanes[T]()
	nblocks := (length + exec.BlockSize - 1) / exec.BlockSize
	combine := func(u, v float64) float64 { return u + v }
	if prod {
		combine = func(u, v float64) float64 { return u * v }
	}
	if pre*length*post == 0 {
		res := make([]float64, pre*post)
		for i := range res {
			res[i] = colIdentity[float64](prod) // an empty column
		}
		return res
	}
	active := min(lanes, length) // accumulator rows that get any row
	size := int(unsafe.Sizeof(x[0]))
	limit := colAccBytes
	if min(length, exec.BlockSize) < lanes*colRows {
		limit = colAccShort // few rows per class: each accumulator taken up about once
	}
	strips := (active*post*size + limit - 1) / limit
	width := (post + strips - 1) / strips
	width = min(post, (width+15)&^15) // whole vectors, but for the last strip
	strips = (post + width - 1) / width
	ntiles := pre * nblocks * strips
	workers := max(1, min(threads, pre*length*post/exec.MinParallel))
	groups := colGroups(ntiles, workers, active)
	partials := make([]float64, pre*nblocks*post) // [b][blk][column]
	c := colReduce[T]{x: x, length: length, post: post, lanes: lanes, partials: partials, nblocks: nblocks,
		prod: prod, width: width, strips: strips}
	if groups == 1 {
		parallel(min(workers, ntiles), ntiles, func(acc *[]T, t int) {
			tile := c.tile(t)
			a := grow(acc, min(lanes, tile.hi-tile.lo)*(tile.c1-tile.c0))
			c.fill(a, tile, 0, lanes)
			c.fold(a, tile, 0, tile.c1-tile.c0)
		})
	} else { // fewer tiles than workers: all their accumulators at once
		accs := make([][]T, ntiles)
		for t := range accs {
			tile := c.tile(t)
			accs[t] = make([]T, min(lanes, tile.hi-tile.lo)*(tile.c1-tile.c0))
		}
		parallel(workers, ntiles*groups, func(_ *[]T, task int) {
			t, g := task/groups, task%groups
			tile := c.tile(t)
			act := min(lanes, tile.hi-tile.lo)
			c.fill(accs[t], tile, act*g/groups, act*(g+1)/groups)
		})
		parallel(workers, ntiles*groups, func(_ *[]T, task int) {
			t, g := task/groups, task%groups
			tile := c.tile(t)
			w := tile.c1 - tile.c0
			c.fold(accs[t], tile, w*g/groups, w*(g+1)/groups)
		})
	}
	if nblocks == 1 {
		return partials
	}
	res := make([]float64, pre*post)
	col := make([]float64, nblocks)
	for b := range pre {
		for j := range post {
			for blk := range nblocks {
				col[blk] = partials[(b*nblocks+blk)*post+j]
			}
			res[b*post+j] = exec.Pairwise(col, combine)
		}
	}
	return res
}

// colIdentity is the sum's (the product's) identity, what an accumulator starts at.
func colIdentity[T float32 | float64](prod bool) T {
	if prod {
		return 1
	}
	return 0
}

// colLanes is the number of accumulators of T's canonical sum.
func colLanes[T float32 | float64]() int {
	var z T
	if unsafe.Sizeof(z) == 4 {
		return 64
	}
	return 32
}

// colGroups is how many parts the residue classes of each tile are split into when
// there are fewer tiles than workers (every tile's accumulators are then held at
// once): the count that keeps the most threads busy (the fewest rounds of tasks per
// tile's share), the smallest such count on a tie, at most the active accumulators.
func colGroups(tiles, workers, active int) int {
	if tiles >= workers {
		return 1
	}
	best, cost := 1, float64((tiles+workers-1)/workers)
	for g := 2; g <= active && g <= workers; g++ {
		rounds := float64((tiles*g + workers - 1) / workers)
		if c := rounds / float64(g); c < cost*0.999 {
			best, cost = g, c
		}
	}
	return best
}

// parallel runs f(scratch, task) for tasks 0..n-1 on workers goroutines, each a
// contiguous range of tasks (neighbouring tiles are neighbouring memory) with its own
// scratch slice for f to grow.
func parallel[T any](workers, n int, f func(scratch *[]T, task int)) {
	if workers <= 1 {
		var s []T
		for t := range n {
			f(&s, t)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s []T
			for t := n * w / workers; t < n*(w+1)/workers; t++ {
				f(&s, t)
			}
		}()
	}
	wg.Wait()
}

// grow returns (*s)[:n], reallocating when it is shorter.
func grow[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	return (*s)[:n]
}

// colReduce is one ColumnReduce call's data.
type colReduce[T float32 | float64] struct {
	x              []T
	length, post   int
	lanes, nblocks int
	partials       []float64
	prod           bool
	width, strips  int // columns per strip (the last may be narrower), strips per row
}

// tile is tile t, ordered by outer block, block along the axis, strip.
func (c *colReduce[T]) tile(t int) colTile {
	s, blk, b := t%c.strips, t/c.strips%c.nblocks, t/(c.strips*c.nblocks)
	lo := blk * exec.BlockSize
	return colTile{b: b, lo: lo, hi: min(lo+exec.BlockSize, c.length), blk: blk, c0: s * c.width, c1: min((s+1)*c.width, c.post)}
}

// fill sums the rows of residue classes [k0, k1) of tile's block, each class into its
// accumulator row of acc (rows of the tile's width; classes past the block's rows
// have no row and get nothing).
func (c *colReduce[T]) fill(acc []T, tile colTile, k0, k1 int) {
	w := tile.c1 - tile.c0
	k1 = min(k1, tile.hi-tile.lo)
	if k0 >= k1 {
		return
	}
	if c.prod {
		for i := k0 * w; i < k1*w; i++ {
			acc[i] = 1
		}
	} else {
		clear(acc[k0*w : k1*w])
	}
	base := tile.b*c.length*c.post + tile.c0
	step := c.lanes * c.post // from one row of a class to the next
	if w == c.post {
		// Whole rows: the rows lo+g*lanes+k0 .. lo+g*lanes+k1-1 of a group g lie one
		// after another, as the accumulator rows k0..k1-1 do, so one call adds colRows
		// groups to all the classes at once; the last, partial group goes to the
		// classes it has.
		full, rem := (tile.hi-tile.lo)/c.lanes, (tile.hi-tile.lo)%c.lanes
		for g := 0; g < full; g += colRows {
			i := tile.lo + g*c.lanes + k0
			combineRows(acc[k0*w:k1*w], c.x[base+i*c.post:], step, min(colRows, full-g), c.prod)
		}
		if rem > k0 {
			i := tile.lo + full*c.lanes + k0
			combineRows(acc[k0*w:min(k1, rem)*w], c.x[base+i*c.post:], step, 1, c.prod)
		}
		return
	}
	for first := tile.lo; first < tile.hi; first += c.lanes * colRows {
		for k := k0; k < k1 && first+k < tile.hi; k++ {
			i := first + k
			n := min(colRows, (tile.hi-i+c.lanes-1)/c.lanes)
			combineRows(acc[k*w:(k+1)*w], c.x[base+i*c.post:], step, n, c.prod)
		}
	}
}

// fold folds columns [j0, j1) of the tile's accumulators in halves and stores them,
// widened, as the tile block's partials. Those past the block's rows are left out:
// they would hold the identity, and adding 0 changes no sum (an accumulator that
// starts at +0 is never -0), multiplying by 1 no product.
func (c *colReduce[T]) fold(acc []T, tile colTile, j0, j1 int) {
	if j0 >= j1 {
		return
	}
	w := tile.c1 - tile.c0
	active := min(c.lanes, tile.hi-tile.lo)
	for h := c.lanes / 2; h > 0; h /= 2 {
		for j := 0; j+h < active && j < h; j++ {
			combineInto(acc[j*w+j0:j*w+j1], acc[(j+h)*w+j0:(j+h)*w+j1], c.prod)
		}
	}
	out := c.partials[(tile.b*c.nblocks+tile.blk)*c.post+tile.c0:]
	for j := j0; j < j1; j++ {
		out[j] = float64(acc[j])
	}
}

// combineRows is asm's AddRows or MulRows of T.
func combineRows[T float32 | float64](acc, x []T, stride, rows int, prod bool) {
	switch a := any(acc).(type) {
	case []float64:
		if prod {
			asm.MulRowsF64(a, any(x).([]float64), stride, rows)
		} else {
			asm.AddRowsF64(a, any(x).([]float64), stride, rows)
		}
	case []float32:
		if prod {
			asm.MulRowsF32(a, any(x).([]float32), stride, rows)
		} else {
			asm.AddRowsF32(a, any(x).([]float32), stride, rows)
		}
	}
}

// combineInto adds (multiplies) x into a element by element (asm's exact vector
// operations).
func combineInto[T float32 | float64](a, x []T, prod bool) {
	switch a := any(a).(type) {
	case []float64:
		if prod {
			asm.MulF64(a, a, any(x).([]float64))
		} else {
			asm.AddF64(a, a, any(x).([]float64))
		}
	case []float32:
		if prod {
			asm.MulF32(a, a, any(x).([]float32))
		} else {
			asm.AddF32(a, a, any(x).([]float32))
		}
	}
}
