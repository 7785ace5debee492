package numeric

import (
	"context"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/numkit/numkit/asm"
)

// exactFMA is x*y + z rounded once, to float64 or (f32) float32.
func exactFMA(x, y, z float64, f32 bool) float64 {
	p := new(big.Float).SetPrec(400).SetFloat64(x)
	p.Mul(p, new(big.Float).SetPrec(400).SetFloat64(y))
	p.Add(p, new(big.Float).SetPrec(400).SetFloat64(z))
	if f32 {
		v, _ := p.Float32()
		return float64(v)
	}
	v, _ := p.Float64()
	return v
}

// TestAccuracyFastFusesMultiplyAdds: in the fast mode the SIMD backend computes
// x*y + z, x*s ± y and x*s ± t with one rounding (the exact value correctly rounded),
// in float64 and float32, in cache and streaming; the default mode keeps the two
// roundings as written.
func TestAccuracyFastFusesMultiplyAdds(t *testing.T) {
	if err := cpuUsable(BackendSIMD); err != nil {
		t.Skipf("no SIMD backend here: %v", err)
	}
	const n = 5000
	rng := rand.New(rand.NewPCG(11, 12))
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], b[i], c[i] = rng.Float64()*4-2, rng.Float64()*4-2, rng.Float64()*4-2
	}
	a32, b32, c32 := make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range a {
		a32[i], b32[i], c32[i] = float32(a[i]), float32(b[i]), float32(c[i])
	}
	cases := []struct {
		src     string
		x, y, z func(i int, v [3][]float64) float64
	}{
		{"a*b + c", func(i int, v [3][]float64) float64 { return v[0][i] }, func(i int, v [3][]float64) float64 { return v[1][i] }, func(i int, v [3][]float64) float64 { return v[2][i] }},
		{"c + a*2.5", func(i int, v [3][]float64) float64 { return v[0][i] }, func(int, [3][]float64) float64 { return 2.5 }, func(i int, v [3][]float64) float64 { return v[2][i] }},
		{"c - a*2.5", func(i int, v [3][]float64) float64 { return v[0][i] }, func(int, [3][]float64) float64 { return -2.5 }, func(i int, v [3][]float64) float64 { return v[2][i] }},
		{"a*0.3 + 1.7", func(i int, v [3][]float64) float64 { return v[0][i] }, func(int, [3][]float64) float64 { return 0.3 }, func(int, [3][]float64) float64 { return 1.7 }},
		{"a*0.3 - 1.7", func(i int, v [3][]float64) float64 { return v[0][i] }, func(int, [3][]float64) float64 { return 0.3 }, func(int, [3][]float64) float64 { return -1.7 }},
	}
	for _, f32 := range []bool{false, true} {
		vars, v := Vars{"a": a, "b": b, "c": c}, [3][]float64{a, b, c}
		if f32 {
			vars = Vars{"a": a32, "b": b32, "c": c32}
			for k, s := range [][]float32{a32, b32, c32} {
				v[k] = make([]float64, n)
				for i := range s {
					v[k][i] = float64(s[i])
				}
			}
		}
		for _, tc := range cases {
			for _, stream := range []bool{false, true} {
				opts := []Option{WithBackend(BackendSIMD), WithAccuracy("fast"), WithFloat32Constants()}
				if stream {
					opts = append(opts, withFuseMin(-1))
				}
				fast := evalFloats(t, MustCompile(tc.src, opts...), vars)
				def := evalFloats(t, MustCompile(tc.src, WithBackend(BackendSIMD), WithFloat32Constants()), vars)
				differ := 0
				for i := range fast {
					y := tc.y(i, v)
					if f32 {
						y = float64(float32(y))
					}
					want := exactFMA(tc.x(i, v), y, tc.z(i, v), f32)
					if f32 {
						want = exactFMA(tc.x(i, v), y, float64(float32(tc.z(i, v))), true)
					}
					if fast[i] != want {
						t.Fatalf("%s float32=%v stream=%v element %d: fast %v, want the correctly rounded %v", tc.src, f32, stream, i, fast[i], want)
					}
					if def[i] != fast[i] {
						differ++
					}
				}
				if differ == 0 {
					t.Errorf("%s float32=%v stream=%v: the fast and default modes agree on every element; the default mode's two roundings should differ somewhere", tc.src, f32, stream)
				}
			}
		}
	}
}

func evalFloats(t *testing.T, e *Expr, vars Vars) []float64 {
	t.Helper()
	r, err := e.Eval(context.Background(), vars)
	if err != nil {
		t.Fatal(err)
	}
	switch d := r.Data.(type) {
	case []float64:
		return d
	case []float32:
		out := make([]float64, len(d))
		for i, x := range d {
			out[i] = float64(x)
		}
		return out
	}
	t.Fatalf("result %T", r.Data)
	return nil
}

