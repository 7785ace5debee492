package beam

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/numkit/numkit/numeric"
	"github.com/numkit/numkit/numeric/npy"
	"github.com/numkit/numkit/numeric/sketch"
)

func TestMain(m *testing.M) { ptest.Main(m) }

func floatBits(v float64) string { return fmt.Sprintf("%016x", math.Float64bits(v)) }

func statsBits(s numeric.MomentStats) string {
	return fmt.Sprintf("%d %d %s %s %s %s %s %s", s.Count, s.NaNs, floatBits(s.Mean), floatBits(s.Var), floatBits(s.Skew), floatBits(s.Kurt), floatBits(s.Min), floatBits(s.Max))
}

func init() {
	register.Function1x1(floatBits)
	register.Function1x1(statsBits)
}

// runPipeline runs p on prism (or --runner) and fails the test if it does not finish
// within the timeout: a hung runner must not hang the test binary.
func runPipeline(t *testing.T, p *beam.Pipeline) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := beam.Run(ctx, runnerName(), p)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatalf("the pipeline did not finish in time: %v", ctx.Err())
	}
}

func runnerName() string {
	if r := ptest.DefaultRunner(); r != "" {
		return r
	}
	return "prism"
}

var _ = prism.Execute // prism is the default runner: link it in

// testData writes a and b (float64, float32) as .npy chunk files of the given sizes
// and returns the whole arrays and the inputs.
func testData(t *testing.T, sizes []int) (numeric.Vars, []Input) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 8))
	var a []float64
	var b []float32
	for i, n := range sizes {
		ca, cb := make([]float64, n), make([]float32, n)
		for j := range ca {
			ca[j], cb[j] = 100+rng.NormFloat64(), float32(rng.ExpFloat64())
		}
		a, b = append(a, ca...), append(b, cb...)
		for name, v := range map[string]any{"a": ca, "b": cb} {
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%03d.npy", name, i)))
			if err != nil {
				t.Fatal(err)
			}
			if err := npy.Write(f, npy.Array{Shape: []int{n}, Data: v}); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
	return numeric.Vars{"a": a, "b": b}, []Input{{Name: "a", Glob: filepath.Join(dir, "a-*.npy")}, {Name: "b", Glob: filepath.Join(dir, "b-*.npy")}}
}

// chunkSizes: cuts inside blocks, a chunk smaller than a block, one empty.
var chunkSizes = []int{5000, 123, 0, 8192, 4096 * 3, 777}

// TestEvaluateScalarBitIdentical checks reductions and a two-pass reduction on prism
// against numeric over the whole arrays, bit for bit.
func TestEvaluateScalarBitIdentical(t *testing.T) {
	whole, inputs := testData(t, chunkSizes)
	specs, err := Plan(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	chunks := ReadChunks(s, specs)
	opt := Options{Backend: numeric.BackendGonum}
	for _, src := range []string{"sum(a*b)", "mean(a) + max(b)", "kurt(a)", "var(a - mean(a))", "prod(1 + b/1e3)"} {
		out, err := Evaluate(s, src, opt, specs, chunks)
		if err != nil {
			t.Fatal(err)
		}
		r, err := numeric.MustCompile(src, numeric.WithBackend(numeric.BackendGonum)).Eval(context.Background(), whole)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := r.Float64()
		passert.Equals(s, beam.ParDo(s, floatBits, out.Scalar), floatBits(want))
	}
	// An element-wise result after a min: its shape must not be mistaken for a scalar.
	moments, err := EvaluateMoments(s, "a - min(a)", opt, specs, chunks, false)
	if err != nil {
		t.Fatal(err)
	}
	r, err := numeric.MustCompile("a - min(a)", numeric.WithBackend(numeric.BackendGonum)).Eval(context.Background(), whole)
	if err != nil {
		t.Fatal(err)
	}
	passert.Equals(s, beam.ParDo(s, statsBits, moments), statsBits(numeric.Moments(r.Float64s())))
	runPipeline(t, p)
}

// TestEvaluateArrayMomentsCountMin checks an element-wise two-pass expression written
// to .npy files, its moments and its count-min sketch, against numeric in one process.
func TestEvaluateArrayMomentsCountMin(t *testing.T) {
	whole, inputs := testData(t, chunkSizes)
	specs, err := Plan(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	src := "(a - mean(a)) * b"
	e := numeric.MustCompile(src, numeric.WithBackend(numeric.BackendGonum))
	want, err := e.Eval(context.Background(), whole)
	if err != nil {
		t.Fatal(err)
	}
	cm, _ := sketch.NewSize(64, 3, sketch.WithSeed(5))
	cm.AddBatch(Keys(want))
	wantSketch, _ := cm.MarshalBinary()

	p, s := beam.NewPipelineWithRoot()
	out, err := Evaluate(s, src, Options{Backend: numeric.BackendGonum}, specs, ReadChunks(s, specs))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	WriteNpy(s, dir, out.Partials)
	passert.Equals(s, beam.ParDo(s, statsBits, Moments(s, out.Partials, false)), statsBits(numeric.Moments(want.Float64s())))
	passert.Equals(s, CountMin(s, out.Partials, 64, 3, 5), wantSketch)
	runPipeline(t, p)

	files, _ := filepath.Glob(filepath.Join(dir, "part-*.npy"))
	sort.Strings(files)
	if len(files) != len(chunkSizes) {
		t.Fatalf("%d files written, want %d", len(files), len(chunkSizes))
	}
	var got []float64
	for _, f := range files {
		a, err := npy.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		chunk, ok := a.Data.([]float64)
		if !ok || len(a.Shape) != 1 {
			t.Fatalf("%s: a %v array of %T, want 1-d float64", f, a.Shape, a.Data)
		}
		got = append(got, chunk...)
	}
	w := want.Float64s()
	if len(got) != len(w) {
		t.Fatalf("%d elements written, want %d", len(got), len(w))
	}
	for i := range w {
		if math.Float64bits(got[i]) != math.Float64bits(w[i]) {
			t.Fatalf("element %d: %v, want %v", i, got[i], w[i])
		}
	}
}

// TestPlanErrors checks that mismatched inputs are rejected at construction.
func TestPlanErrors(t *testing.T) {
	_, inputs := testData(t, []int{10, 20})
	_, other := testData(t, []int{10, 21})
	for _, tc := range []struct {
		name   string
		inputs []Input
	}{
		{"no files", []Input{{Name: "a", Glob: filepath.Join(t.TempDir(), "*.npy")}}},
		{"different lengths", []Input{inputs[0], {Name: "c", Glob: other[0].Glob}}},
		{"bad dtype", []Input{{Name: "a", Glob: inputs[0].Glob, DType: "complex"}}},
	} {
		if _, err := Plan(context.Background(), tc.inputs); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// TestChunkCoder round-trips a chunk through its coder and rejects corruption.
func TestChunkCoder(t *testing.T) {
	c := Chunk{Index: 2, Count: 5, Offset: 100, Total: 400, Names: []string{"a", "m"}, Types: []string{"float64", "bool"}, Columns: [][]byte{make([]byte, 80), {1, 0, 1}}}
	raw, err := encodeChunk(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeChunk(raw)
	if err != nil || got.Index != 2 || got.Total != 400 || got.Names[1] != "m" || len(got.Columns[0]) != 80 {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	raw[len(raw)/2] ^= 4
	if _, err := decodeChunk(raw); err == nil {
		t.Error("a corrupt chunk decoded")
	}
	if _, err := decodeChunk(raw[:3]); err == nil {
		t.Error("a truncated chunk decoded")
	}
}

// TestRawColumnsAndEvaluateMoments reads raw little-endian int32 columns and checks a
// two-pass expression's moments (EvaluateMoments) and a reduction against numeric.
func TestRawColumnsAndEvaluateMoments(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 3))
	var whole []int32
	for i, n := range []int{3000, 4096, 1, 9000} {
		col := make([]int32, n)
		raw := make([]byte, 0, 4*n)
		for j := range col {
			col[j] = int32(rng.IntN(1000) - 500)
			raw = binary.LittleEndian.AppendUint32(raw, uint32(col[j]))
		}
		whole = append(whole, col...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("i-%02d.bin", i)), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	specs, err := Plan(context.Background(), []Input{{Name: "i", Glob: filepath.Join(dir, "i-*.bin"), DType: "int32"}})
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Backend: numeric.BackendGonum}
	vars := numeric.Vars{"i": whole}
	p, s := beam.NewPipelineWithRoot()
	chunks := ReadChunks(s, specs)
	src := "(i - mean(i)) / 7"
	moments, err := EvaluateMoments(s, src, opt, specs, chunks, false)
	if err != nil {
		t.Fatal(err)
	}
	r, err := numeric.MustCompile(src, numeric.WithBackend(numeric.BackendGonum)).Eval(context.Background(), vars)
	if err != nil {
		t.Fatal(err)
	}
	passert.Equals(s, beam.ParDo(s, statsBits, moments), statsBits(numeric.Moments(r.Float64s())))
	out, err := Evaluate(s, "sum(i*i)", opt, specs, chunks)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := numeric.MustCompile("sum(i*i)", numeric.WithBackend(numeric.BackendGonum)).Eval(context.Background(), vars)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := sum.Float64()
	passert.Equals(s, beam.ParDo(s, floatBits, out.Scalar), floatBits(want))
	runPipeline(t, p)
}
