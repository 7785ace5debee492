package kernels

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// Target describes the device code is generated for.
type Target struct {
	// FP64 reports whether the device supports double precision (cl_khr_fp64).
	FP64 bool
	// GroupSize is the work-group size of reduction kernels, a power of two; 0 means
	// DefaultGroupSize.
	GroupSize int
	// ItemsPerThread is how many elements each work-item of a reduction folds; 0
	// means DefaultItemsPerThread.
	ItemsPerThread int
	// CPU reports that the device is a CPU (CL_DEVICE_TYPE_CPU). Reductions then take
	// the CPU shape: work-groups of one work-item, each folding a whole tile of
	// GroupSize×ItemsPerThread contiguous elements into a few interleaved
	// accumulators, with no barriers or local memory. Otherwise a work-group of
	// GroupSize work-items reduces a tile, combining in local memory (the GPU shape).
	CPU bool
	// Float32ViaFloat64 computes the float32 functions (sin, exp, pow, ...) in double
	// precision and rounds the result, as numkit's CPU backends do, instead of with
	// OpenCL's float built-ins (whose error bounds are 2 to 16 ULP). It needs FP64.
	Float32ViaFloat64 bool
	// Dims, when positive, generates shaped kernels (shaped.go) for inputs read in
	// place over a result of Dims dimensions: every kernel also takes the flat index of
	// its launch's first element (ArgStart) and the geometry (ArgGeometry), and reads
	// input k at the offset the result index maps to through k's strides.
	Dims int
	// Rows, with Dims, makes the element-wise kernel of the last stage a rows kernel
	// (shaped.go): a 2-D launch, dimension 0 the result's last (inner) dimension,
	// dimension 1 its rows; input k's inner stride is 1 where bit k of UnitInner is
	// set, 0 where bit k of ZeroInner is, else read from the geometry.
	Rows                 bool
	UnitInner, ZeroInner uint64
}

// Defaults for Target's reduction shape: tiles of 4096 elements. On pocl (CPU),
// sum(a*b) over 2·10^7 float64 ran in 37 to 52 ms with groups of 64 work-items
// folding 64 elements each, against 57 to 96 ms with 256 × 8. The CPU shape
// (Target.CPU) over the same tiles needed about 20% less CPU time than 64 × 64 for
// float64 and 40% less for float32; tiles of 16384 or 65536 elements did no better.
const (
	DefaultGroupSize      = 64
	DefaultItemsPerThread = 64
)

// ErrNoFP64 is wrapped by Generate's error for a program that needs double precision
// on a target without it. Numbers are never silently computed in a smaller type.
var ErrNoFP64 = errors.New("the device does not support double precision (cl_khr_fp64)")

// ArgKind says what a kernel argument is.
type ArgKind uint8

// Kernel argument kinds.
const (
	ArgCount    ArgKind = iota // const long: the number of elements of this launch
	ArgInput                   // __global const T*: an input array
	ArgScalar                  // a scalar register's value (a Bool is passed as a uint)
	ArgOutput                  // __global T*: the result array
	ArgPartial                 // __global P*: one partial per work-group, for one reduction
	ArgStart                   // const long: the flat result index of the launch's element 0 (shaped kernels)
	ArgGeometry                // __constant long*: the result shape and each input's offset and strides (shaped kernels)
)

// Arg is one kernel argument, in order.
type Arg struct {
	Kind ArgKind
	// Type is the element type of an input or the output, the value type of a
	// scalar, or the partial type of a reduction (PartialType).
	Type ir.DType
	// Reg is the register an input, scalar or output argument holds.
	Reg ir.Reg
	// Input is an input argument's index into ir.Program.Inputs.
	Input int
	// Reduction is a partial argument's index into the stage's Reductions.
	Reduction int
	// Imag marks the second of the two arguments a complex scalar takes: its real part
	// is the argument before (Type is the complex type for both; each is passed as a
	// float or double, the kernel makes the float2 or double2).
	Imag bool
}

// Kernel is the kernel of one stage.
type Kernel struct {
	// Name is the kernel function's name; "" when the stage does not pass over the
	// elements (it has scalar code only).
	Name string
	// Reduce is true for a reduction kernel: launch it with local size
	// Program.GroupSize over whole tiles (Program.Groups), and combine the partials
	// it writes.
	Reduce bool
	Args   []Arg
}

