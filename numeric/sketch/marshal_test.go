package sketch

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"testing"
)

func sampleSketch(t testing.TB, opts ...Option) *CountMin {
	c := mustNew(t, 0.05, 0.05, append([]Option{WithSeed(42)}, opts...)...)
	keys, _ := zipfStream(2000, 1<<12, 8)
	for _, k := range keys {
		c.AddUint64(k, 1)
	}
	c.AddString("hello", 1000)
	return c
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, opts := range [][]Option{nil, {Conservative()}} {
		c := sampleSketch(t, opts...)
		data, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back CountMin
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatal(err)
		}
		if back.width != c.width || back.depth != c.depth || back.seed != c.seed || back.total != c.total ||
			back.conservative != c.conservative || !slices.Equal(back.counts, c.counts) {
			t.Errorf("round trip changed the sketch")
		}
		if back.CountString("hello") != c.CountString("hello") {
			t.Errorf("hello: %d after the round trip, %d before", back.CountString("hello"), c.CountString("hello"))
		}
		if err := back.Merge(c); err != nil { // the decoded sketch merges with the original
			t.Error(err)
		}
	}
}

// TestUnmarshalCorrupt flips every bit of every byte and truncates at every length:
// each must be rejected with ErrCorrupt, and the receiver left unchanged.
func TestUnmarshalCorrupt(t *testing.T) {
	data, _ := sampleSketch(t).MarshalBinary()
	keep := sampleSketch(t, Conservative())
	before, _ := keep.MarshalBinary()
	check := func(what string, bad []byte) {
		t.Helper()
		if err := keep.UnmarshalBinary(bad); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("%s: %v; want ErrCorrupt", what, err)
		}
	}
	for i := range data {
		for bit := range 8 {
			bad := slices.Clone(data)
			bad[i] ^= 1 << bit
			check("flipped bit", bad)
		}
	}
	for n := range len(data) {
		check("truncated", data[:n])
	}
	check("extended", append(slices.Clone(data), 0))
	// a well-formed checksum over a lying header: a huge shape for a few bytes
	forged := slices.Clone(data[:headerSize])
	binary.LittleEndian.PutUint32(forged[6:], 1<<16)
	binary.LittleEndian.PutUint32(forged[10:], 1<<12)
	forged = append(forged, 1, 2, 3)
	forged = binary.LittleEndian.AppendUint32(forged, crc(forged))
	check("forged shape", forged)
	// a valid checksum over counters that do not add up to the total
	lying := slices.Clone(data[:len(data)-checksumSize])
	binary.LittleEndian.PutUint64(lying[22:], 12345)
	lying = binary.LittleEndian.AppendUint32(lying, crc(lying))
	check("wrong total", lying)
	if after, _ := keep.MarshalBinary(); !slices.Equal(before, after) {
		t.Error("a failed UnmarshalBinary changed the receiver")
	}
}

func FuzzUnmarshalBinary(f *testing.F) {
	data, _ := sampleSketch(f).MarshalBinary()
	f.Add(data)
	small, _ := NewSize(3, 2)
	small.AddString("a", 2)
	sd, _ := small.MarshalBinary()
	f.Add(sd)
	f.Add([]byte("NKCM"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c CountMin
		if err := c.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		// whatever decodes is a usable sketch that re-encodes to the same sketch
		c.AddString("x", 1)
		_ = c.CountUint64(7)
		again, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var d CountMin
		if err := d.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-encoded sketch does not decode: %v", err)
		}
		if !slices.Equal(c.counts, d.counts) || c.total != d.total {
			t.Fatal("re-encoded sketch differs")
		}
	})
}

func crc(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }
