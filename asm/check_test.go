package asm

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The length contract (doc.go, check.go): every exported function with more than
// one slice panics, before touching memory, when the lengths differ, with the same
// message at every level.

// checkCallPanic calls f and returns its panic value as a string ("" if none).
func checkCallPanic(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
			if msg == "" {
				msg = "(empty panic)"
			}
		}
	}()
	f()
	return ""
}

// checkLens lists length tuples for nslices slices where exactly one differs.
func checkLens(nslices int) [][]int {
	var out [][]int
	for _, n := range []int{0, 1, 5, 16, 33, 64} {
		for k := range nslices {
			for _, d := range []int{-1, 1, 3, 40} {
				if n+d < 0 {
					continue
				}
				ls := make([]int, nslices)
				for j := range ls {
					ls[j] = n
				}
				ls[k] = n + d
				out = append(out, ls)
			}
		}
	}
	return out
}

// checkLenMsg is the message pattern for the given lengths (names are free).
func checkLenMsg(name string, lens []int) *regexp.Regexp {
	var parts []string
	for _, l := range lens {
		parts = append(parts, fmt.Sprintf(`len\(\w+\)=%d`, l))
	}
	return regexp.MustCompile(`^asm\.` + name + `: ` + strings.Join(parts, ", ") + `$`)
}

// checkUntouched reports the first buffer whose contents or guards changed.
func checkUntouched(bufs, saved []primBuf) string {
	for k := range bufs {
		if i := primBitsEqual(bufs[k].full, saved[k].full); i >= 0 {
			return fmt.Sprintf("slice %d changed at index %d of its guarded buffer (view starts at %d)", k, i, bufs[k].start)
		}
	}
	return ""
}

// TestLengthsPanicPrims calls every generated primitive with one slice longer or
// shorter than the others, at every level, and checks the panic message and that
// no slice or guard around it changed.
func TestLengthsPanicPrims(t *testing.T) {
	tested := 0
	r := rand.New(rand.NewPCG(14, 5))
	for _, c := range primCases {
		var kinds []primKind
		if c.out != primNone {
			kinds = append(kinds, c.out)
		}
		kinds = append(kinds, c.ins...)
		if len(kinds) < 2 {
			continue // a reduction of one slice takes any length
		}
		tested++
		for _, l := range primLevels() {
			for _, lens := range checkLens(len(kinds)) {
				bufs := make([]primBuf, len(kinds))
				saved := make([]primBuf, len(kinds))
				for k, kind := range kinds {
					bufs[k] = primNewBuf(kind, lens[k], 3)
					saved[k] = primClone(bufs[k])
				}
				var d any
				in := make([]any, 0, len(c.ins))
				for k, b := range bufs {
					if k == 0 && c.out != primNone {
						d = b.view
					} else {
						in = append(in, b.view)
					}
				}
				sc := make([]any, len(c.scal))
				for k, kind := range c.scal {
					sc[k] = primRandScalar(r, kind, true)
				}
				var msg string
				primWithLevel(l, func() { msg = checkCallPanic(func() { c.fn(d, in, sc) }) })
				if re := checkLenMsg(c.name, lens); !re.MatchString(msg) {
					t.Fatalf("%s at %v, lengths %v: panic %q, want a match of %s", c.name, l, lens, msg, re)
				}
				if s := checkUntouched(bufs, saved); s != "" {
					t.Fatalf("%s at %v, lengths %v: %s", c.name, l, lens, s)
				}
			}
		}
	}
	if tested != 96 { // 40 arith, 16 unary, 30 compare, 8 convert, 2 dot
		t.Fatalf("%d primitives with several slices, want 96: update the count with the table", tested)
	}
}