// Program is the OpenCL C program generated for one ir.Program and target.
type Program struct {
	Source string
	// Kernels holds one kernel per stage of the ir.Program, in order.
	Kernels []Kernel
	// GroupSize is the local size reduction kernels are launched with, and each of
	// their work-items folds ItemsPerThread elements: Target's on a GPU, 1 and the
	// whole tile in the CPU shape. The tile is the same either way.
	GroupSize      int
	ItemsPerThread int
	// FP64 reports whether the source uses double precision.
	FP64 bool
}

// TileSize is the number of elements one work-group of a reduction kernel reduces.
func (p *Program) TileSize() int { return p.GroupSize * p.ItemsPerThread }

// Groups is the number of work-groups (and partials per reduction) a reduction
// kernel needs for n elements.
func (p *Program) Groups(n int) int { return (n + p.TileSize() - 1) / p.TileSize() }

// PartialType is the type a work-group's partial of op over elements of type arg has:
// the argument's type for float and complex sums, products and means and for min and
// max, int64 for integer and bool sums and products, and float64 for the mean of
// integers.
func PartialType(op ir.ReduceOp, arg ir.DType) ir.DType {
	if arg.IsComplex() {
		return arg
	}
	switch op {
	case ir.ReduceSum, ir.ReduceProd:
		if arg.IsFloat() {
			return arg
		}
		return ir.Int64
	case ir.ReduceMean:
		return ir.FloatOf(arg)
	case ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		return ir.Float64
	}
	return arg
}

// Generate returns the OpenCL C program for p on target t.
func Generate(p *ir.Program, t Target) (*Program, error) {
	if t.GroupSize == 0 {
		t.GroupSize = DefaultGroupSize
	}
	if t.ItemsPerThread == 0 {
		t.ItemsPerThread = DefaultItemsPerThread
	}
	if t.GroupSize < 1 || t.GroupSize&(t.GroupSize-1) != 0 || t.ItemsPerThread < 1 {
		return nil, fmt.Errorf("kernels: group size %d must be a power of two and items per thread %d positive", t.GroupSize, t.ItemsPerThread)
	}
	if t.Float32ViaFloat64 && !t.FP64 {
		return nil, fmt.Errorf("kernels: Float32ViaFloat64 without FP64: %w", ErrNoFP64)
	}
	g := &gen{prog: p, target: t, helpers: map[string]bool{}, bound: boundConsts(p)}
	out := &Program{GroupSize: t.GroupSize, ItemsPerThread: t.ItemsPerThread, Kernels: make([]Kernel, len(p.Stages))}
	if t.CPU {
		out.GroupSize, out.ItemsPerThread = 1, t.GroupSize*t.ItemsPerThread
	}
	var body strings.Builder
	for k, st := range p.Stages {
		last := k == len(p.Stages)-1
		switch {
		case len(st.Reductions) > 0:
			kern, err := g.reduceKernel(&body, k, st)
			if err != nil {
				return nil, err
			}
			out.Kernels[k] = kern
		case last && !p.ScalarResult():
			kern, err := g.mapKernel(&body, k, st)
			if err != nil {
				return nil, err
			}
			out.Kernels[k] = kern
		}
	}
	if g.fp64 && !t.FP64 {
		return nil, fmt.Errorf("kernels: %q computes in float64: %w", p.Source, ErrNoFP64)
	}
	out.FP64 = g.fp64
	var src strings.Builder
	src.WriteString("// Generated by numkit (package kernels).\n")
	if g.fp64 {
		src.WriteString("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n")
	}
	src.WriteString("#pragma OPENCL FP_CONTRACT OFF\n\n")
	for _, h := range g.helperOrder {
		src.WriteString(h)
		src.WriteString("\n")
	}
	src.WriteString(body.String())
	out.Source = src.String()
	return out, nil
}

// gen holds the state of one Generate call.
type gen struct {
	prog        *ir.Program
	target      Target
	helpers     map[string]bool
	helperOrder []string
	fp64        bool
	bound       map[ir.Reg]bool // constants passed as kernel arguments (boundConsts)
	inputs      []int           // the array inputs of the stage being generated (stageArgs)
	stepped     bool            // an axis kernel whose work-groups step through their lines (axis.go)
	vec         int             // an axis kernel's lines per work-item (axis.go)
}

