package numeric

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestPartialUnmarshalRejects checks that truncated, corrupted and foreign bytes are
// rejected with ErrPartial and a message saying why, never a panic.
func TestPartialUnmarshalRejects(t *testing.T) {
	a := make([]float64, 5000)
	for i := range a {
		a[i] = float64(i) / 7
	}
	c := Chunk{Index: 0, Count: 2, Offset: 0, Len: 5000, Total: 9000}
	p, err := MustCompile("sum(a)*2", WithBackend(BackendGonum)).EvalPartial(context.Background(), c, Vars{"a": a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var ok Partial
	if err := ok.UnmarshalBinary(raw); err != nil || ok.Chunk() != c || len(ok.edges) != 1 || ok.edges[0].n != 5000-4096 {
		t.Fatalf("round trip: %v, chunk %v, edges %d", err, ok.Chunk(), len(ok.edges))
	}
	flipped := append([]byte(nil), raw...)
	flipped[len(flipped)/2] ^= 0x10
	version := append([]byte(nil), raw...)
	version[len(partialMagic)] = 9
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"truncated", raw[:len(raw)-9], "checksum"},
		{"one bit flipped", flipped, "checksum"},
		{"a carry", mustMarshal(t, &Carry{head: p.head}), "magic"},
		{"version", version, "checksum"}, // the checksum covers the version
	} {
		var q Partial
		err := q.UnmarshalBinary(tc.data)
		if !errors.Is(err, ErrPartial) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrPartial mentioning %q", tc.name, err, tc.want)
		}
	}
	// A body that passes the checksum but ends early: re-checksummed truncation.
	w := &writer{buf: append([]byte(nil), raw[:len(raw)/2]...)}
	var q Partial
	if err := q.UnmarshalBinary(w.finish()); !errors.Is(err, ErrPartial) {
		t.Errorf("a re-checksummed truncated body: %v, want ErrPartial", err)
	}
}

func mustMarshal(t *testing.T, c *Carry) []byte {
	b, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzPartialUnmarshal checks that no input makes UnmarshalBinary panic.
func FuzzPartialUnmarshal(f *testing.F) {
	a := []float64{1, 2, 3}
	p, err := MustCompile("a*2", WithBackend(BackendGonum)).EvalPartial(context.Background(), Chunk{Count: 1, Len: 3, Total: 3}, Vars{"a": a}, nil)
	if err != nil {
		f.Fatal(err)
	}
	raw, _ := p.MarshalBinary()
	f.Add(raw)
	f.Fuzz(func(t *testing.T, data []byte) {
		var q Partial
		_ = q.UnmarshalBinary(data)
		w := &writer{buf: append([]byte(nil), data...)}
		_ = q.UnmarshalBinary(w.finish())
	})
}
