package vm

import (
	"bytes"
	"context"
	"math"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/compile"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// TestStreamStores checks that writing the result through non-temporal stores
// (Options.StreamMin < 0: every size) changes no bit and writes exactly the elements
// asked for: float64, float32, bool and complex128 results, fused plans and vector
// ones, whole blocks and short passes, one thread and several, at element offsets
// that leave dst unaligned, on both CPU backends.
func TestStreamStores(t *testing.T) {
	const total = 9*exec.BlockSize + 1237
	cases := []struct {
		src string
		typ ir.DType // the inputs' type
	}{
		{"(2 + a) + (10 - b) * c", ir.Float64},
		{"a*3 + b", ir.Float64},
		{"where(a > b, a*2, c - 1)", ir.Float64},
		{"sqrt(abs(a)) * b - c", ir.Float32},
		{"(a > b) | (c < 0.25)", ir.Float64},
		{"a*b + 1j", ir.Complex128},
		{"a - mean(a*2 + b)", ir.Float64},
		{"sin(a * b)", ir.Float64}, // a vector-math kernel writes dst itself
	}
	for _, name := range []string{exec.BackendGonum, exec.BackendSIMD} {
		backend, err := BackendFor(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, c := range cases {
			prog := lowerTyped(t, c.src, c.typ)
			ins := make([]exec.Binding, len(prog.Inputs))
			for i := range ins {
				ins[i] = typedInput(c.typ, total, i)
			}
			size := prog.Regs[prog.Result].Type.Size()
			for _, base := range []Options{{}, {NoFusion: true}, {Block: 512}} {
				run := func(stream bool, lo, n, threads int) []byte {
					opt := base
					if stream {
						opt.StreamMin = -1
					}
					dst, _ := runGuarded(t, prog, backend, opt, ins, total, lo, n, threads)
					return dst
				}
				for _, r := range [][3]int{{0, total, 1}, {0, total, 3}, {3, total - 3, 3}, {1, 4099, 2}, {5, 61, 1}} {
					lo, n, threads := r[0], r[1], r[2]
					want, got := run(false, lo, n, threads), run(true, lo, n, threads)
					if !bytes.Equal(got, want) {
						i := 0
						for got[i] == want[i] {
							i++
						}
						t.Errorf("%s %s %+v, elements [%d, %d), %d threads: streamed result differs at element %d", name, c.src, base, lo, lo+n, threads, i/size)
					}
					if lo > 0 && got[lo*size-1] != 0xA5 || lo+n < total && got[(lo+n)*size] != 0xA5 {
						t.Errorf("%s %s: elements outside [%d, %d) written", name, c.src, lo, lo+n)
					}
				}
			}
		}
	}
}

// runGuarded compiles prog for backend with opt and runs elements [lo, lo+n) of ins
// on threads into a destination of total elements whose bytes start as 0xA5; it
// returns the destination and the program.
func runGuarded(t *testing.T, prog *ir.Program, backend *Backend, opt Options, ins []exec.Binding, total, lo, n, threads int) ([]byte, *Program) {
	t.Helper()
	p, err := Compile(prog, backend, opt)
	if err != nil {
		t.Fatal(err)
	}
	dst := bytes.Repeat([]byte{0xA5}, total*prog.Regs[prog.Result].Type.Size())
	out := exec.Output{Type: prog.Regs[prog.Result].Type, Ptr: unsafe.Pointer(&dst[0])}
	if _, err := p.Run(context.Background(), ins, lo, n, out, threads); err != nil {
		t.Fatalf("%s %s: %v", backend.Name(), prog.Source, err)
	}
	return dst, p
}

func lowerTyped(t *testing.T, src string, typ ir.DType) *ir.Program {
	t.Helper()
	p, err := lowerTypedErr(src, typ)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// lowerTypedErr compiles src with every input of type typ.
func lowerTypedErr(src string, typ ir.DType) (*ir.Program, error) {
	ast, err := syntax.Parse(src)
	if err != nil {
		return nil, err
	}
	names, err := compile.Names(src, ast)
	if err != nil {
		return nil, err
	}
	in := map[string]compile.InputType{}
	for _, n := range names {
		in[n] = compile.InputType{Type: typ}
	}
	return compile.Lower(src, ast, names, in, compile.Options{})
}

// typedInput is input k, n values of typ (a float64, float32 or complex128 array).
func typedInput(typ ir.DType, n, k int) exec.Binding {
	v := func(i int) float64 { return math.Sin(float64(i*(k+3))) * float64(1+i%17) }
	var p unsafe.Pointer
	switch typ {
	case ir.Float32:
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(v(i))
		}
		p = unsafe.Pointer(&x[0])
	case ir.Complex128:
		x := make([]complex128, n)
		for i := range x {
			x[i] = complex(v(i), v(i+7))
		}
		p = unsafe.Pointer(&x[0])
	default:
		x := make([]float64, n)
		for i := range x {
			x[i] = v(i)
		}
		p = unsafe.Pointer(&x[0])
	}
	return exec.Binding{Type: typ, Ptr: p, N: n}
}
