package beam

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/numkit/numkit/numeric"
)

// Options configure how workers evaluate an expression: Backend "gonum", "simd" or
// "opencl" ("" is numkit's default, auto, which evaluates partials on the CPU backend
// it would use; opencl partials merge only with partials of the same OpenCL device, so
// every worker needs the same one) and Threads (0: NUMKIT_THREADS, else GOMAXPROCS).
type Options struct {
	Backend string
	Threads int
}

func (o Options) numeric() []numeric.Option {
	var opts []numeric.Option
	if o.Backend != "" {
		opts = append(opts, numeric.WithBackend(o.Backend))
	}
	if o.Threads > 0 {
		opts = append(opts, numeric.WithThreads(o.Threads))
	}
	return opts
}

// exprCache holds each worker process's compiled expressions, keyed by source and
// options: a DoFn compiles in Setup once per process, however many bundles and DoFn
// instances the runner makes.
var exprCache sync.Map // cacheKey → *numeric.Expr

type cacheKey struct {
	src string
	opt Options
}

func compiled(src string, opt Options) (*numeric.Expr, error) {
	key := cacheKey{src, opt}
	if e, ok := exprCache.Load(key); ok {
		return e.(*numeric.Expr), nil
	}
	e, err := numeric.Compile(src, opt.numeric()...)
	if err != nil {
		return nil, err
	}
	actual, _ := exprCache.LoadOrStore(key, e)
	return actual.(*numeric.Expr), nil
}

// Output is what Evaluate makes: for an array result, Partials holds each chunk's
// final partial ([]byte, numeric.Partial's binary form; Partial.Result gives its
// elements); for a scalar result, Scalar holds the one merged value as a float64.
type Output struct {
	Partials beam.PCollection
	Scalar   beam.PCollection
}

// Evaluate evaluates src over chunks (ReadChunks of specs). An expression that reduces
// before element-wise work takes more than one pass: each pass's partials are merged
// and go to the next pass as a side input. The merged result is bit-identical to
// numeric's evaluation of the whole arrays on the same backend.
func Evaluate(s beam.Scope, src string, opt Options, specs []ChunkSpec, chunks beam.PCollection) (Output, error) {
	return evaluate(s.Scope("numkit.Evaluate"), &evalFn{Src: src, Opt: opt}, specs, chunks)
}

// EvaluateMoments is Moments of Evaluate's element-wise result, with the last pass and
// the moments in one DoFn: the chunk's result goes straight to numeric.ChunkMoments
// without being encoded. It returns a PCollection of one numeric.MomentStats.
func EvaluateMoments(s beam.Scope, src string, opt Options, specs []ChunkSpec, chunks beam.PCollection, skipNaN bool) (beam.PCollection, error) {
	s = s.Scope("numkit.EvaluateMoments")
	out, err := evaluate(s, &evalFn{Src: src, Opt: opt, Moments: true, SkipNaN: skipNaN}, specs, chunks)
	if err != nil {
		return beam.PCollection{}, err
	}
	if !out.Partials.IsValid() {
		return beam.PCollection{}, fmt.Errorf("numkit/beam: %q gives a scalar: its moments are not defined", src)
	}
	return beam.ParDo(s, mergeMoments, beam.Combine(s, &gatherFn{}, out.Partials)), nil
}

// evaluate runs the passes of last.Src; the last pass runs last (earlier passes a
// plain evalFn).
func evaluate(s beam.Scope, last *evalFn, specs []ChunkSpec, chunks beam.PCollection) (Output, error) {
	src, opt := last.Src, last.Opt
	passes, scalar, err := passCount(src, opt, specs)
	if err != nil {
		return Output{}, err
	}
	var carry *beam.PCollection
	for k := range passes {
		fn := &evalFn{Src: src, Opt: opt}
		if k == passes-1 && !scalar {
			fn = last
		}
		parts := evalPass(s, fn, chunks, carry)
		if k == passes-1 && !scalar {
			return Output{Partials: parts}, nil
		}
		gathered := beam.Combine(s, &gatherFn{}, parts)
		if k == passes-1 {
			return Output{Scalar: beam.ParDo(s, mergeScalar, gathered)}, nil
		}
		c := beam.ParDo(s, mergeCarry, gathered)
		carry = &c
	}
	return Output{}, fmt.Errorf("numkit/beam: %q has no pass", src)
}

// evalPass runs fn over chunks, with the previous pass's carry as a side input.
func evalPass(s beam.Scope, fn *evalFn, chunks beam.PCollection, carry *beam.PCollection) beam.PCollection {
	if carry == nil {
		return beam.ParDo(s, fn, chunks)
	}
	return beam.ParDo(s, &evalCarryFn{Fn: fn}, chunks, beam.SideInput{Input: *carry})
}