// TestLengthsPanicMath does the same for every vector math function, fmod and %
// (FmodF64, ModF64, FmodF32, ModF32) included.
func TestLengthsPanicMath(t *testing.T) {
	funcs := append(MathFuncs(), MathFunc{Name: "fmod", Arity: 2, F64x2: FmodF64, F32x2: FmodF32},
		MathFunc{Name: "mod", Arity: 2, F64x2: ModF64, F32x2: ModF32})
	for _, f := range funcs {
		for _, l := range levels() {
			nsl := f.Arity + 1
			for _, lens := range checkLens(nsl) {
				for _, typ := range []primKind{primF64, primF32} {
					if typ == primF32 && f.F32 == nil && f.F32x2 == nil {
						continue // float64 only
					}
					bufs := make([]primBuf, nsl)
					saved := make([]primBuf, nsl)
					for k := range bufs {
						bufs[k] = primNewBuf(typ, lens[k], 5)
						saved[k] = primClone(bufs[k])
					}
					var call func()
					name := `\w+F64`
					if typ == primF32 {
						name = `\w+F32`
					}
					switch {
					case typ == primF64 && f.Arity == 1:
						call = func() { f.F64(bufs[0].view.([]float64), bufs[1].view.([]float64)) }
					case typ == primF64:
						call = func() {
							f.F64x2(bufs[0].view.([]float64), bufs[1].view.([]float64), bufs[2].view.([]float64))
						}
					case f.Arity == 1:
						call = func() { f.F32(bufs[0].view.([]float32), bufs[1].view.([]float32)) }
					default:
						call = func() {
							f.F32x2(bufs[0].view.([]float32), bufs[1].view.([]float32), bufs[2].view.([]float32))
						}
					}
					var msg string
					atLevel(t, l, func() { msg = checkCallPanic(call) })
					if re := checkLenMsg(name, lens); !re.MatchString(msg) {
						t.Fatalf("%s %v at %v, lengths %v: panic %q, want a match of %s", f.Name, typ, l, lens, msg, re)
					}
					if s := checkUntouched(bufs, saved); s != "" {
						t.Fatalf("%s %v at %v, lengths %v: %s", f.Name, typ, l, lens, s)
					}
				}
			}
		}
	}
}

// TestLengthsMessages pins the exact messages, parameter names included, at every
// level: the cases of the issue (AddF64 reading past x and y, ExpF64 writing past
// dst) and the functions whose slices are not named dst, x, y.
func TestLengthsMessages(t *testing.T) {
	f64 := func(n int) []float64 { return make([]float64, n) }
	f32 := func(n int) []float32 { return make([]float32, n) }
	cases := []struct {
		call func()
		want string
	}{
		{func() { AddF64(f64(64), f64(2), f64(2)) }, "asm.AddF64: len(dst)=64, len(x)=2, len(y)=2"},
		{func() { ExpF64(f64(4), f64(32)) }, "asm.ExpF64: len(dst)=4, len(x)=32"},
		{func() { SinF32(f32(9), f32(8)) }, "asm.SinF32: len(dst)=9, len(x)=8"},
		{func() { DotF64(f64(3), f64(4)) }, "asm.DotF64: len(x)=3, len(y)=4"},
		{func() { SelectF32(f32(2), make([]bool, 1), f32(2), f32(2)) }, "asm.SelectF32: len(dst)=2, len(cond)=1, len(x)=2, len(y)=2"},
		{func() { Atan2F64(f64(2), f64(2), f64(3)) }, "asm.Atan2F64: len(dst)=2, len(y)=2, len(x)=3"},
		{func() { PowF32(f32(1), f32(0), f32(1)) }, "asm.PowF32: len(dst)=1, len(x)=0, len(y)=1"},
		{func() { MulScalarAddF64(f64(5), f64(5), 2, f64(6)) }, "asm.MulScalarAddF64: len(dst)=5, len(x)=5, len(y)=6"},
		{func() { Int64ToF32(f32(7), make([]int64, 8)) }, "asm.Int64ToF32: len(dst)=7, len(x)=8"},
		{func() { ModF64(f64(3), f64(3), f64(2)) }, "asm.ModF64: len(dst)=3, len(x)=3, len(y)=2"},
		{func() { FmodF64(f64(300), f64(299), f64(300)) }, "asm.FmodF64: len(dst)=300, len(x)=299, len(y)=300"},
	}
	for _, l := range levels() {
		for _, c := range cases {
			var msg string
			atLevel(t, l, func() { msg = checkCallPanic(c.call) })
			if msg != c.want {
				t.Errorf("at %v: panic %q, want %q", l, msg, c.want)
			}
		}
	}
}