func TestWithAccuracyRejectsUnknownModes(t *testing.T) {
	_, err := Compile("a+b", WithAccuracy("fastest"))
	if err == nil || !strings.Contains(err.Error(), `WithAccuracy("fastest")`) || !strings.Contains(err.Error(), "default, fast") {
		t.Fatalf("Compile with WithAccuracy(\"fastest\"): %v", err)
	}
	if _, err := Compile("a+b", WithAccuracy("default")); err != nil {
		t.Fatal(err)
	}
}

// TestAccuracyFastMath: in the fast mode the SIMD backend runs exp, sin and cos
// (float64 and float32) and log (float32) with asm's fast kernels, float64 log with
// the default one, in cache and streaming, alone and inside a larger expression; the
// default mode runs the default kernels; fast and default differ somewhere.
func TestAccuracyFastMath(t *testing.T) {
	if err := cpuUsable(BackendSIMD); err != nil {
		t.Skipf("no SIMD backend here: %v", err)
	}
	const n = 3000
	rng := rand.New(rand.NewPCG(21, 22))
	a, a32 := make([]float64, n), make([]float32, n)
	for i := range a {
		a[i] = rng.Float64()*60 - 30
		a32[i] = float32(a[i])
	}
	type kernels struct {
		f64 func(dst, x []float64)
		f32 func(dst, x []float32)
	}
	for _, fn := range []struct {
		name      string
		fast, def kernels
	}{
		{"exp", kernels{asm.ExpFastF64, asm.ExpFastF32}, kernels{asm.ExpF64, asm.ExpF32}},
		{"log", kernels{asm.LogF64, asm.LogFastF32}, kernels{asm.LogF64, asm.LogF32}},
		{"sin", kernels{asm.SinFastF64, asm.SinFastF32}, kernels{asm.SinF64, asm.SinF32}},
		{"cos", kernels{asm.CosFastF64, asm.CosFastF32}, kernels{asm.CosF64, asm.CosF32}},
	} {
		want := map[string][]float64{}
		for mode, k := range map[string]kernels{"fast": fn.fast, "default": fn.def} {
			e64, e32 := make([]float64, n), make([]float32, n)
			k.f64(e64, a)
			k.f32(e32, a32)
			want[mode+"64"] = e64
			w32 := make([]float64, n)
			for i, v := range e32 {
				w32[i] = float64(v)
			}
			want[mode+"32"] = w32
		}
		differ := 0
		for i := range a {
			if want["fast64"][i] != want["default64"][i] || want["fast32"][i] != want["default32"][i] {
				differ++
			}
		}
		if differ == 0 {
			t.Fatalf("asm's fast and default %s agree on every input; the test cannot tell them apart", fn.name)
		}
		for _, mode := range []string{"fast", "default"} {
			for _, f32 := range []bool{false, true} {
				vars, key := Vars{"a": a}, mode+"64"
				if f32 {
					vars, key = Vars{"a": a32}, mode+"32"
				}
				for _, stream := range []bool{false, true} {
					opts := []Option{WithBackend(BackendSIMD), WithAccuracy(mode)}
					if stream {
						opts = append(opts, withFuseMin(-1))
					}
					got := evalFloats(t, MustCompile(fn.name+"(a)", opts...), vars)
					sum := evalFloats(t, MustCompile(fn.name+"(a) + a", opts...), vars)
					for i := range got {
						w := want[key][i]
						ws := w + a[i]
						if f32 {
							ws = float64(float32(w) + a32[i])
						}
						if !sameFloat(got[i], w) || !sameFloat(sum[i], ws) {
							t.Fatalf("%s float32=%v stream=%v: %s(%v) = %v, %s(a)+a = %v; want %v and %v (asm's %s kernel)",
								mode, f32, stream, fn.name, a[i], got[i], fn.name, sum[i], w, ws, mode)
						}
					}
				}
			}
		}
	}
}

// sameFloat reports x == y, or both NaN.
func sameFloat(x, y float64) bool { return x == y || x != x && y != y }

// TestExplainSaysFastAccuracy: Explain names the fast mode and what it changes, and
// says nothing of it in the default mode.
func TestExplainSaysFastAccuracy(t *testing.T) {
	vars := Vars{"a": make([]float64, 100)}
	for mode, want := range map[string]bool{"fast": true, "default": false} {
		text, err := MustCompile("exp(a)", WithAccuracy(mode)).Explain(vars)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(text, "accuracy: fast: on the simd backend exp, sin, cos"); got != want {
			t.Errorf("WithAccuracy(%q): Explain mentions the fast mode: %v, want %v\n%s", mode, got, want, text)
		}
	}
}
