package beam

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"reflect"
	"sort"
	"unsafe"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths by default
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/numkit/numkit/numeric"
	"github.com/numkit/numkit/numeric/npy"
)

// Input is one variable of an expression: the files that hold its chunks, in order
// (a glob in any Beam filesystem: local paths, gs://, s3://, ... whose scheme the
// program imports). Files are .npy (1-d, little-endian float64, float32, int64, int32
// or bool), or with DType set raw little-endian columns of that type
// ("float64", "float32", "int64", "int32", "bool").
type Input struct {
	Name  string
	Glob  string
	DType string
}

// ChunkSpec says where chunk Index of Count lives: elements [Offset, Offset+Len) of
// Total, one file per variable.
type ChunkSpec struct {
	Index, Count, Offset, Len, Total int
	Names, Types, Files              []string
	Raw                              []bool
}

// Chunk is one chunk of every variable: raw little-endian columns in memory. Its coder
// (registered) writes the columns as they are, with a CRC-32C.
type Chunk struct {
	Index, Count, Offset, Total int
	Names, Types                []string
	Columns                     [][]byte
}

// Plan lists the chunks of the inputs: file i of every variable is chunk i (files
// sorted by name). It reads each file's header (or size) once, at pipeline
// construction, to place the chunks and check that every variable's files have the
// same lengths.
func Plan(ctx context.Context, inputs []Input) ([]ChunkSpec, error) {
	if len(inputs) == 0 {
		return nil, errors.New("numkit/beam: no inputs")
	}
	var files [][]string
	var lens [][]int
	types := make([]string, len(inputs))
	for v, in := range inputs {
		fs, err := filesystem.New(ctx, in.Glob)
		if err != nil {
			return nil, fmt.Errorf("numkit/beam: input %s: %w", in.Name, err)
		}
		list, err := fs.List(ctx, in.Glob)
		fs.Close()
		if err != nil {
			return nil, fmt.Errorf("numkit/beam: input %s: listing %s: %w", in.Name, in.Glob, err)
		}
		if len(list) == 0 {
			return nil, fmt.Errorf("numkit/beam: input %s: no file matches %s", in.Name, in.Glob)
		}
		sort.Strings(list)
		if v > 0 && len(list) != len(files[0]) {
			return nil, fmt.Errorf("numkit/beam: input %s has %d files, %s has %d: every variable needs one file per chunk", in.Name, len(list), inputs[0].Name, len(files[0]))
		}
		var ls []int
		for _, f := range list {
			t, n, err := fileHeader(ctx, f, in.DType)
			if err != nil {
				return nil, fmt.Errorf("numkit/beam: input %s: %w", in.Name, err)
			}
			if types[v] == "" {
				types[v] = t
			} else if t != types[v] {
				return nil, fmt.Errorf("numkit/beam: input %s: %s holds %s, the files before it %s", in.Name, f, t, types[v])
			}
			ls = append(ls, n)
		}
		files, lens = append(files, list), append(lens, ls)
	}
	specs := make([]ChunkSpec, len(files[0]))
	offset := 0
	for i := range specs {
		sp := ChunkSpec{Index: i, Count: len(specs), Offset: offset, Len: lens[0][i]}
		for v, in := range inputs {
			if lens[v][i] != sp.Len {
				return nil, fmt.Errorf("numkit/beam: chunk %d: %s has %d elements, %s %d", i, files[v][i], lens[v][i], files[0][i], sp.Len)
			}
			sp.Names = append(sp.Names, in.Name)
			sp.Types = append(sp.Types, types[v])
			sp.Files = append(sp.Files, files[v][i])
			sp.Raw = append(sp.Raw, in.DType != "")
		}
		specs[i] = sp
		offset += sp.Len
	}
	for i := range specs {
		specs[i].Total = offset
	}
	return specs, nil
}

var elemSize = map[string]int{"float64": 8, "float32": 4, "int64": 8, "int32": 4, "bool": 1}

