package beam

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"path"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/numkit/numkit/numeric"
	"github.com/numkit/numkit/numeric/npy"
	"github.com/numkit/numkit/numeric/sketch"
)

// Moments computes numeric.Moments of an element-wise result (Evaluate's Partials):
// each chunk's moments partial, merged into the statistics numeric.Moments gives on the
// whole result, bit for bit. It returns a PCollection of one numeric.MomentStats.
func Moments(s beam.Scope, partials beam.PCollection, skipNaN bool) beam.PCollection {
	s = s.Scope("numkit.Moments")
	mps := beam.ParDo(s, &momentsFn{SkipNaN: skipNaN}, partials)
	return beam.ParDo(s, mergeMoments, beam.Combine(s, &gatherFn{}, mps))
}

type momentsFn struct{ SkipNaN bool }

func (fn *momentsFn) ProcessElement(raw []byte) ([]byte, error) {
	r, c, err := chunkResult(raw)
	if err != nil {
		return nil, err
	}
	return chunkMoments(r, c, fn.SkipNaN)
}

// chunkMoments returns the encoded moments partial of a chunk's element-wise result.
func chunkMoments(r numeric.Result, c numeric.Chunk, skipNaN bool) ([]byte, error) {
	var err error
	var opts []numeric.MomentsOption
	if skipNaN {
		opts = append(opts, numeric.SkipNaN())
	}
	var mp *numeric.MomentsPartial
	switch x := r.Data.(type) {
	case []float64:
		mp, err = numeric.ChunkMoments(c, x, opts...)
	case []float32:
		mp, err = numeric.ChunkMoments(c, x, opts...)
	default:
		return nil, fmt.Errorf("numkit/beam: moments of a %s result: want float64 or float32 (cast it in the expression)", r.Type)
	}
	if err != nil {
		return nil, err
	}
	return mp.MarshalBinary()
}

// chunkResult decodes a final partial and returns its chunk's elements.
func chunkResult(raw []byte) (numeric.Result, numeric.Chunk, error) {
	var p numeric.Partial
	if err := p.UnmarshalBinary(raw); err != nil {
		return numeric.Result{}, numeric.Chunk{}, err
	}
	r, ok := p.Result()
	if !ok {
		return numeric.Result{}, numeric.Chunk{}, fmt.Errorf("numkit/beam: the partial of %v is not an element-wise result", p.Chunk())
	}
	return r, p.Chunk(), nil
}

func mergeMoments(raws [][]byte) (numeric.MomentStats, error) {
	parts := make([]*numeric.MomentsPartial, len(raws))
	for i, raw := range raws {
		parts[i] = new(numeric.MomentsPartial)
		if err := parts[i].UnmarshalBinary(raw); err != nil {
			return numeric.MomentStats{}, err
		}
	}
	return numeric.MergeMoments(parts)
}

// CountMin counts the values of an element-wise result (Evaluate's Partials) in a
// count-min sketch of width × depth with seed: integers and bools by value, floats by
// their bits. Sketches merge by addition, so the result is the same whatever the
// chunking and order. It returns a PCollection of one sketch in its binary form
// (sketch.CountMin.UnmarshalBinary).
func CountMin(s beam.Scope, partials beam.PCollection, width, depth int, seed uint64) beam.PCollection {
	s = s.Scope("numkit.CountMin")
	sk := beam.ParDo(s, &countMinFn{Width: width, Depth: depth, Seed: seed}, partials)
	return beam.ParDo(s, mergeSketches, beam.Combine(s, &gatherFn{}, sk))
}

type countMinFn struct {
	Width, Depth int
	Seed         uint64
}

func (fn *countMinFn) ProcessElement(raw []byte) ([]byte, error) {
	r, _, err := chunkResult(raw)
	if err != nil {
		return nil, err
	}
	cm, err := sketch.NewSize(fn.Width, fn.Depth, sketch.WithSeed(fn.Seed))
	if err != nil {
		return nil, err
	}
	cm.AddBatch(Keys(r))
	return cm.MarshalBinary()
}

// Keys returns the count-min keys of a result's elements: integers and bools by
// value, floats by their IEEE bits.
func Keys(r numeric.Result) []uint64 {
	var keys []uint64
	switch x := r.Data.(type) {
	case []float64:
		for _, v := range x {
			keys = append(keys, math.Float64bits(v))
		}
	case []float32:
		for _, v := range x {
			keys = append(keys, uint64(math.Float32bits(v)))
		}
	case []int64:
		for _, v := range x {
			keys = append(keys, uint64(v))
		}
	case []int32:
		for _, v := range x {
			keys = append(keys, uint64(int64(v)))
		}
	case []bool:
		for _, v := range x {
			k := uint64(0)
			if v {
				k = 1
			}
			keys = append(keys, k)
		}
	}
	return keys
}

func mergeSketches(raws [][]byte) ([]byte, error) {
	var total *sketch.CountMin
	for _, raw := range raws {
		cm := new(sketch.CountMin)
		if err := cm.UnmarshalBinary(raw); err != nil {
			return nil, err
		}
		if total == nil {
			total = cm
		} else if err := total.Merge(cm); err != nil {
			return nil, err
		}
	}
	if total == nil {
		return nil, fmt.Errorf("numkit/beam: no sketches to merge")
	}
	return total.MarshalBinary()
}

// WriteNpy writes each chunk of an element-wise result (Evaluate's Partials) to
// dir/part-IIIII-of-NNNNN.npy in any Beam filesystem, and returns the file names.
func WriteNpy(s beam.Scope, dir string, partials beam.PCollection) beam.PCollection {
	s = s.Scope("numkit.WriteNpy")
	return beam.ParDo(s, &writeNpyFn{Dir: dir}, partials)
}

type writeNpyFn struct{ Dir string }

func (fn *writeNpyFn) ProcessElement(ctx context.Context, raw []byte) (string, error) {
	r, c, err := chunkResult(raw)
	if err != nil {
		return "", err
	}
	name := path.Join(fn.Dir, fmt.Sprintf("part-%05d-of-%05d.npy", c.Index, c.Count))
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return "", err
	}
	defer fs.Close()
	wc, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(wc, 1<<20)
	if err := npy.Write(w, npy.Array{Shape: []int{r.Len()}, Data: r.Data}); err != nil {
		wc.Close()
		return "", fmt.Errorf("numkit/beam: writing %s: %w", name, err)
	}
	if err := w.Flush(); err != nil {
		wc.Close()
		return "", err
	}
	return name, wc.Close()
}

func init() {
	beam.RegisterType(reflect.TypeOf((*momentsFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*countMinFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*writeNpyFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf(numeric.MomentStats{}))
	register.DoFn1x2[[]byte, []byte, error](&momentsFn{})
	register.DoFn1x2[[]byte, []byte, error](&countMinFn{})
	register.DoFn2x2[context.Context, []byte, string, error](&writeNpyFn{})
	register.Function1x2(mergeMoments)
	register.Function1x2(mergeSketches)
}