// passCount compiles src for the planned input types and says how many passes it
// takes and whether its result is a scalar.
func passCount(src string, opt Options, specs []ChunkSpec) (int, bool, error) {
	if len(specs) == 0 {
		return 0, false, fmt.Errorf("numkit/beam: %q: no chunks", src)
	}
	e, err := numeric.Compile(src, opt.numeric()...)
	if err != nil {
		return 0, false, err
	}
	// One zero of each input's type: enough to type the program and see its result's
	// shape (zero elements would make min and max fail).
	one := Chunk{Names: specs[0].Names, Types: specs[0].Types}
	for _, t := range one.Types {
		one.Columns = append(one.Columns, make([]byte, elemSize[t]))
	}
	vars, err := one.Vars()
	if err != nil {
		return 0, false, err
	}
	n, err := e.Passes(vars)
	if err != nil {
		return 0, false, err
	}
	r, err := e.Eval(context.Background(), vars)
	if err != nil {
		return 0, false, fmt.Errorf("numkit/beam: %q on one element of each input: %w", src, err)
	}
	return n, r.Scalar, nil
}

// evalFn evaluates one pass of an expression over a chunk and emits the partial, or
// with Moments the numeric.MomentsPartial of its element-wise result.
type evalFn struct {
	Src     string
	Opt     Options
	Moments bool
	SkipNaN bool

	expr *numeric.Expr
}

func (fn *evalFn) Setup() error {
	var err error
	fn.expr, err = compiled(fn.Src, fn.Opt)
	return err
}

func (fn *evalFn) ProcessElement(ctx context.Context, c Chunk) ([]byte, error) {
	return fn.partial(ctx, c, nil)
}

func (fn *evalFn) partial(ctx context.Context, c Chunk, carry *numeric.Carry) ([]byte, error) {
	vars, err := c.Vars()
	if err != nil {
		return nil, err
	}
	p, err := fn.expr.EvalPartial(ctx, c.NumericChunk(), vars, carry)
	if err != nil {
		return nil, fmt.Errorf("numkit/beam: chunk %d: %w", c.Index, err)
	}
	if fn.Moments {
		r, ok := p.Result()
		if !ok {
			return nil, fmt.Errorf("numkit/beam: chunk %d: moments of a pass that is not the element-wise result", c.Index)
		}
		return chunkMoments(r, p.Chunk(), fn.SkipNaN)
	}
	return p.MarshalBinary()
}

// evalCarryFn is evalFn for a later pass: the merged carry comes as a side input.
type evalCarryFn struct {
	Fn *evalFn
}

func (fn *evalCarryFn) Setup() error { return fn.Fn.Setup() }

func (fn *evalCarryFn) ProcessElement(ctx context.Context, c Chunk, carryIter func(*[]byte) bool) ([]byte, error) {
	var raw []byte
	if !carryIter(&raw) {
		return nil, fmt.Errorf("numkit/beam: chunk %d: no carry from the previous pass", c.Index)
	}
	carry := new(numeric.Carry)
	if err := carry.UnmarshalBinary(raw); err != nil {
		return nil, err
	}
	return fn.Fn.partial(ctx, c, carry)
}

// gatherFn collects every partial of a pass: their merge needs all of them, in chunk
// order, to fold the blocks in the one fixed tree.
type gatherFn struct{}

type gathered struct{ Parts [][]byte }

func (fn *gatherFn) CreateAccumulator() gathered { return gathered{} }

func (fn *gatherFn) AddInput(a gathered, p []byte) gathered {
	a.Parts = append(a.Parts, p)
	return a
}

func (fn *gatherFn) MergeAccumulators(a, b gathered) gathered {
	a.Parts = append(a.Parts, b.Parts...)
	return a
}

func (fn *gatherFn) ExtractOutput(a gathered) [][]byte { return a.Parts }

// mergeAll decodes and merges one pass's partials.
func mergeAll(ctx context.Context, raws [][]byte) (numeric.Merged, error) {
	parts := make([]*numeric.Partial, len(raws))
	for i, raw := range raws {
		parts[i] = new(numeric.Partial)
		if err := parts[i].UnmarshalBinary(raw); err != nil {
			return numeric.Merged{}, err
		}
	}
	return numeric.Merge(ctx, parts)
}

func mergeCarry(ctx context.Context, raws [][]byte) ([]byte, error) {
	m, err := mergeAll(ctx, raws)
	if err != nil {
		return nil, err
	}
	if m.Next == nil {
		return nil, fmt.Errorf("numkit/beam: the pass ended the evaluation, another was planned")
	}
	return m.Next.MarshalBinary()
}

func mergeScalar(ctx context.Context, raws [][]byte) (float64, error) {
	m, err := mergeAll(ctx, raws)
	if err != nil {
		return 0, err
	}
	if m.Result == nil {
		return 0, fmt.Errorf("numkit/beam: the evaluation needs another pass, none was planned")
	}
	v, _ := m.Result.Float64()
	return v, nil
}

func init() {
	beam.RegisterType(reflect.TypeOf((*evalFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*evalCarryFn)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf(gathered{}))
	register.DoFn2x2[context.Context, Chunk, []byte, error](&evalFn{})
	register.DoFn3x2[context.Context, Chunk, func(*[]byte) bool, []byte, error](&evalCarryFn{})
	register.Iter1[[]byte]()
	register.Combiner3[gathered, []byte, [][]byte](&gatherFn{})
	register.Function2x2(mergeCarry)
	register.Function2x2(mergeScalar)
}