// npyTypes maps the .npy dtypes read as raw little-endian columns to their types.
var npyTypes = map[string]string{"<f8": "float64", "<f4": "float32", "<i8": "int64", "<i4": "int32", "|b1": "bool"}

// npyColumn reads a .npy header with numeric/npy and returns the element type and
// length of the 1-d little-endian array that follows it, which is then the column's raw
// bytes as is.
func npyColumn(r io.Reader, path string) (string, int, error) {
	h, err := npy.ReadHeader(r)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", path, err)
	}
	t, ok := npyTypes[h.Descr]
	if !ok || len(h.Shape) != 1 {
		return "", 0, fmt.Errorf("%s: an array of shape %v and dtype %q: want a 1-d array of little-endian float64, float32, int64, int32 or bool (<f8, <f4, <i8, <i4, |b1)", path, h.Shape, h.Descr)
	}
	return t, h.Shape[0], nil
}

// fileHeader returns a file's element type and length.
func fileHeader(ctx context.Context, path, dtype string) (string, int, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return "", 0, err
	}
	defer fs.Close()
	if dtype != "" {
		size, ok := elemSize[dtype]
		if !ok {
			return "", 0, fmt.Errorf("%s: dtype %q: want float64, float32, int64, int32 or bool", path, dtype)
		}
		n, err := fs.Size(ctx, path)
		if err != nil {
			return "", 0, err
		}
		if n%int64(size) != 0 {
			return "", 0, fmt.Errorf("%s: %d bytes is not a whole number of %s values", path, n, dtype)
		}
		return dtype, int(n) / size, nil
	}
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	return npyColumn(bufio.NewReader(rc), path)
}

// ReadChunks reads the chunks specs lists (Plan) into a PCollection of Chunk.
func ReadChunks(s beam.Scope, specs []ChunkSpec) beam.PCollection {
	s = s.Scope("numkit.ReadChunks")
	return beam.ParDo(s, &readChunkFn{}, beam.CreateList(s, specs))
}

type readChunkFn struct{}

func (fn *readChunkFn) ProcessElement(ctx context.Context, sp ChunkSpec) (Chunk, error) {
	return sp.Read(ctx)
}

// Read reads the chunk's files: the data after a .npy header (parsed by numeric/npy)
// is read as the column's raw little-endian bytes.
func (sp ChunkSpec) Read(ctx context.Context) (Chunk, error) {
	c := Chunk{Index: sp.Index, Count: sp.Count, Offset: sp.Offset, Total: sp.Total, Names: sp.Names, Types: sp.Types}
	for v, f := range sp.Files {
		col, err := readColumn(ctx, f, sp.Types[v], sp.Raw[v], sp.Len)
		if err != nil {
			return Chunk{}, fmt.Errorf("numkit/beam: chunk %d, input %s: %w", sp.Index, sp.Names[v], err)
		}
		c.Columns = append(c.Columns, col)
	}
	return c, nil
}

// readColumn reads n values of type t from path as raw little-endian bytes.
func readColumn(ctx context.Context, path, t string, raw bool, n int) ([]byte, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	if !raw {
		ft, fn, err := npyColumn(br, path)
		if err != nil {
			return nil, err
		}
		if fn != n || ft != t {
			return nil, fmt.Errorf("%s: %d values of %s, planned %d of %s (did the file change?)", path, fn, ft, n, t)
		}
		// The data of a 1-d C-ordered little-endian array follows the header as is.
	}
	buf := make([]byte, n*elemSize[t])
	if _, err := io.ReadFull(br, buf); err != nil {
		return nil, fmt.Errorf("%s: reading %d values: %w", path, n, err)
	}
	return buf, nil
}

