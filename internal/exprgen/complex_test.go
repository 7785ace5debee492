package exprgen_test

import (
	"context"
	"math"
	"math/cmplx"
	"reflect"
	"strings"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
	"github.com/numkit/numkit/numeric"
)

var complexConfig = exprgen.Config{Complex: true, Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true}

// The complex configuration makes, deterministically, expressions that compile and
// evaluate with the type the generator recorded, whose inputs have the recorded types
// and special parts, and that over a few hundred seeds use every construct it has.
func TestGenerateComplex(t *testing.T) {
	seen := map[string]bool{}
	specials := 0
	for seed := range uint64(300) {
		e, err := exprgen.Generate(seed, complexConfig)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := exprgen.Generate(seed, complexConfig)
		if e.String() != again.String() || !reflect.DeepEqual(e.Inputs, again.Inputs) {
			t.Fatalf("seed %d: %q then %q", seed, e, again)
		}
		vals := e.Values(seed, 40)
		for _, in := range e.Inputs {
			want := map[exprgen.Type]any{exprgen.Complex128: []complex128{}, exprgen.Complex64: []complex64{},
				exprgen.Float64: []float64{}, exprgen.Float32: []float32{}}[in.Type]
			got := reflect.TypeOf(vals[in.Name])
			if in.Scalar {
				got = reflect.SliceOf(got)
			}
			if got != reflect.TypeOf(want) {
				t.Fatalf("seed %d: input %s of type %v has values %T", seed, in.Name, in.Type, vals[in.Name])
			}
			if z, ok := vals[in.Name].([]complex128); ok {
				for _, v := range z {
					if cmplx.IsNaN(v) || cmplx.IsInf(v) || real(v) == 0 && math.Signbit(real(v)) {
						specials++
					}
				}
			}
		}
		src := e.String()
		r, err := numeric.MustCompile(src, numeric.WithBackend(numeric.BackendGonum)).Eval(context.Background(), numeric.Vars(vals))
		if err != nil {
			if strings.Contains(err.Error(), "(Python raises") { // a constant CPython rejects (1e200j ** 2)
				continue
			}
			t.Fatalf("seed %d: %s: %v", seed, src, err)
		}
		if r.Type.String() != e.Root.Type.String() || r.Scalar == e.Root.Array {
			t.Fatalf("seed %d: %s: %s (scalar %v), generator %s (array %v)", seed, src, r.Type, r.Scalar, e.Root.Type, e.Root.Array)
		}
		for _, k := range []string{"1j", "complex(", "conj(", "real(", "imag(", "abs(", " ** ", "sum(", "prod(", "mean(", "where(", " == ", "exp(", "arctanh(", "log1p(", " / "} {
			seen[k] = seen[k] || strings.Contains(src, k)
		}
		for _, in := range e.Inputs {
			seen[in.Type.String()] = true
		}
	}
	for _, k := range []string{"1j", "complex(", "conj(", "real(", "imag(", "abs(", " ** ", "sum(", "prod(", "mean(", "where(", " == ", "exp(", "arctanh(", "log1p(", " / ", "complex64", "complex128", "float32", "float64"} {
		if !seen[k] {
			t.Errorf("no expression over 300 seeds has %q", k)
		}
	}
	if specials == 0 {
		t.Error("no complex128 input has a NaN, infinite or -0 real part")
	}
}

// The float evaluator refuses complex inputs with an error naming the input.
func TestEvaluatorRefusesComplex(t *testing.T) {
	e, _ := exprgen.Generate(1, complexConfig)
	_, err := exprgen.NewEvaluator(e.Root, e.Values(1, 8), 8)
	if err == nil || !strings.Contains(err.Error(), "exprgen: ") {
		t.Errorf("NewEvaluator of %s: %v", e, err)
	}
}

// ComplexPow adds x ** w of two non-constant complex expressions (that Complex alone
// makes what it did, TestDifferentialComplexRegressions's recorded strings check).
func TestGenerateComplexPow(t *testing.T) {
	cfg := complexConfig
	cfg.ComplexPow = true
	general := 0
	for seed := range uint64(200) {
		e, err := exprgen.Generate(seed, cfg)
		if err != nil {
			t.Fatal(err)
		}
		e.Root.Walk(func(nd *exprgen.Node) {
			if nd.Kind != exprgen.Binary || nd.Op != "**" || !nd.Args[1].Type.IsComplex() {
				return
			}
			general++
			for _, a := range nd.Args {
				if a.Konst {
					t.Errorf("seed %d: %s has a constant operand %s", seed, nd, a)
				}
			}
		})
		src := e.String()
		if _, err := numeric.MustCompile(src, numeric.WithBackend(numeric.BackendGonum)).Eval(context.Background(), numeric.Vars(e.Values(seed, 16))); err != nil &&
			!strings.Contains(err.Error(), "(Python raises") {
			t.Fatalf("seed %d: %s: %v", seed, src, err)
		}
	}
	if general < 20 {
		t.Errorf("ComplexPow made %d general powers over 200 seeds", general)
	}
}
