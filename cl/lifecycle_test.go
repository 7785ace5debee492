package cl

import (
	"bytes"
	"errors"
	"testing"
)

const scaleSource = `
__kernel void scale(__global float *x, const float factor, const uint n) {
	size_t i = get_global_id(0);
	if (i < n) x[i] *= factor;
}
__kernel void sum_local(__global const int *x, __global int *out, __local int *scratch) {
	size_t l = get_local_id(0);
	scratch[l] = x[get_global_id(0)];
	barrier(CLK_LOCAL_MEM_FENCE);
	if (l == 0) {
		int s = 0;
		for (size_t j = 0; j < get_local_size(0); j++) s += scratch[j];
		out[get_group_id(0)] = s;
	}
}
`

func TestProfilingAndAsyncTransfers(t *testing.T) {
	ctx, q, d := setup(t)
	prog, err := ctx.BuildProgram(scaleSource, "")
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Release()
	k, err := prog.CreateKernel("scale")
	if err != nil {
		t.Fatal(err)
	}
	defer k.Release()
	info, err := k.WorkGroupInfo(d)
	if err != nil {
		t.Fatal(err)
	}
	if info.WorkGroupSize < 1 || info.WorkGroupSize > d.MaxWorkGroupSize || info.PreferredMultiple < 1 {
		t.Errorf("implausible work-group info %+v (device max %d)", info, d.MaxWorkGroupSize)
	}
	t.Logf("work-group info %+v", info)

	const n = 1 << 16
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(i)
	}
	buf, err := ctx.CreateBuffer(MemReadWrite, 4*n)
	if err != nil {
		t.Fatal(err)
	}
	defer buf.Release()
	write, err := EnqueueWriteBuffer(q, buf, 0, x)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.SetArgBuffer(0, buf); err != nil {
		t.Fatal(err)
	}
	if err := k.SetArgFloat32(1, 2); err != nil {
		t.Fatal(err)
	}
	if err := k.SetArgUint32(2, n); err != nil {
		t.Fatal(err)
	}
	run, err := q.EnqueueNDRange(k, []int{n}, nil, write)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float32, n)
	read, err := EnqueueReadBuffer(q, buf, 0, out, run)
	if err != nil {
		t.Fatal(err)
	}
	if err := WaitForEvents(write, run, read); err != nil {
		t.Fatal(err)
	}
	for i := range out {
		if out[i] != 2*float32(i) {
			t.Fatalf("out[%d] = %v, want %v", i, out[i], 2*float32(i))
		}
	}
	var last uint64
	for name, ev := range map[string]*Event{"write": write, "run": run, "read": read} {
		if s, err := ev.Status(); err != nil || s != EventComplete {
			t.Errorf("%s status %v, %v", name, s, err)
		}
		p, err := ev.Profile()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Queued == 0 || p.Queued > p.Submitted || p.Submitted > p.Start || p.Start > p.End {
			t.Errorf("%s: timestamps out of order: %+v", name, p)
		}
		t.Logf("%s: %+v (%v)", name, p, p.Duration())
		last = max(last, p.End)
	}
	// The kernel waited for the write, and the read for the kernel.
	pw, _ := write.Profile()
	pr, _ := run.Profile()
	pd, _ := read.Profile()
	if pw.End > pr.Start || pr.End > pd.Start {
		t.Errorf("dependent commands overlap: write %+v, run %+v, read %+v", pw, pr, pd)
	}
	for _, ev := range []*Event{write, run, read} {
		if err := ev.Release(); err != nil {
			t.Error(err)
		}
		if err := ev.Release(); err != nil {
			t.Errorf("second Release: %v", err)
		}
		if err := ev.Wait(); !errors.Is(err, ErrReleased) {
			t.Errorf("Wait after Release: %v, want ErrReleased", err)
		}
	}
	// A queue without profiling refuses timestamps.
	plain, err := ctx.CreateQueue(d, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Release()
	ev, err := EnqueueWriteBuffer(plain, buf, 0, x[:16])
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Release()
	if err := ev.Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Profile(); !errors.Is(err, ErrProfilingInfoNotAvailable) {
		t.Errorf("Profile without QueueProfiling: %v", err)
	}
}

