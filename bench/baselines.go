package bench

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// The two Go baselines every numkit figure is compared with, as a Go programmer would
// write them today without numkit:
//
//   - BaselineLoop: one hand-written loop over the inputs calling package math, on one
//     goroutine, writing into a preallocated output.
//   - BaselineFloats: a sequence of gonum.org/v1/gonum/floats calls, each a pass over
//     the data, with temporaries preallocated once (floats has no float32, integer,
//     select or transcendental functions, so cases built on those have none; hypot
//     ends with a loop over math.Sqrt, which floats lacks).
//
// float32 reductions accumulate in float64 (a float32 accumulator loses about four
// digits over 10^7 elements).
const (
	BaselineLoop   = "go-loop"
	BaselineFloats = "gonum-floats"
)

// kernel is one implementation of a case over one set of inputs, ready to run.
type kernel struct {
	run    func() error // one evaluation
	result func() any   // the last evaluation's result: a slice, or a scalar for a reduction
}

// baselineMaker prepares a baseline over a set of inputs (allocating its output and
// temporaries); running the kernel then allocates nothing.
type baselineMaker func(in *inputs) kernel

// baselines maps a case name to its two baselines; a nil maker means "none".
var baselines = map[string]struct{ loop, floats baselineMaker }{
	"triad": {
		loop: func(in *inputs) kernel {
			b, c := in.f64("b"), in.f64("c")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					dst[i] = b[i] + 3*c[i]
				}
			})
		},
		floats: func(in *inputs) kernel {
			b, c := in.f64("b"), in.f64("c")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() { floats.AddScaledTo(dst, b, 3, c) })
		},
	},
	"poly": {
		loop: func(in *inputs) kernel {
			a, b, c := in.f64("a"), in.f64("b"), in.f64("c")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					dst[i] = 2*a[i] + 3*b[i]*b[i] - c[i]/4
				}
			})
		},
		floats: func(in *inputs) kernel {
			a, b, c := in.f64("a"), in.f64("b"), in.f64("c")
			dst, tmp := make([]float64, in.n), make([]float64, in.n)
			return sliceKernel(dst, func() {
				floats.ScaleTo(dst, 2, a)
				floats.MulTo(tmp, b, b)
				floats.AddScaled(dst, 3, tmp)
				floats.AddScaled(dst, -0.25, c)
			})
		},
	},
	"sin": {loop: unaryLoop64(math.Sin)},
	"exp": {loop: unaryLoop64(math.Exp)},
	"hypot": {
		loop: func(in *inputs) kernel {
			a, b := in.f64("a"), in.f64("b")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					dst[i] = math.Sqrt(a[i]*a[i] + b[i]*b[i])
				}
			})
		},
		floats: func(in *inputs) kernel {
			a, b := in.f64("a"), in.f64("b")
			dst, tmp := make([]float64, in.n), make([]float64, in.n)
			return sliceKernel(dst, func() {
				floats.MulTo(dst, a, a)
				floats.MulTo(tmp, b, b)
				floats.Add(dst, tmp)
				for i, v := range dst {
					dst[i] = math.Sqrt(v)
				}
			})
		},
	},
	"where": {
		loop: func(in *inputs) kernel {
			a, b, c := in.f64("a"), in.f64("b"), in.f64("c")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					if a[i] > 0.5 {
						dst[i] = b[i]
					} else {
						dst[i] = c[i]
					}
				}
			})
		},
	},
	"dot": {
		loop: func(in *inputs) kernel {
			a, b := in.f64("a"), in.f64("b")
			return scalarKernel(func() float64 {
				s := 0.0
				for i := range a {
					s += a[i] * b[i]
				}
				return s
			})
		},
		floats: func(in *inputs) kernel {
			a, b := in.f64("a"), in.f64("b")
			return scalarKernel(func() float64 { return floats.Dot(a, b) })
		},
	},
	"poly32": {
		loop: func(in *inputs) kernel {
			a, b, c := in.f32("a"), in.f32("b"), in.f32("c")
			dst := make([]float32, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					dst[i] = 2*a[i] + 3*b[i]*b[i] - c[i]/4
				}
			})
		},
	},
	"exp32": {loop: unaryLoop32(math.Exp)},
	"sum": {
		loop: func(in *inputs) kernel {
			a := in.f64("a")
			return scalarKernel(func() float64 { return sumLoop(a) })
		},
		floats: func(in *inputs) kernel {
			a := in.f64("a")
			return scalarKernel(func() float64 { return floats.Sum(a) })
		},
	},
	"mean": {
		loop: func(in *inputs) kernel {
			a := in.f64("a")
			return scalarKernel(func() float64 { return sumLoop(a) / float64(len(a)) })
		},
		floats: func(in *inputs) kernel {
			a := in.f64("a")
			return scalarKernel(func() float64 { return floats.Sum(a) / float64(len(a)) })
		},
	},
	"center": {
		loop: func(in *inputs) kernel {
			a := in.f64("a")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() {
				m := sumLoop(a) / float64(len(a))
				for i := range dst {
					dst[i] = a[i] - m
				}
			})
		},
		floats: func(in *inputs) kernel {
			a := in.f64("a")
			dst := make([]float64, in.n)
			return sliceKernel(dst, func() {
				copy(dst, a)
				floats.AddConst(-floats.Sum(a)/float64(len(a)), dst)
			})
		},
	},
	"triad32": {
		loop: func(in *inputs) kernel {
			b, c := in.f32("b"), in.f32("c")
			dst := make([]float32, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					dst[i] = b[i] + 3*c[i]
				}
			})
		},
	},
	"sin32": {loop: unaryLoop32(math.Sin)},
	"dot32": {
		loop: func(in *inputs) kernel {
			a, b := in.f32("a"), in.f32("b")
			return scalarKernel(func() float32 {
				s := 0.0
				for i := range a {
					s += float64(a[i] * b[i])
				}
				return float32(s)
			})
		},
	},
	"int32ops": {
		loop: func(in *inputs) kernel {
			a, b := in.i32("a"), in.i32("b")
			dst := make([]int32, in.n)
			return sliceKernel(dst, func() {
				for i := range dst {
					dst[i] = floorMod32(floorDiv32(a[i]*3+b[i], 7), 5)
				}
			})
		},
	},
	"long": {loop: longLoop, floats: longFloats},
}

