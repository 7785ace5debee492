package numeric

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// The binary forms of a Partial and a Carry: an 8-byte magic, a uint16 format
// version, the body (unsigned varints, strings as a length and bytes, words as 8
// little-endian bytes), and the CRC-32C (Castagnoli) of everything before it as 4
// little-endian bytes. The body starts with the head: source, backend, device (for opencl; empty otherwise), whether
// float32 constants were asked for, the pass's stage, the total length, each input's
// name, type, shape and (for a scalar) value, and the reductions of earlier passes.
// A Partial's body goes on with its chunk, its block partials and edges, and its
// element-wise result.
const (
	partialMagic  = "NKPART\x00\x01"
	carryMagic    = "NKCARY\x00\x01"
	partialFormat = 2
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// MarshalBinary encodes the partial (encoding.BinaryMarshaler).
func (p *Partial) MarshalBinary() ([]byte, error) {
	w := newWriter(partialMagic)
	w.head(p.head)
	c := p.chunk
	w.uints(c.Index, c.Count, c.Offset, c.Len, p.firstBlock, len(p.blocks))
	nb := 0
	if len(p.blocks) > 0 {
		nb = len(p.blocks[0])
	}
	w.uints(nb)
	for _, row := range p.blocks {
		for _, q := range row {
			w.words(math.Float64bits(q.F), uint64(q.I), math.Float64bits(q.MeanLo), math.Float64bits(q.M2), math.Float64bits(q.M3), math.Float64bits(q.M4))
		}
	}
	w.uints(len(p.edges))
	for _, ed := range p.edges {
		w.uints(ed.block, ed.offset, ed.n)
		for _, d := range ed.data {
			w.bytes(d)
		}
	}
	w.bytes(p.out)
	final := 0
	if p.final {
		final = 1
	}
	w.uints(int(p.resultType), final)
	return w.finish(), nil
}

// UnmarshalBinary decodes a partial MarshalBinary made, rejecting bytes that are
// truncated, corrupt (the checksum), of another format version, or inconsistent.
func (p *Partial) UnmarshalBinary(data []byte) error {
	r, err := newReader(data, partialMagic, "partial")
	if err != nil {
		return err
	}
	var q Partial
	q.head = r.head()
	c := &q.chunk
	c.Index, c.Count, c.Offset, c.Len, q.firstBlock = r.int(), r.int(), r.int(), r.int(), r.int()
	c.Total = q.head.total
	nred, nb := r.int(), r.int()
	if r.err == nil && (nred > len(r.buf) || nb > len(r.buf) || nred*nb*48 > len(r.buf)) {
		r.fail("block partials")
	}
	for range nred {
		if r.err != nil {
			break
		}
		row := make([]generic.Partial, nb)
		for b := range row {
			row[b] = generic.Partial{F: r.float(), I: int64(r.word()), MeanLo: r.float(), M2: r.float(), M3: r.float(), M4: r.float()}
		}
		q.blocks = append(q.blocks, row)
	}
	nedges := r.int()
	for i := 0; i < nedges && r.err == nil; i++ {
		ed := edge{block: r.int(), offset: r.int(), n: r.int(), data: make([][]byte, len(q.head.inputs))}
		for k := range ed.data {
			ed.data[k] = r.bytes()
		}
		q.edges = append(q.edges, ed)
	}
	q.out = r.bytes()
	q.resultType, q.final = ir.DType(r.int()), r.int() == 1
	if r.err == nil && q.final && (!validDType(q.resultType) || len(q.out) != q.chunk.Len*q.resultType.Size()) {
		r.err = fmt.Errorf("numeric: decoding the partial of %v: a result of %d bytes of type %d: %w", q.chunk, len(q.out), q.resultType, ErrPartial)
	}
	if err := r.done(); err != nil {
		return err
	}
	if err := q.check(); err != nil {
		return err
	}
	*p = q
	return nil
}

// check rejects a decoded partial whose parts do not fit its chunk.
func (p *Partial) check() error {
	if err := p.chunk.check(); err != nil {
		return fmt.Errorf("numeric: decoding a partial: %w (%w)", ErrPartial, err)
	}
	lo, hi := p.chunk.Offset, p.chunk.Offset+p.chunk.Len
	for _, ed := range p.edges {
		if ed.offset < lo || ed.n < 1 || ed.offset+ed.n > hi || ed.block != ed.offset/partialGrain || (ed.offset+ed.n-1)/partialGrain != ed.block {
			return fmt.Errorf("numeric: decoding the partial of %v: an edge of elements %d to %d (block %d) lies outside it or across blocks: %w", p.chunk, ed.offset, ed.offset+ed.n, ed.block, ErrPartial)
		}
	}
	for _, row := range p.blocks {
		if len(row) != len(p.blocks[0]) {
			return fmt.Errorf("numeric: decoding the partial of %v: its reductions have different numbers of blocks: %w", p.chunk, ErrPartial)
		}
	}
	if p.chunk.Count > p.chunk.Total+1<<20 {
		return fmt.Errorf("numeric: decoding the partial of %v: implausibly many chunks: %w", p.chunk, ErrPartial)
	}
	if nb := len(p.blocks); nb > 0 {
		first, last := p.firstBlock*partialGrain, (p.firstBlock+len(p.blocks[0]))*partialGrain
		if first < lo || (last > hi && min(last, p.chunk.Total) != hi) {
			return fmt.Errorf("numeric: decoding the partial of %v: its blocks %d to %d lie outside it: %w", p.chunk, p.firstBlock, p.firstBlock+len(p.blocks[0]), ErrPartial)
		}
	}
	return nil
}

// MarshalBinary encodes the carry (encoding.BinaryMarshaler).
func (c *Carry) MarshalBinary() ([]byte, error) {
	w := newWriter(carryMagic)
	w.head(c.head)
	return w.finish(), nil
}

// UnmarshalBinary decodes a carry MarshalBinary made.
func (c *Carry) UnmarshalBinary(data []byte) error {
	r, err := newReader(data, carryMagic, "carry")
	if err != nil {
		return err
	}
	h := r.head()
	if err := r.done(); err != nil {
		return err
	}
	c.head = h
	return nil
}

type writer struct{ buf []byte }

func newWriter(magic string) *writer {
	w := &writer{buf: append([]byte(nil), magic...)}
	w.buf = binary.LittleEndian.AppendUint16(w.buf, partialFormat)
	return w
}

func (w *writer) uints(vs ...int) {
	for _, v := range vs {
		w.buf = binary.AppendUvarint(w.buf, uint64(v))
	}
}

func (w *writer) words(vs ...uint64) {
	for _, v := range vs {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, v)
	}
}