func TestLocalMemoryAndMapping(t *testing.T) {
	ctx, q, _ := setup(t)
	prog, err := ctx.BuildProgram(scaleSource, "")
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Release()
	k, err := prog.CreateKernel("sum_local")
	if err != nil {
		t.Fatal(err)
	}
	defer k.Release()
	const groups, local = 8, 32
	x := make([]int32, groups*local)
	for i := range x {
		x[i] = int32(i)
	}
	in, err := CreateBufferFrom(ctx, MemReadOnly|MemUseHostPtr, x)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Release()
	out, err := ctx.CreateBuffer(MemReadWrite|MemAllocHostPtr, 4*groups)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	if err := k.SetArgs(in, out, LocalMem(4*local)); err != nil {
		t.Fatal(err)
	}
	if err := q.RunNDRange(k, []int{groups * local}, []int{local}); err != nil {
		t.Fatal(err)
	}
	if err := q.Finish(); err != nil {
		t.Fatal(err)
	}
	m, err := q.MapBuffer(out, MapRead|MapWrite, 0, out.Size())
	if err != nil {
		t.Fatal(err)
	}
	sums, err := MappedSlice[int32](m)
	if err != nil {
		t.Fatal(err)
	}
	for g, s := range sums {
		want := int32(0)
		for j := range local {
			want += x[g*local+j]
		}
		if s != want {
			t.Errorf("group %d: sum %d, want %d", g, s, want)
		}
	}
	sums[0] = -7
	if err := q.Unmap(m); err != nil {
		t.Fatal(err)
	}
	if err := q.Unmap(m); err != nil {
		t.Errorf("second Unmap: %v", err)
	}
	if m.Bytes() != nil {
		t.Error("Bytes after Unmap is not nil")
	}
	back := make([]int32, groups)
	if err := ReadBuffer(q, out, 0, back); err != nil {
		t.Fatal(err)
	}
	if back[0] != -7 {
		t.Errorf("write through mapping lost: %d", back[0])
	}
	// Out-of-range transfers are errors, not crashes.
	if err := ReadBuffer(q, out, 1, back); err == nil {
		t.Error("read past the end accepted")
	}
	if err := ReadBuffer(q, out, -1, back[:1]); err == nil {
		t.Error("negative offset accepted")
	}
	if _, err := q.MapBuffer(out, MapRead, 4, out.Size()); err == nil {
		t.Error("map past the end accepted")
	}
	if err := k.SetArgs(1); err == nil {
		t.Error("SetArgs accepted a Go int")
	}
	if err := q.RunNDRange(k, []int{0}, nil); err == nil {
		t.Error("zero global size accepted")
	}
	if err := q.RunNDRange(k, []int{1, 1, 1, 1}, nil); err == nil {
		t.Error("four dimensions accepted")
	}
}

func TestProgramBinaries(t *testing.T) {
	ctx, q, d := setup(t)
	prog, err := ctx.BuildProgram(scaleSource, "-cl-fast-relaxed-math")
	if err != nil {
		t.Fatal(err)
	}
	bins, err := prog.Binaries()
	prog.Release()
	if err != nil {
		t.Fatal(err)
	}
	if len(bins) != 1 || bins[0].Device != d.ID || len(bins[0].Data) == 0 {
		t.Fatalf("binaries: %d, device %#x, want one non-empty for %#x", len(bins), bins[0].Device, d.ID)
	}
	prog2, err := ctx.CreateProgramWithBinary(bins)
	if err != nil {
		t.Fatal(err)
	}
	defer prog2.Release()
	if err := prog2.Build("-cl-fast-relaxed-math"); err != nil {
		t.Fatal(err)
	}
	k, err := prog2.CreateKernel("scale")
	if err != nil {
		t.Fatal(err)
	}
	defer k.Release()
	x := []float32{1, 2, 3}
	buf, err := CreateBufferFrom(ctx, MemReadWrite, x)
	if err != nil {
		t.Fatal(err)
	}
	defer buf.Release()
	if err := k.SetArgs(buf, float32(3), uint32(len(x))); err != nil {
		t.Fatal(err)
	}
	if err := q.RunNDRange(k, []int{len(x)}, nil); err != nil {
		t.Fatal(err)
	}
	if err := ReadBuffer(q, buf, 0, x); err != nil {
		t.Fatal(err)
	}
	if x[0] != 3 || x[1] != 6 || x[2] != 9 {
		t.Errorf("kernel from binary: %v", x)
	}
	garbage := []ProgramBinary{{Device: d.ID, Data: bytes.Repeat([]byte{0xAB}, 64)}}
	if p, err := ctx.CreateProgramWithBinary(garbage); err == nil {
		err = p.Build("")
		p.Release()
		if err == nil {
			t.Error("garbage binary built")
		}
	} else if !errors.Is(err, ErrInvalidBinary) {
		t.Logf("garbage binary: %v", err)
	}
}