// longLoop is LongExpr as one loop.
func longLoop(in *inputs) kernel {
	a, b, c, d, e := in.f64("a"), in.f64("b"), in.f64("c"), in.f64("d"), in.f64("e")
	dst := make([]float64, in.n)
	return sliceKernel(dst, func() {
		for i := range dst {
			dst[i] = (a[i]*b[i] + c[i]*d[i] - e[i]/2 + 0.5*a[i]*c[i] - 2*b[i]*d[i] +
				(a[i]-b[i])*(c[i]-d[i]) + e[i]*e[i]) / 3
		}
	})
}

// longFloats is LongExpr as fifteen passes of floats calls over two temporaries.
func longFloats(in *inputs) kernel {
	a, b, c, d, e := in.f64("a"), in.f64("b"), in.f64("c"), in.f64("d"), in.f64("e")
	dst, t1, t2 := make([]float64, in.n), make([]float64, in.n), make([]float64, in.n)
	return sliceKernel(dst, func() {
		floats.MulTo(dst, a, b)
		floats.MulTo(t1, c, d)
		floats.Add(dst, t1)
		floats.AddScaled(dst, -0.5, e)
		floats.MulTo(t1, a, c)
		floats.AddScaled(dst, 0.5, t1)
		floats.MulTo(t1, b, d)
		floats.AddScaled(dst, -2, t1)
		floats.SubTo(t1, a, b)
		floats.SubTo(t2, c, d)
		floats.Mul(t1, t2)
		floats.Add(dst, t1)
		floats.MulTo(t1, e, e)
		floats.Add(dst, t1)
		floats.Scale(1.0/3, dst)
	})
}

func unaryLoop64(f func(float64) float64) baselineMaker {
	return func(in *inputs) kernel {
		a := in.f64("a")
		dst := make([]float64, in.n)
		return sliceKernel(dst, func() {
			for i, v := range a {
				dst[i] = f(v)
			}
		})
	}
}

func unaryLoop32(f func(float64) float64) baselineMaker {
	return func(in *inputs) kernel {
		a := in.f32("a")
		dst := make([]float32, in.n)
		return sliceKernel(dst, func() {
			for i, v := range a {
				dst[i] = float32(f(float64(v)))
			}
		})
	}
}

func sumLoop(a []float64) float64 {
	s := 0.0
	for _, v := range a {
		s += v
	}
	return s
}

// floorDiv32 and floorMod32 are Python's // and % (round towards minus infinity), the
// semantics of numkit's integer operators.
func floorDiv32(x, y int32) int32 {
	q := x / y
	if (x%y != 0) && ((x < 0) != (y < 0)) {
		q--
	}
	return q
}

func floorMod32(x, y int32) int32 {
	m := x % y
	if m != 0 && ((m < 0) != (y < 0)) {
		m += y
	}
	return m
}

// sliceKernel wraps a loop that fills dst.
func sliceKernel[T any](dst []T, loop func()) kernel {
	return kernel{
		run:    func() error { loop(); return nil },
		result: func() any { return dst },
	}
}

// scalarKernel wraps a reduction; the result is kept so the compiler cannot drop it.
func scalarKernel[T float64 | float32](reduce func() T) kernel {
	var last T
	return kernel{
		run:    func() error { last = reduce(); return nil },
		result: func() any { return last },
	}
}
