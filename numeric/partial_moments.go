package numeric

import (
	"fmt"
	"math"

	"github.com/numkit/numkit/numeric/internal/stats"
)

// MomentsPartial is Moments over one chunk of the values, mergeable with the other
// chunks' (MergeMoments) into exactly the bits Moments gives on all of them: it keeps
// the summary of every block of Moments' fixed blocking inside the chunk, and the
// values of the blocks it shares with its neighbours.
type MomentsPartial struct {
	chunk      Chunk
	skipNaN    bool
	firstBlock int
	blocks     []stats.Summary
	edges      []momentEdge
}

type momentEdge struct {
	offset int
	values []float64 // float32 values widened exactly
}

// Chunk returns the chunk the partial summarises.
func (p *MomentsPartial) Chunk() Chunk { return p.chunk }

// ChunkMoments summarises chunk c of the values: x holds its c.Len values. Of the
// options SkipNaN changes the result; MomentsThreads only the speed.
func ChunkMoments[T float32 | float64](c Chunk, x []T, opts ...MomentsOption) (*MomentsPartial, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if len(x) != c.Len {
		return nil, fmt.Errorf("numeric: moments of %v: %d values given: %w", c, len(x), ErrShape)
	}
	cfg := newMomentsConfig(opts)
	p := &MomentsPartial{chunk: c, skipNaN: cfg.skipNaN}
	g, end := partialGrain, c.Offset+c.Len
	alignedLo := min((c.Offset+g-1)/g*g, end)
	alignedHi := end / g * g
	if end == c.Total {
		alignedHi = end
	}
	alignedHi = max(alignedHi, alignedLo)
	for _, r := range [][2]int{{c.Offset, alignedLo}, {alignedHi, end}} {
		if r[1] > r[0] {
			ed := momentEdge{offset: r[0], values: make([]float64, r[1]-r[0])}
			for i, v := range x[r[0]-c.Offset : r[1]-c.Offset] {
				ed.values[i] = float64(v)
			}
			p.edges = append(p.edges, ed)
		}
	}
	p.firstBlock = alignedLo / g
	p.blocks = stats.Blocks(x[alignedLo-c.Offset:alignedHi-c.Offset], cfg.stats())
	return p, nil
}

// MergeMoments merges the partials of every chunk, in any order, into the statistics
// Moments gives on all the values.
func MergeMoments(parts []*MomentsPartial) (MomentStats, error) {
	if len(parts) == 0 {
		return MomentStats{}, fmt.Errorf("numeric: no moment partials to merge: %w", ErrPartial)
	}
	// Reuse the checks of Merge: wrap each in a Partial with the same chunk.
	wrapped := make([]*Partial, len(parts))
	for i, p := range parts {
		if p == nil {
			return MomentStats{}, fmt.Errorf("numeric: moment partial %d is nil: %w", i, ErrPartial)
		}
		if p.skipNaN != parts[0].skipNaN {
			return MomentStats{}, fmt.Errorf("numeric: the moment partials of %v and %v differ in SkipNaN: %w", p.chunk, parts[0].chunk, ErrPartial)
		}
		wrapped[i] = &Partial{head: partialHead{src: "moments", total: p.chunk.Total}, chunk: p.chunk}
	}
	ordered, err := orderPartials(wrapped)
	if err != nil {
		return MomentStats{}, err
	}
	byIndex := map[int]*MomentsPartial{}
	for _, p := range parts {
		byIndex[p.chunk.Index] = p
	}
	total := parts[0].chunk.Total
	nblocks := (total + partialGrain - 1) / partialGrain
	list := make([]stats.Summary, nblocks)
	filled := make([]bool, nblocks)
	fill := func(b int, s stats.Summary, c Chunk) error {
		if b < 0 || b >= nblocks || filled[b] {
			return fmt.Errorf("numeric: the moment partial of %v gives block %d, which is out of range or given twice: %w", c, b, ErrPartial)
		}
		filled[b], list[b] = true, s
		return nil
	}
	var pending []float64 // values of the block being joined from edges
	pendingBlock := -1
	flush := func(c Chunk) error {
		if pendingBlock < 0 {
			return nil
		}
		lo, hi := pendingBlock*partialGrain, min((pendingBlock+1)*partialGrain, total)
		if len(pending) != hi-lo {
			return fmt.Errorf("numeric: block %d (values %d to %d) is covered by %d values of the chunks' edges: %w", pendingBlock, lo, hi, len(pending), ErrPartial)
		}
		s := stats.Blocks(pending, stats.Options{SkipNaN: parts[0].skipNaN, Threads: 1})
		err := fill(pendingBlock, s[0], c)
		pending, pendingBlock = nil, -1
		return err
	}
	for _, w := range ordered {
		p := byIndex[w.chunk.Index]
		for _, ed := range p.edges {
			b := ed.offset / partialGrain
			if b != pendingBlock {
				if err := flush(p.chunk); err != nil {
					return MomentStats{}, err
				}
				pendingBlock = b
			}
			if ed.offset != b*partialGrain+len(pending) {
				return MomentStats{}, fmt.Errorf("numeric: an edge of %v starts at value %d, expected %d: %w", p.chunk, ed.offset, b*partialGrain+len(pending), ErrPartial)
			}
			pending = append(pending, ed.values...)
		}
		for i, s := range p.blocks {
			if err := fill(p.firstBlock+i, s, p.chunk); err != nil {
				return MomentStats{}, err
			}
		}
	}
	if err := flush(parts[0].chunk); err != nil {
		return MomentStats{}, err
	}
	for b, ok := range filled {
		if !ok {
			return MomentStats{}, fmt.Errorf("numeric: no moment partial gives block %d: %w", b, ErrPartial)
		}
	}
	return momentStats(stats.MergeBlocks(list)), nil
}

