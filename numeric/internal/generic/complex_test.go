package generic

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// complexGrid is a small grid of complex values with special parts.
func complexGrid() []complex128 {
	parts := []float64{0, math.Copysign(0, -1), 1e-310, 0.5, 1, -1.5, 3, 1e10, -1e300, math.Inf(1), math.Inf(-1), math.NaN()}
	var zs []complex128
	for _, a := range parts {
		for _, b := range parts {
			zs = append(zs, complex(a, b))
		}
	}
	return zs
}

// sameBitsC reports whether a and b have the same bits, any NaN matching any NaN.
func sameBitsC(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}

// The complex128 loops give CMul's and the parts' sums' bits, in place too; the
// complex64 kernels compute products in float32 (NumPy's loops) and functions in
// complex128 rounded once.
func TestComplexKernelsWiring(t *testing.T) {
	zs := complexGrid()
	n := len(zs)
	ws := make([]complex128, n)
	for i := range ws {
		ws[i] = zs[(i*7+3)%n]
	}
	dst := make([]complex128, n)
	run := func(op ir.Op, typ ir.DType, dst, x, y any) {
		k := Lookup(op, typ, typ)
		ptr := func(v any) unsafePointer {
			switch s := v.(type) {
			case []complex128:
				return unsafePtr(s)
			case []complex64:
				return unsafePointer(&s[0])
			}
			return nil
		}
		k(n, ptr(dst), &[3]unsafePointer{ptr(x), ptr(y)})
	}
	run(ir.OpMul, ir.Complex128, dst, zs, ws)
	for i := range dst {
		want := CMul(Cx[float64]{real(zs[i]), imag(zs[i])}, Cx[float64]{real(ws[i]), imag(ws[i])})
		if !sameBitsC(real(dst[i]), want[0]) || !sameBitsC(imag(dst[i]), want[1]) {
			t.Fatalf("mul %v * %v = %v, CMul %v", zs[i], ws[i], dst[i], want)
		}
	}
	inPlace := append([]complex128(nil), zs...)
	run(ir.OpMul, ir.Complex128, inPlace, inPlace, ws)
	for i := range dst {
		if !sameBitsC(real(inPlace[i]), real(dst[i])) || !sameBitsC(imag(inPlace[i]), imag(dst[i])) {
			t.Fatalf("in-place mul %d: %v, want %v", i, inPlace[i], dst[i])
		}
	}
	z64, w64, d64 := make([]complex64, n), make([]complex64, n), make([]complex64, n)
	for i := range zs {
		z64[i], w64[i] = complex64(zs[i]), complex64(ws[i])
	}
	run(ir.OpMul, ir.Complex64, d64, z64, w64)
	for i := range d64 {
		a, b := z64[i], w64[i]
		re := float32(real(a)*real(b)) - float32(imag(a)*imag(b)) // float32 operations, no fused multiply-add
		im := float32(real(a)*imag(b)) + float32(imag(a)*real(b))
		if !sameBitsC(float64(real(d64[i])), float64(re)) || !sameBitsC(float64(imag(d64[i])), float64(im)) {
			t.Fatalf("complex64 mul %v * %v = %v, want (%v, %v)", a, b, d64[i], re, im)
		}
	}
	for op, f := range complexFuncs {
		run(op, ir.Complex64, d64, z64, nil)
		for i := range d64 {
			w := f(complex128(z64[i]))
			want := complex64(w)
			if !sameBitsC(float64(real(d64[i])), float64(real(want))) || !sameBitsC(float64(imag(d64[i])), float64(imag(want))) {
				t.Fatalf("complex64 %s(%v) = %v, want %v", op, z64[i], d64[i], want)
			}
		}
	}
	if !cmplx.IsNaN(CPow(0, 1i)) || CPow(0, 2) != 0 || CPow(2, 0) != 1 {
		t.Errorf("CPow special cases: 0**1j %v, 0**2 %v, 2**0 %v", CPow(0, 1i), CPow(0, 2), CPow(2, 0))
	}
}

// The scalar-operand kernels give the vector kernels' bits, either side.
func TestComplexScalarKernels(t *testing.T) {
	zs := complexGrid()
	n := len(zs)
	for _, s := range []complex128{1i, -2.5 + 3i, complex(math.Inf(1), 0), complex(math.NaN(), 1)} {
		bs := make([]complex128, n)
		for i := range bs {
			bs[i] = s
		}
		for _, op := range []ir.Op{ir.OpAdd, ir.OpSub, ir.OpMul} {
			want, got := make([]complex128, n), make([]complex128, n)
			Lookup(op, ir.Complex128, ir.Complex128)(n, unsafePtr(want), &[3]unsafePointer{unsafePtr(zs), unsafePtr(bs)})
			sc := []complex128{s}
			LookupScalar(op, ir.Complex128, ir.Complex128, 1)(n, unsafePtr(got), &[3]unsafePointer{unsafePtr(zs), unsafePtr(sc)})
			LookupScalar(op, ir.Complex128, ir.Complex128, 0)(n, unsafePtr(bs), &[3]unsafePointer{unsafePtr(sc), unsafePtr(zs)})
			left := make([]complex128, n)
			Lookup(op, ir.Complex128, ir.Complex128)(n, unsafePtr(left), &[3]unsafePointer{unsafePtr(repeat(s, n)), unsafePtr(zs)})
			for i := range got {
				if !sameC(got[i], want[i]) || !sameC(bs[i], left[i]) {
					t.Fatalf("%s with scalar %v at %v: right %v want %v, left %v want %v", op, s, zs[i], got[i], want[i], bs[i], left[i])
				}
			}
			copy(bs, repeat(s, n))
		}
	}
}

func repeat(s complex128, n int) []complex128 {
	out := make([]complex128, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func sameC(a, b complex128) bool { return sameBitsC(real(a), real(b)) && sameBitsC(imag(a), imag(b)) }
