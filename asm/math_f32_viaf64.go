package asm

// float32 arcsinh, arccosh and arctanh run the float64 kernels (assembly at the
// AVX-512 and AVX2 levels) on blocks of widened inputs and round the results: the
// same bits as their twins, float32(asinhF64(float64(v))) and so on, which the
// float64 kernels give at every level. Before, they ran those twins element by
// element in Go at every level (about 20 times slower than the float64 assembly).

// f32ViaF64Block is the number of elements widened at a time: 2 KiB of float64 on
// the stack, in L1 with the block's inputs and outputs.
const f32ViaF64Block = 256

// viaF64Op names the float64 kernel mapF32ViaF64 runs (a switch, not a function
// value, so that the block buffer does not escape to the heap).
type viaF64Op uint8

const (
	viaAsinh viaF64Op = iota
	viaAcosh
	viaAtanh
)

// mapF32ViaF64 sets dst[i] = float32(op(float64(x[i]))); len(dst) == len(x).
func mapF32ViaF64(dst, x []float32, op viaF64Op) {
	var buf [f32ViaF64Block]float64
	for len(x) > 0 {
		n := min(len(x), len(buf))
		b := buf[:n]
		F32ToF64(b, x[:n])
		switch op {
		case viaAsinh:
			AsinhF64(b, b)
		case viaAcosh:
			AcoshF64(b, b)
		default:
			AtanhF64(b, b)
		}
		F64ToF32(dst[:n], b)
		dst, x = dst[n:], x[n:]
	}
}