const momentsMagic = "NKMOMT\x00\x01"

// MarshalBinary encodes the partial: magic, format version, the chunk, SkipNaN, the
// block summaries and edges, and a CRC-32C, as Partial's form is laid out.
func (p *MomentsPartial) MarshalBinary() ([]byte, error) {
	w := newWriter(momentsMagic)
	c := p.chunk
	skip := 0
	if p.skipNaN {
		skip = 1
	}
	w.uints(c.Index, c.Count, c.Offset, c.Len, c.Total, skip, p.firstBlock, len(p.blocks))
	for _, s := range p.blocks {
		w.words(uint64(s.C.N), math.Float64bits(s.C.Mean), math.Float64bits(s.C.MeanLo), math.Float64bits(s.C.M2),
			math.Float64bits(s.C.M3), math.Float64bits(s.C.M4), math.Float64bits(s.Min), math.Float64bits(s.Max), uint64(s.NaNs))
	}
	w.uints(len(p.edges))
	for _, ed := range p.edges {
		w.uints(ed.offset, len(ed.values))
		for _, v := range ed.values {
			w.words(math.Float64bits(v))
		}
	}
	return w.finish(), nil
}

// UnmarshalBinary decodes what MarshalBinary made, rejecting corrupt or truncated bytes.
func (p *MomentsPartial) UnmarshalBinary(data []byte) error {
	r, err := newReader(data, momentsMagic, "moments partial")
	if err != nil {
		return err
	}
	var q MomentsPartial
	c := &q.chunk
	c.Index, c.Count, c.Offset, c.Len, c.Total = r.int(), r.int(), r.int(), r.int(), r.int()
	q.skipNaN = r.int() == 1
	q.firstBlock = r.int()
	nb := r.int()
	if r.err == nil && nb > len(r.buf)/72 {
		r.fail("block summaries")
	}
	for i := 0; i < nb && r.err == nil; i++ {
		var s stats.Summary
		s.C = stats.Central{N: int64(r.word()), Mean: r.float(), MeanLo: r.float(), M2: r.float(), M3: r.float(), M4: r.float()}
		s.Min, s.Max, s.NaNs = r.float(), r.float(), int64(r.word())
		q.blocks = append(q.blocks, s)
	}
	ne := r.int()
	for i := 0; i < ne && r.err == nil; i++ {
		ed := momentEdge{offset: r.int()}
		n := r.int()
		if r.err == nil && (n > len(r.buf)/8 || n < 1 || ed.offset < c.Offset || ed.offset+n > c.Offset+c.Len || ed.offset/partialGrain != (ed.offset+n-1)/partialGrain) {
			r.fail("an edge")
		}
		for j := 0; j < n && r.err == nil; j++ {
			ed.values = append(ed.values, r.float())
		}
		q.edges = append(q.edges, ed)
	}
	if err := r.done(); err != nil {
		return err
	}
	if err := q.chunk.check(); err != nil {
		return fmt.Errorf("numeric: decoding a moments partial: %w (%w)", ErrPartial, err)
	}
	*p = q
	return nil
}