// use notes that code of type t is generated.
func (g *gen) use(t ir.DType) {
	if t == ir.Float64 || t == ir.Complex128 {
		g.fp64 = true
	}
}

// stageArgs returns the arguments of stage st's kernel before its outputs: the count,
// the array inputs its code reads, and the scalar registers it reads (constants only
// where boundConsts says), each group in register order; a complex scalar takes two
// arguments, its parts.
func (g *gen) stageArgs(st ir.Stage) []Arg {
	p := g.prog
	arrays, scalars := map[ir.Reg]bool{}, map[ir.Reg]bool{}
	note := func(r ir.Reg) {
		info := p.Regs[r]
		switch {
		case info.Kind == ir.RegConst && g.bound[r]:
			scalars[r] = true
		case info.Kind == ir.RegConst:
		case info.Scalar:
			scalars[r] = true
		case info.Kind == ir.RegInput:
			arrays[r] = true
		}
	}
	for _, in := range st.Vector {
		for _, a := range in.Args[:in.Op.Arity()] {
			note(a)
		}
	}
	for _, red := range st.Reductions {
		note(red.Arg)
	}
	args := []Arg{{Kind: ArgCount, Type: ir.Int64}}
	if g.target.Dims > 0 {
		args = append(args, Arg{Kind: ArgStart, Type: ir.Int64}, Arg{Kind: ArgGeometry, Type: ir.Int64})
	}
	g.inputs = g.inputs[:0]
	for _, r := range sortedRegs(arrays) {
		args = append(args, Arg{Kind: ArgInput, Type: p.Regs[r].Type, Reg: r, Input: p.Regs[r].Input})
		g.inputs = append(g.inputs, p.Regs[r].Input)
	}
	for _, r := range sortedRegs(scalars) {
		args = append(args, Arg{Kind: ArgScalar, Type: p.Regs[r].Type, Reg: r})
		if p.Regs[r].Type.IsComplex() {
			args = append(args, Arg{Kind: ArgScalar, Type: p.Regs[r].Type, Reg: r, Imag: true})
		}
	}
	return args
}

// boundConsts are the constants of p that kernels take as arguments rather than as
// literals, so that the device's compiler never knows a value that is not finite:
// float and complex constants with a NaN or infinite part, and every operand of a
// vector instruction whose operands are all constants (arccosh(0.0f) there would be
// a NaN the compiler derives). pocl's compiler folds exp, exp2, expm1, sinh, tanh,
// ceil, floor, trunc and round of a NaN it knows to 0 (issue #14's finding: exp(a -
// a + sqrt(-1.0)) and exp2(a*0 + arccosh(0.0)) gave 0 on the device, NaN on the
// CPU); passed as an argument, the same NaN gives NaN.
func boundConsts(p *ir.Program) map[ir.Reg]bool {
	bound := map[ir.Reg]bool{}
	for r, info := range p.Regs {
		if info.Kind == ir.RegConst && nonFinite(info.Const) {
			bound[ir.Reg(r)] = true
		}
	}
	for _, st := range p.Stages {
		for _, in := range st.Vector {
			args := in.Args[:in.Op.Arity()]
			allConst := len(args) > 0
			for _, a := range args {
				allConst = allConst && p.Regs[a].Kind == ir.RegConst
			}
			for _, a := range args {
				if allConst {
					bound[a] = true
				}
			}
		}
	}
	return bound
}

// nonFinite reports whether v is a float or complex value with a NaN or infinite part.
func nonFinite(v ir.Value) bool {
	if !v.Type.IsFloat() && !v.Type.IsComplex() {
		return false
	}
	c := v.Complex()
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	return !finite(real(c)) || !finite(imag(c))
}

func sortedRegs(set map[ir.Reg]bool) []ir.Reg {
	regs := make([]ir.Reg, 0, len(set))
	for r := range set {
		regs = append(regs, r)
	}
	sort.Slice(regs, func(i, j int) bool { return regs[i] < regs[j] })
	return regs
}