// Vars returns the chunk's columns as numeric variables (copied into typed, aligned
// slices).
func (c Chunk) Vars() (numeric.Vars, error) {
	vars := numeric.Vars{}
	for v, name := range c.Names {
		col, err := typedColumn(c.Types[v], c.Columns[v])
		if err != nil {
			return nil, fmt.Errorf("numkit/beam: chunk %d, input %s: %w", c.Index, name, err)
		}
		vars[name] = col
	}
	return vars, nil
}

// Len is the chunk's number of elements.
func (c Chunk) Len() int {
	if len(c.Columns) == 0 {
		return 0
	}
	return len(c.Columns[0]) / elemSize[c.Types[0]]
}

// NumericChunk is the chunk's place for numeric.EvalPartial.
func (c Chunk) NumericChunk() numeric.Chunk {
	return numeric.Chunk{Index: c.Index, Count: c.Count, Offset: c.Offset, Len: c.Len(), Total: c.Total}
}

func typedColumn(t string, raw []byte) (any, error) {
	size, ok := elemSize[t]
	if !ok || len(raw)%size != 0 {
		return nil, fmt.Errorf("%d bytes of %q", len(raw), t)
	}
	n := len(raw) / size
	switch t {
	case "float64":
		return fromBytes[float64](raw, n), nil
	case "float32":
		return fromBytes[float32](raw, n), nil
	case "int64":
		return fromBytes[int64](raw, n), nil
	case "int32":
		return fromBytes[int32](raw, n), nil
	}
	return fromBytes[bool](raw, n), nil
}

// fromBytes copies little-endian raw bytes into a new []T (this package assumes a
// little-endian machine, as numkit's kernels do).
func fromBytes[T any](raw []byte, n int) []T {
	s := make([]T, n)
	if n > 0 {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(raw)), raw)
	}
	return s
}

var chunkCRC = crc32.MakeTable(crc32.Castagnoli)

// encodeChunk and decodeChunk are Chunk's coder.
func encodeChunk(c Chunk) ([]byte, error) {
	b := binary.AppendUvarint(nil, 1) // format version
	for _, v := range []int{c.Index, c.Count, c.Offset, c.Total, len(c.Names)} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	for v := range c.Names {
		for _, s := range []string{c.Names[v], c.Types[v], string(c.Columns[v])} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, chunkCRC)), nil
}

func decodeChunk(b []byte) (Chunk, error) {
	bad := func(what string) (Chunk, error) {
		return Chunk{}, fmt.Errorf("numkit/beam: decoding a chunk: %s", what)
	}
	if len(b) < 5 || crc32.Checksum(b[:len(b)-4], chunkCRC) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return bad("checksum mismatch (corrupt or truncated)")
	}
	b = b[:len(b)-4]
	next := func() int {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > uint64(len(b))<<3+1<<40 {
			return -1
		}
		b = b[k:]
		return int(v)
	}
	if next() != 1 {
		return bad("unknown format version")
	}
	var c Chunk
	c.Index, c.Count, c.Offset, c.Total = next(), next(), next(), next()
	nv := next()
	if c.Index < 0 || c.Count < 0 || c.Offset < 0 || c.Total < 0 || nv < 0 || nv > len(b) {
		return bad("bad header")
	}
	str := func() (string, bool) {
		n := next()
		if n < 0 || n > len(b) {
			return "", false
		}
		s := string(b[:n])
		b = b[n:]
		return s, true
	}
	for range nv {
		name, ok1 := str()
		typ, ok2 := str()
		n := next()
		if !ok1 || !ok2 || n < 0 || n > len(b) {
			return bad("truncated column")
		}
		c.Names, c.Types, c.Columns = append(c.Names, name), append(c.Types, typ), append(c.Columns, append([]byte(nil), b[:n]...))
		b = b[n:]
	}
	return c, nil
}

func init() {
	beam.RegisterCoder(reflect.TypeOf(Chunk{}), encodeChunk, decodeChunk)
	beam.RegisterType(reflect.TypeOf(ChunkSpec{}))
	register.DoFn2x2[context.Context, ChunkSpec, Chunk, error](&readChunkFn{})
}