func (w *writer) bytes(b []byte) { w.uints(len(b)); w.buf = append(w.buf, b...) }

func (w *writer) head(h partialHead) {
	w.bytes([]byte(h.src))
	w.bytes([]byte(h.backend))
	w.bytes([]byte(h.device))
	f := 0
	if h.f32c {
		f = 1
	}
	w.uints(f, h.stage, h.total, len(h.inputs))
	for _, in := range h.inputs {
		s := 0
		if in.scalar {
			s = 1
		}
		w.bytes([]byte(in.name))
		w.uints(int(in.typ), s)
		w.words(in.word)
	}
	w.uints(len(h.given))
	w.words(h.given...)
}

func (w *writer) finish() []byte {
	return binary.LittleEndian.AppendUint32(w.buf, crc32.Checksum(w.buf, castagnoli))
}

type reader struct {
	buf  []byte
	what string
	err  error
}

var errTruncated = errors.New("truncated")

func newReader(data []byte, magic, what string) (*reader, error) {
	if len(data) < len(magic)+2+4 {
		return nil, fmt.Errorf("numeric: decoding a %s: %d bytes is too short: %w", what, len(data), ErrPartial)
	}
	if string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("numeric: decoding a %s: it does not start with the %s magic (is it a numkit %s?): %w", what, what, what, ErrPartial)
	}
	body := data[:len(data)-4]
	if got, want := crc32.Checksum(body, castagnoli), binary.LittleEndian.Uint32(data[len(body):]); got != want {
		return nil, fmt.Errorf("numeric: decoding a %s: checksum %08x, stored %08x: the bytes are corrupt or truncated: %w", what, got, want, ErrPartial)
	}
	if v := binary.LittleEndian.Uint16(body[len(magic):]); v != partialFormat {
		return nil, fmt.Errorf("numeric: decoding a %s: format version %d, this build reads %d: %w", what, v, partialFormat, ErrPartial)
	}
	return &reader{buf: body[len(magic)+2:], what: what}, nil
}

