// Command pricing prices European call options with numkit on Apache Beam: a
// Black–Scholes formula (the normal CDF in its logistic approximation) over spot and
// strike arrays stored as chunk files, then the moments of the prices, bit-identical
// to numkit computing them in one process.
//
//	go run ./example/pricing                         # 10^6 options in 100 chunks, on prism
//	go run ./example/pricing --n 100000000 --dir /data/pricing
//	go run ./example/pricing --runner flink --endpoint localhost:8099 --dir ...
//
// With an empty or missing --dir it first writes the inputs there (S-NNN.npy and
// K-NNN.npy; --whole also writes S.npy and K.npy for `numkit stats`).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	nkbeam "github.com/numkit/numkit/beam"
	"github.com/numkit/numkit/numeric"
	"github.com/numkit/numkit/numeric/npy"
)

// Formula is the call price for spot S and strike K,
//
//	S·e^(-qT)·N(d1) - K·e^(-rT)·N(d2),  d1,2 = (log(S/K) + (r - q ± v²/2)T) / (v√T),
//
// with N(x) ≈ 1/(1+exp(-1.702x)), maturity T = 1.5 years, volatility v = 0.2, rate
// r = 0.03 and dividend yield q = 0.01 written in as constants (folded at compile).
const Formula = "S*exp(-0.01*1.5)/(1 + exp(-1.702*((log(S/K) + (0.03 - 0.01 + 0.5*0.2*0.2)*1.5)/(0.2*sqrt(1.5)))))" +
	" - K*exp(-0.03*1.5)/(1 + exp(-1.702*((log(S/K) + (0.03 - 0.01 - 0.5*0.2*0.2)*1.5)/(0.2*sqrt(1.5)))))"

var (
	n       = flag.Int("n", 1_000_000, "options to price")
	chunks  = flag.Int("chunks", 100, "chunk files per input")
	dir     = flag.String("dir", "", "where the chunk files are (written first when empty; default: a temporary directory)")
	whole   = flag.Bool("whole", false, "also write S.npy and K.npy, the whole arrays, for numkit stats")
	backend = flag.String("backend", "", "numkit backend on the workers: gonum or simd (default auto's CPU backend)")
	check   = flag.Bool("check", false, "also compute the moments in this process with numkit and compare the bits")
)

func main() {
	flag.Parse()
	beam.Init()
	ctx := context.Background()
	if err := run(ctx); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) error {
	if *dir == "" {
		d, err := os.MkdirTemp("", "numkit-pricing-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	if matches, _ := filepath.Glob(filepath.Join(*dir, "S-*.npy")); len(matches) == 0 {
		start := time.Now()
		if err := generate(*dir, *n, *chunks, *whole); err != nil {
			return err
		}
		log.Printf("wrote %d options in %d chunks to %s in %v", *n, *chunks, *dir, time.Since(start).Round(time.Millisecond))
	}
	specs, err := nkbeam.Plan(ctx, inputs(*dir))
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	moments, err := nkbeam.EvaluateMoments(s, Formula, nkbeam.Options{Backend: *backend}, specs, nkbeam.ReadChunks(s, specs), false)
	if err != nil {
		return err
	}
	file := ""
	if *check {
		file = filepath.Join(*dir, "moments.txt")
	}
	beam.ParDo0(s, &reportFn{File: file}, moments)
	start := time.Now()
	if err := beamx.Run(ctx, p); err != nil {
		return err
	}
	el := time.Since(start)
	total := specs[0].Total
	fmt.Printf("priced %d options in %d chunks in %v: %.1f Melem/s\n", total, len(specs), el.Round(time.Millisecond), float64(total)/el.Seconds()/1e6)
	if *check {
		return checkLocal(ctx, *dir, file)
	}
	return nil
}

// reportFn prints the moments and, with a file name, writes their bits there (for
// --check, on a runner whose workers share this machine's disk).
type reportFn struct{ File string }

func (fn *reportFn) ProcessElement(s numeric.MomentStats) error {
	fmt.Printf("price moments: %v\n", s)
	if fn.File == "" {
		return nil
	}
	return os.WriteFile(fn.File, []byte(statsBits(s)), 0o644)
}

func statsBits(s numeric.MomentStats) string {
	return fmt.Sprintf("%d %x %x %x %x %x %x", s.Count, math.Float64bits(s.Mean), math.Float64bits(s.Var),
		math.Float64bits(s.Skew), math.Float64bits(s.Kurt), math.Float64bits(s.Min), math.Float64bits(s.Max))
}

func init() {
	register.DoFn1x1[numeric.MomentStats, error](&reportFn{})
}

// checkLocal computes the moments in this process with numkit over the whole arrays
// and compares their bits with what the pipeline wrote.
func checkLocal(ctx context.Context, dir, file string) error {
	specs, err := nkbeam.Plan(ctx, inputs(dir))
	if err != nil {
		return err
	}
	var S, K []float64
	for _, sp := range specs {
		c, err := sp.Read(ctx)
		if err != nil {
			return err
		}
		vars, err := c.Vars()
		if err != nil {
			return err
		}
		S, K = append(S, vars["S"].([]float64)...), append(K, vars["K"].([]float64)...)
	}
	start := time.Now()
	e, err := numeric.Compile(Formula, backendOpts()...)
	if err != nil {
		return err
	}
	res, err := e.Eval(ctx, numeric.Vars{"S": S, "K": K})
	if err != nil {
		return err
	}
	want := statsBits(numeric.Moments(res.Float64s()))
	el := time.Since(start)
	got, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if string(got) != want {
		return fmt.Errorf("the pipeline's moments %s differ from numkit's in one process %s", got, want)
	}
	fmt.Printf("check: bit-identical to numkit in one process (formula and moments in %v, %.1f Melem/s, reading excluded)\n", el.Round(time.Millisecond), float64(len(S))/el.Seconds()/1e6)
	return nil
}

func inputs(dir string) []nkbeam.Input {
	return []nkbeam.Input{
		{Name: "S", Glob: filepath.Join(dir, "S-*.npy")},
		{Name: "K", Glob: filepath.Join(dir, "K-*.npy")},
	}
}

func backendOpts() []numeric.Option {
	if *backend == "" {
		return nil
	}
	return []numeric.Option{numeric.WithBackend(*backend)}
}

// generate writes count options in chunk files: spot around 100, strike 80 to 120.
func generate(dir string, count, nchunks int, whole bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(2026, 17))
	var allS, allK []float64
	for c := range nchunks {
		lo, hi := count*c/nchunks, count*(c+1)/nchunks
		S, K := make([]float64, hi-lo), make([]float64, hi-lo)
		for i := range S {
			S[i] = 100 * (1 + 0.2*rng.NormFloat64()/4)
			K[i] = 80 + 40*rng.Float64()
		}
		if err := writeNpy(filepath.Join(dir, fmt.Sprintf("S-%05d.npy", c)), S); err != nil {
			return err
		}
		if err := writeNpy(filepath.Join(dir, fmt.Sprintf("K-%05d.npy", c)), K); err != nil {
			return err
		}
		if whole {
			allS, allK = append(allS, S...), append(allK, K...)
		}
	}
	if whole {
		if err := writeNpy(filepath.Join(dir, "S.npy"), allS); err != nil {
			return err
		}
		return writeNpy(filepath.Join(dir, "K.npy"), allK)
	}
	return nil
}

func writeNpy(path string, v []float64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := npy.Write(w, npy.Array{Shape: []int{len(v)}, Data: v}); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
