package compile

import (
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// Literal-only expressions fold as Python computes them, typed as numexpr types the
// value (int32 if it fits, else int64; float64; bool).
func TestExactFolding(t *testing.T) {
	tests := []struct {
		src  string
		want string // the constant as Value.String prints it, "" for an error
		typ  ir.DType
		err  string
	}{
		{src: "2**40", want: "1099511627776", typ: ir.Int64},
		{src: "2**31", want: "2147483648", typ: ir.Int64},
		{src: "2**31 - 1", want: "2147483647", typ: ir.Int32},
		{src: "-2**31", want: "-2147483648", typ: ir.Int32},
		{src: "-2**63", want: "-9223372036854775808", typ: ir.Int64},
		{src: "2**62 + 2**62 - 1", want: "9223372036854775807", typ: ir.Int64},
		{src: "2**-1", want: "0.5", typ: ir.Float64},
		// CPython's float ** is libm's pow (Go's math.Pow multiplies out integer powers:
		// 1.0000000000000053e-51 and 3.162277660168356e+76)
		{src: "0.1 ** 51", want: "1.0000000000000028e-51", typ: ir.Float64},
		{src: "(0.1 ** 51) ** -1.5", want: "3.162277660168366e+76", typ: ir.Float64},
		{src: "1.1 ** 50", want: "117.39085287969579", typ: ir.Float64},
		{src: "7 // -2", want: "-4", typ: ir.Int32},
		{src: "-7 % 3", want: "2", typ: ir.Int32},
		{src: "7 % -3", want: "-2", typ: ir.Int32},
		{src: "-7.0 // 2", want: "-4", typ: ir.Float64},
		{src: "7 / 2", want: "3.5", typ: ir.Float64},
		{src: "(2**53 + 1) / 1", want: "9.007199254740992e+15", typ: ir.Float64},
		{src: "2**53 + 1 == 2.0**53", want: "False", typ: ir.Bool},
		{src: "True + True", want: "2", typ: ir.Int32},
		{src: "~True", want: "False", typ: ir.Bool},
		{src: "True & False | True", want: "True", typ: ir.Bool},
		{src: "1 << 40", want: "1099511627776", typ: ir.Int64},
		{src: "-1 >> 100", want: "-1", typ: ir.Int32},
		{src: "~0", want: "-1", typ: ir.Int32},
		{src: "2**5000 // 2**4990", err: "too large"},
		{src: "1 << 9223372036854775807", err: "too large"}, // the size check once overflowed int64: a panic
		{src: "4 ** 9223372036854775807", err: "too large"}, // ... and a hang
		{src: "3 ** 4611686018427387904", err: "too large"},
		{src: "2**63", err: "does not fit in int64"},
		{src: "1 // 0", err: "division by zero"},
		{src: "1.0 % 0.0", err: "division by zero"},
		{src: "0.0 ** -1", err: "negative power"},
		{src: "(-4) ** 2", want: "16", typ: ir.Int32},
		{src: "10.0 ** 400", err: "overflows"},
		{src: "1 << -1", err: "negative shift"},
		{src: "1.5 & 1", err: "not defined on float"},
		{src: "~1.5", err: "~ is not defined on float64"},
		{src: "abs(-2147483648)", err: "integer overflow in a constant expression"},
	}
	for _, tt := range tests {
		p, err := lowerForTest(t, tt.src, nil)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one containing %q", tt.src, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		info := p.Regs[p.Result]
		if info.Kind != ir.RegConst || info.Type != tt.typ || info.Const.String() != tt.want {
			t.Errorf("%s = %v (%s, kind %v), want %s (%s)", tt.src, info.Const, info.Type, info.Kind, tt.want, tt.typ)
		}
	}
}
