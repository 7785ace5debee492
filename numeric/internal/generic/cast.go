package generic

import "github.com/numkit/numkit/numeric/ir"

func init() {
	registerCastsFrom[int32]()
	registerCastsFrom[int64]()
	registerCastsFrom[float32]()
	registerCastsFrom[float64]()
	registerCastTo[bool, int32](func(b bool) int32 { return int32(b2i(b)) })
	registerCastTo[bool, int64](func(b bool) int64 { return int64(b2i(b)) })
	registerCastTo[bool, float32](func(b bool) float32 { return float32(b2i(b)) })
	registerCastTo[bool, float64](func(b bool) float64 { return float64(b2i(b)) })
}

// registerCastsFrom registers the conversions from S to every numeric type but S.
func registerCastsFrom[S Number]() {
	registerCast[S, int32]()
	registerCast[S, int64]()
	registerCast[S, float32]()
	registerCast[S, float64]()
}

func registerCast[S, D Number]() {
	if DTypeOf[S]() == DTypeOf[D]() {
		return
	}
	register(ir.OpCast, DTypeOf[D](), DTypeOf[S](), Unary(func(dst []D, x []S) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = D(x[i])
		}
	}))
}

func registerCastTo[S, D Elem](f func(S) D) {
	register(ir.OpCast, DTypeOf[D](), DTypeOf[S](), Unary(func(dst []D, x []S) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = f(x[i])
		}
	}))
}
