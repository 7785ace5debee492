package numeric

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPartialOpenCLOwnBits checks chunked evaluation on the opencl backend against the
// opencl backend's own whole-array evaluation, with expressions whose device built-ins
// give other bits than the CPU's (so a merge that fell back to the CPU, or compared
// with it, would fail), over chunk counts that do not divide the length, cut at blocks
// (ChunkOf) and anywhere.
func TestPartialOpenCLOwnBits(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(23, 7))
	n := 7*4096 + 333
	vars := partialTestVars(n, rng)
	differ := 0
	for _, src := range []string{"sin(b)*a", "mean(tan(b))", "kurt(exp(-b) * a)", "sum(a**1.5)", "std(log(b))", "tan(b) - mean(tan(b))"} {
		e := MustCompile(src, WithBackend(BackendOpenCL))
		want, err := e.Eval(ctx, vars)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		cpu, err := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, vars)
		if err != nil {
			t.Fatal(err)
		}
		if !sameResultBits(want, cpu) {
			differ++
		}
		for _, k := range []int{1, 3, 7, 9} {
			blockCuts := []int{0}
			for i := range k {
				c, err := ChunkOf(i, k, n)
				if err != nil {
					t.Fatal(err)
				}
				blockCuts = append(blockCuts, c.Offset+c.Len)
			}
			for _, cuts := range [][]int{blockCuts, cutsFor(rng, n, k)} {
				got, err := evalChunked(t, e, vars, cuts, rng)
				if err != nil {
					t.Fatalf("%q cuts %v: %v", src, cuts, err)
				}
				if !sameResultBits(got, want) {
					t.Errorf("%q cuts %v: chunked %v, whole %v", src, cuts, brief(got), brief(want))
				}
			}
		}
	}
	if differ == 0 {
		t.Logf("this device gives the CPU's bits for every expression here: the test does not tell the backends apart on it")
	}
}

// TestPartialAutoRunsOnCPU checks that under auto partials run on the CPU backend, and
// with WithBackend("opencl") on the device.
func TestPartialAutoRunsOnCPU(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	a := []float64{1, 2, 3, 4}
	c := Chunk{Count: 1, Len: 4, Total: 4}
	for _, tc := range []struct {
		opts []Option
		want []string
	}{
		{[]Option{WithBackend(BackendAuto)}, []string{BackendGonum, BackendSIMD}},
		{[]Option{WithBackend(BackendOpenCL)}, []string{BackendOpenCL}},
	} {
		p, err := MustCompile("sum(a)", tc.opts...).EvalPartial(ctx, c, Vars{"a": a}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !contains(strings.Join(tc.want, " "), p.Backend()) || p.Backend() == "" {
			t.Errorf("%v: the partial was made on %q, want one of %v", tc.opts, p.Backend(), tc.want)
		}
	}
}

// TestPartialBackendMix checks that partials of different backends do not merge (their
// bits may differ), also after a round trip through the codec, that a corrupted opencl
// partial is rejected, and that a Carry of one backend is refused by another.
func TestPartialBackendMix(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(8, 9))
	n := 3*4096 + 5
	vars := partialTestVars(n, rng)
	part := func(backend, src string, k int, carry *Carry) *Partial {
		c, err := ChunkOf(k, 3, n)
		if err != nil {
			t.Fatal(err)
		}
		p, err := MustCompile(src, WithBackend(backend)).EvalPartial(ctx, c, sliceVars(vars, c.Offset, c.Offset+c.Len), carry)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q Partial
		if err := q.UnmarshalBinary(raw); err != nil {
			t.Fatal(err)
		}
		return &q
	}
	src := "sum(sin(b)*a)"
	p0, p1, p2 := part(BackendOpenCL, src, 0, nil), part(BackendGonum, src, 1, nil), part(BackendOpenCL, src, 2, nil)
	_, err := Merge(ctx, []*Partial{p0, p1, p2})
	if !errors.Is(err, ErrPartial) || !contains(err.Error(), "on gonum") || !contains(err.Error(), "on opencl") {
		t.Errorf("merging opencl and gonum partials: %v, want ErrPartial naming both backends", err)
	}
	if _, err := Merge(ctx, []*Partial{p2, p0, part(BackendOpenCL, src, 1, nil)}); err != nil {
		t.Errorf("the opencl partials alone: %v", err)
	}
	// Partials made on another OpenCL device (its built-ins may round otherwise).
	other := *p2
	other.head.device = `OpenCL device "elsewhere" (another platform)`
	if _, err := Merge(ctx, []*Partial{p0, part(BackendOpenCL, src, 1, nil), &other}); !errors.Is(err, ErrPartial) || !contains(err.Error(), "elsewhere") {
		t.Errorf("merging partials of two devices: %v, want ErrPartial naming the other device", err)
	}
	far := []*Partial{p0, part(BackendOpenCL, src, 1, nil), p2}
	for i, p := range far {
		q := *p
		q.head.device = other.head.device
		far[i] = &q
	}
	if _, err := Merge(ctx, far); !errors.Is(err, ErrPartial) || !contains(err.Error(), "this process merges on") {
		t.Errorf("merging another device's partials here: %v, want ErrPartial saying where they were made", err)
	}
	raw, err := p0.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Partial
	if err := back.UnmarshalBinary(raw); err != nil || back.head.device == "" || back.head.device != p0.head.device {
		t.Errorf("the device does not survive the codec: %v, %q", err, back.head.device)
	}
	raw[len(raw)/3] ^= 1
	var q Partial
	if err := q.UnmarshalBinary(raw); !errors.Is(err, ErrPartial) || !contains(err.Error(), "checksum") {
		t.Errorf("a corrupted opencl partial: %v, want ErrPartial mentioning the checksum", err)
	}
	// A carry merged from opencl partials, handed to the gonum backend's next pass.
	src = "b - mean(b)"
	var parts []*Partial
	for k := range 3 {
		parts = append(parts, part(BackendOpenCL, src, k, nil))
	}
	m, err := Merge(ctx, parts)
	if err != nil || m.Next == nil {
		t.Fatalf("first pass of %q: %v, carry %v", src, err, m.Next)
	}
	c, _ := ChunkOf(0, 3, n)
	_, err = MustCompile(src, WithBackend(BackendGonum)).EvalPartial(ctx, c, sliceVars(vars, c.Offset, c.Offset+c.Len), m.Next)
	if !errors.Is(err, ErrPartial) || !contains(err.Error(), "opencl") {
		t.Errorf("an opencl carry on the gonum backend: %v, want ErrPartial naming opencl", err)
	}
}

// TestPartialDeviceArrayRefused checks that a *DeviceArray input is refused with an
// error naming it, on the opencl backend as on the CPU ones.
func TestPartialDeviceArrayRefused(t *testing.T) {
	requireOpenCL(t)
	d, err := Upload([]float64{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Release()
	for _, backend := range []string{BackendOpenCL, BackendGonum} {
		_, err := MustCompile("sum(a)", WithBackend(backend)).EvalPartial(context.Background(), Chunk{Count: 1, Len: 3, Total: 3}, Vars{"a": d}, nil)
		if !errors.Is(err, ErrType) || !contains(err.Error(), "variable a is a *DeviceArray") {
			t.Errorf("%s: a device array in a partial: %v, want ErrType naming variable a", backend, err)
		}
	}
}