// params writes the parameter list of a kernel with args.
func (g *gen) params(args []Arg) string {
	parts := make([]string, len(args))
	for i, a := range args {
		g.use(a.Type)
		elem := ctype(a.Type)
		if a.Type.IsComplex() { // arrays of parts, read with vload2 and written with vstore2
			elem = ctype(ir.RealOf(a.Type))
		}
		switch a.Kind {
		case ArgCount:
			parts[i] = "const long n"
		case ArgStart:
			parts[i] = "const long start"
		case ArgGeometry:
			parts[i] = "__constant long* geo"
		case ArgInput:
			parts[i] = fmt.Sprintf("__global const %s* in%d", elem, a.Input)
		case ArgScalar:
			switch {
			case a.Type.IsComplex() && a.Imag:
				parts[i] = fmt.Sprintf("const %s s%di", ctype(ir.RealOf(a.Type)), a.Reg)
			case a.Type.IsComplex():
				parts[i] = fmt.Sprintf("const %s s%d", ctype(ir.RealOf(a.Type)), a.Reg)
			case a.Type == ir.Bool:
				parts[i] = fmt.Sprintf("const uint s%d", a.Reg)
			default:
				parts[i] = fmt.Sprintf("const %s s%d", ctype(a.Type), a.Reg)
			}
		case ArgOutput:
			parts[i] = fmt.Sprintf("__global %s* out", elem)
		case ArgPartial:
			parts[i] = fmt.Sprintf("__global %s* part%d", ctype(a.Type), a.Reduction)
		}
	}
	return strings.Join(parts, ", ")
}

// operand is the C expression that reads register r inside the element loop.
func (g *gen) operand(r ir.Reg) string {
	info := g.prog.Regs[r]
	g.use(info.Type)
	switch {
	case info.Kind == ir.RegConst && !g.bound[r]:
		return literal(info.Const)
	case info.Scalar && info.Type.IsComplex():
		return fmt.Sprintf("((%s)(s%d, s%di))", ctype(info.Type), r, r)
	case info.Scalar && info.Type == ir.Bool:
		return fmt.Sprintf("((uchar)(s%d != 0))", r)
	case info.Scalar:
		return fmt.Sprintf("s%d", r)
	case info.Kind == ir.RegInput && info.Type.IsComplex():
		return fmt.Sprintf("vload2(%s, in%d)", g.inputIndex(info.Input), info.Input)
	case info.Kind == ir.RegInput:
		return fmt.Sprintf("in%d[%s]", info.Input, g.inputIndex(info.Input))
	}
	return fmt.Sprintf("r%d", r)
}

// elementCode writes the stage's vector instructions for element i, one statement
// each, indented by indent.
func (g *gen) elementCode(b *strings.Builder, st ir.Stage, indent string) error {
	for _, in := range st.Vector {
		e, err := g.expr(in)
		if err != nil {
			return err
		}
		g.use(in.Type)
		fmt.Fprintf(b, "%sconst %s r%d = %s;\n", indent, ctype(in.Type), in.Dst, e)
	}
	return nil
}

// mapKernel writes the element-wise kernel of the last stage.
func (g *gen) mapKernel(b *strings.Builder, k int, st ir.Stage) (Kernel, error) {
	p := g.prog
	args := g.stageArgs(st)
	args = append(args, Arg{Kind: ArgOutput, Type: p.ResultType(), Reg: p.Result})
	name := fmt.Sprintf("nk_stage%d", k)
	fmt.Fprintf(b, "__kernel void %s(%s) {\n", name, g.params(args))
	g.geoLoads(b)
	if g.target.Dims > 0 && g.target.Rows {
		g.rowOffsets(b)
	} else {
		b.WriteString("\tconst long i = (long)get_global_id(0);\n\tif (i >= n) return;\n")
		g.offsets(b, "\t")
	}
	if err := g.elementCode(b, st, "\t"); err != nil {
		return Kernel{}, err
	}
	if p.ResultType().IsComplex() {
		fmt.Fprintf(b, "\tvstore2(%s, i, out);\n}\n\n", g.operand(p.Result))
	} else {
		fmt.Fprintf(b, "\tout[i] = %s;\n}\n\n", g.operand(p.Result))
	}
	return Kernel{Name: name, Args: args}, nil
}
