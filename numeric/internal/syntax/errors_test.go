package syntax

import (
	"strings"
	"testing"
)

func TestErrorString(t *testing.T) {
	long := strings.Repeat("a+", 100) + ")" + strings.Repeat("+b", 100) // ")" at offset 200
	tests := []struct {
		name string
		src  string
		pos  Pos // used when msg is set; otherwise Parse's error is checked
		msg  string
		want string
	}{
		{name: "parse", src: "a + )",
			want: "1:5: unexpected \")\"\n  a + )\n      ^"},
		{name: "empty source has no context", src: "",
			want: "1:1: empty expression"},
		{name: "blank line has no context", src: "   \n", pos: 4, msg: "m",
			want: "2:1: m"},
		{name: "end of line", src: "a +\nb", pos: 3, msg: "m",
			want: "1:4: m\n  a +\n     ^"},
		{name: "second line", src: "a +\nb + )", pos: 8, msg: "m",
			want: "2:5: m\n  b + )\n      ^"},
		{name: "tabs are copied", src: "\ta +\n\t\t)",
			want: "2:3: unexpected \")\"\n  \t\t)\n  \t\t^"},
		{name: "tab inside the line", src: "a\t+\t)",
			want: "1:5: unexpected \")\"\n  a\t+\t)\n   \t \t^"},
		{name: "CR LF", src: "a +\r\nb +\r\n  )",
			want: "3:3: unexpected \")\"\n    )\n    ^"},
		{name: "multi-byte characters count once", src: "é + ü * x", pos: 8, msg: "m",
			want: "1:7: m\n  é + ü * x\n        ^"},
		{name: "control characters shown as ?", src: "a\x01b + )", pos: 6, msg: "m",
			want: "1:7: m\n  a?b + )\n        ^"},
		{name: "offset clamped high", src: "ab", pos: 10, msg: "m",
			want: "1:3: m\n  ab\n    ^"},
		{name: "offset clamped low", src: "ab", pos: -5, msg: "m",
			want: "1:1: m\n  ab\n  ^"},
		{name: "long line window", src: long,
			want: "1:201: unexpected \")\"\n  …" + strings.Repeat("a+", 30) + ")" +
				strings.Repeat("+b", 30) + "…\n   " + strings.Repeat(" ", 60) + "^"},
		{name: "long line, column near the start", src: "x" + strings.Repeat("+b", 100), pos: 0, msg: "m",
			want: "1:1: m\n  x" + strings.Repeat("+b", 30) + "…\n  ^"},
		{name: "percent in message", src: "a", pos: 0, msg: "100%",
			want: "1:1: 100%\n  a\n  ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err *Error
			if tt.msg != "" {
				err = Errorf(tt.src, tt.pos, "%s", tt.msg)
			} else {
				_, perr := Parse(tt.src)
				if perr == nil {
					t.Fatalf("Parse(%q) succeeded", tt.src)
				}
				err = perr.(*Error)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s\n(%q, want %q)", got, tt.want, got, tt.want)
			}
		})
	}
}

func TestErrorf(t *testing.T) {
	src := "a +\r\nbé\r+\nc"
	err := Errorf(src, 11, "bad %s %d", "thing", 3)
	want := Error{Src: src, Offset: 11, Line: 4, Col: 1, Msg: "bad thing 3"}
	if *err != want {
		t.Errorf("Errorf = %+v, want %+v", *err, want)
	}
	if err := Errorf(src, 8, "m"); err.Line != 2 || err.Col != 3 { // after "bé"
		t.Errorf("Errorf at 8: %d:%d, want 2:3", err.Line, err.Col)
	}
	if err := Errorf(src, 4, "m"); err.Line != 2 || err.Col != 1 { // on the "\n" of "\r\n"
		t.Errorf("Errorf at 4: %d:%d, want 2:1", err.Line, err.Col)
	}
}
