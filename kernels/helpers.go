package kernels

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// helperTexts are the helper functions' bodies. In them T is the C type, U its
// unsigned type (integers), I the unsigned integer of the same width (floats), S the
// name suffix, W the width in bits, and F(x) a float literal of type T.
var helperTexts = map[string]string{
	// Python's x // y on integers; x // 0 = 0 and MinInt // -1 wraps to MinInt.
	"floordiv/int": `T nk_floordiv_S(T x, T y) {
	if (y == 0) return 0;
	if (y == -1) return (T)((U)0 - (U)x);
	T q = x / y;
	if (x % y != 0 && ((x < 0) != (y < 0))) q--;
	return q;
}`,
	// Python's x % y on integers (the sign of y); x % 0 = 0.
	"mod/int": `T nk_mod_S(T x, T y) {
	if (y == 0 || y == -1) return 0;
	T r = x % y;
	if (r != 0 && ((r < 0) != (y < 0))) r += y;
	return r;
}`,
	// x ** y on integers, wrapping; a negative y gives 0 except for bases 1 and -1.
	"pow/int": `T nk_pow_S(T x, T y) {
	if (y < 0) {
		if (x == 1) return 1;
		if (x == -1) return (y & 1) ? -1 : 1;
		return 0;
	}
	U r = 1, b = (U)x;
	while (y > 0) {
		if (y & 1) r *= b;
		b *= b;
		y >>= 1;
	}
	return (T)r;
}`,
	"shl/int": `T nk_shl_S(T x, T n) {
	if (n < 0 || n >= W) return 0;
	return (T)((U)x << n);
}`,
	"shr/int": `T nk_shr_S(T x, T n) {
	if (n < 0 || n >= W) return x < 0 ? -1 : 0;
	return x >> n;
}`,
	// Python's x // y on floats as NumPy computes it: the floor of the exact
	// quotient; x // 0 is x / 0.
	"floordiv/float": `T nk_floordiv_S(T x, T y) {
	if (y == 0) return x / y;
	T m = fmod(x, y);
	T d = (x - m) / y;
	if (m != 0 && ((y < 0) != (m < 0))) d -= F(1.0);
	if (d == 0) return copysign(F(0.0), x / y);
	T f = floor(d);
	if (d - f > F(0.5)) f += F(1.0);
	return f;
}`,
	// Python's x % y on floats: the sign of y; x % 0 is NaN.
	"mod/float": `T nk_mod_S(T x, T y) {
	T m = fmod(x, y);
	if (m != 0) {
		if ((y < 0) != (m < 0)) m += y;
	} else {
		m = copysign(F(0.0), y);
	}
	return m;
}`,
	// NumPy's maximum and minimum: NaN if either is NaN, y when they are equal.
	"max/float": `T nk_max_S(T x, T y) {
	if (isnan(x)) return x;
	if (isnan(y)) return y;
	return x > y ? x : y;
}`,
	"min/float": `T nk_min_S(T x, T y) {
	if (isnan(x)) return x;
	if (isnan(y)) return y;
	return x < y ? x : y;
}`,
	// Go's math.Nextafter: nextafter(x, x) is x (C's gives y, which differs for ±0).
	"nextafter/float": `T nk_nextafter_S(T x, T y) {
	if (isnan(x) || isnan(y)) return x + y;
	if (x == y) return x;
	if (x == 0) return copysign(as_T((I)1), y);
	I b = as_I(x);
	if ((y > x) == (x > 0)) b++; else b--;
	return as_T(b);
}`,
}

// helper returns the name of helper function name for type t, adding its definition
// to the program the first time.
func (g *gen) helper(name string, t ir.DType) string {
	fn := fmt.Sprintf("nk_%s_%s", name, suffix(t))
	if g.helpers[fn] {
		return fn
	}
	kind := "int"
	if t.IsFloat() {
		kind = "float"
	}
	text, ok := helperTexts[name+"/"+kind]
	if !ok {
		panic("kernels: no helper " + name + "/" + kind) // a bug in this package
	}
	g.helpers[fn] = true
	g.use(t)
	g.helperOrder = append(g.helperOrder, expandHelper(text, t))
	return fn
}

// expandHelper substitutes the placeholders of a helper text for type t.
func expandHelper(text string, t ir.DType) string {
	lit := func(s string) string { return floatLit(t, s) }
	var out strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		// Placeholders are single capital letters not inside an identifier.
		isWord := func(j int) bool {
			if j < 0 || j >= len(text) {
				return false
			}
			b := text[j]
			return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
		}
		standalone := !isWord(i-1) && !isWord(i+1)
		switch {
		case c == 'F' && i+1 < len(text) && text[i+1] == '(' && !isWord(i-1):
			end := strings.IndexByte(text[i:], ')')
			out.WriteString(lit(text[i+2 : i+end]))
			i += end
		case c == 'S' && i > 0 && text[i-1] == '_' && !isWord(i+1):
			out.WriteString(suffix(t))
		case c == 'T' && standalone:
			out.WriteString(ctype(t))
		case c == 'U' && standalone:
			out.WriteString(utype(t))
		case c == 'I' && standalone:
			if t == ir.Float32 {
				out.WriteString("uint")
			} else {
				out.WriteString("ulong")
			}
		case c == 'W' && standalone:
			fmt.Fprint(&out, bits(t))
		case c == 'T' && i > 0 && text[i-1] == '_' && !isWord(i+1): // as_T
			out.WriteString(ctype(t))
		case c == 'I' && i > 0 && text[i-1] == '_' && !isWord(i+1): // as_I
			if t == ir.Float32 {
				out.WriteString("uint")
			} else {
				out.WriteString("ulong")
			}
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}