func (r *reader) fail(field string) {
	if r.err == nil {
		r.err = fmt.Errorf("numeric: decoding a %s: %s: %w (%w)", r.what, field, errTruncated, ErrPartial)
	}
}

func (r *reader) int() int {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.buf)
	if k <= 0 || v > math.MaxInt32*uint64(1<<20) {
		r.fail("a count")
		return 0
	}
	r.buf = r.buf[k:]
	return int(v)
}

func (r *reader) word() uint64 {
	if r.err != nil || len(r.buf) < 8 {
		r.fail("a word")
		return 0
	}
	v := binary.LittleEndian.Uint64(r.buf)
	r.buf = r.buf[8:]
	return v
}

func (r *reader) float() float64 { return math.Float64frombits(r.word()) }

// bytes returns a length-prefixed byte string, copied into aligned storage.
func (r *reader) bytes() []byte {
	n := r.int()
	if r.err != nil || n > len(r.buf) {
		r.fail("a byte string")
		return nil
	}
	b := append(alignedBytes(n)[:0], r.buf[:n]...)
	r.buf = r.buf[n:]
	return b
}

func (r *reader) head() partialHead {
	var h partialHead
	h.src, h.backend = string(r.bytes()), string(r.bytes())
	h.device = string(r.bytes())
	h.f32c = r.int() == 1
	h.stage, h.total = r.int(), r.int()
	n := r.int()
	for i := 0; i < n && r.err == nil; i++ {
		in := inputDesc{name: string(r.bytes()), typ: ir.DType(r.int())}
		in.scalar = r.int() == 1
		in.word = r.word()
		if r.err == nil && (in.typ.Size() == 0 || !validDType(in.typ)) {
			r.err = fmt.Errorf("numeric: decoding a %s: input %s has unknown type %d: %w", r.what, in.name, in.typ, ErrPartial)
		}
		h.inputs = append(h.inputs, in)
	}
	ng := r.int()
	for i := 0; i < ng && r.err == nil; i++ {
		h.given = append(h.given, r.word())
	}
	return h
}

func validDType(t ir.DType) bool {
	switch t {
	case ir.Bool, ir.Int32, ir.Int64, ir.Float32, ir.Float64:
		return true
	}
	return false
}

func (r *reader) done() error {
	if r.err != nil {
		return r.err
	}
	if len(r.buf) != 0 {
		return fmt.Errorf("numeric: decoding a %s: %d bytes left over: %w", r.what, len(r.buf), ErrPartial)
	}
	return nil
}

// bindingOf makes the binding of a scalar word or of an array in raw little-endian
// bytes (aligned storage for t).
func bindingOf(t ir.DType, scalar bool, word uint64, raw []byte) binding {
	if scalar {
		return binding{Type: t, Scalar: true, Word: word}
	}
	b := binding{Type: t, N: len(raw) / t.Size()}
	if len(raw) > 0 {
		b.Ptr = unsafe.Pointer(&raw[0])
	}
	return b
}

// rawBytes returns the bytes of elements [lo, hi) of an array binding.
func rawBytes(b binding, lo, hi int) []byte {
	if hi <= lo || b.Ptr == nil {
		return nil
	}
	size := b.Type.Size()
	return unsafe.Slice((*byte)(unsafe.Add(b.Ptr, lo*size)), (hi-lo)*size)
}

// alignedBytes returns n zero bytes aligned for any element type.
func alignedBytes(n int) []byte {
	if n == 0 {
		return []byte{}
	}
	words := make([]uint64, (n+7)/8)
	return unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(words)*8)[:n]
}

// outputBytes views an array output's elements as bytes.
func outputBytes(o output) []byte {
	if o.Ptr == nil {
		return nil
	}
	return unsafe.Slice((*byte)(o.Ptr), o.N*o.Type.Size())
}

// sliceView returns raw (aligned storage) as a slice of t without copying.
func sliceView(t ir.DType, raw []byte) any {
	n := len(raw) / t.Size()
	var p unsafe.Pointer
	if n > 0 {
		p = unsafe.Pointer(&raw[0])
	}
	switch t {
	case ir.Float64:
		return unsafe.Slice((*float64)(p), n)
	case ir.Float32:
		return unsafe.Slice((*float32)(p), n)
	case ir.Int64:
		return unsafe.Slice((*int64)(p), n)
	case ir.Int32:
		return unsafe.Slice((*int32)(p), n)
	}
	return unsafe.Slice((*bool)(p), n)
}
