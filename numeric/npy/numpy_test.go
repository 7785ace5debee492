package npy

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// numpyScript writes NumPy's files (phase "write") and checks numkit's (phase "check").
// Its arrays are testData's: the same formulas, the same IEEE operations.
const numpyScript = `
import sys, io, os
import numpy as np
from numpy.lib import format as fmt

phase, d = sys.argv[1], sys.argv[2]
lengths = [int(x) for x in open(os.path.join(d, "lengths.txt")).read().split()]

def data(dt, n):
    i = np.arange(n, dtype=np.int64)
    if dt == "float64": return i.astype(np.float64) * 0.1 + 1.0 / 3.0
    if dt == "float32": return (i.astype(np.float64) * 0.1 + 1.0 / 3.0).astype(np.float32)
    if dt == "int64": return i * 2654435761 - (1 << 40)
    if dt == "int32": return (i * 2654435761 % (1 << 32) - (1 << 31)).astype(np.int32)
    if dt == "bool": return i * 7919 % 3 == 0
    if dt == "complex128":
        z = np.empty(n, dtype=np.complex128)
        z.real, z.imag = data("float64", n), i.astype(np.float64) * 0.25 - 7.0
        return z
    if dt == "complex64": return data("complex128", n).astype(np.complex64)
    raise ValueError(dt)

def specials():
    out = []
    for dt in ["<f8", ">f8", "<f4", ">f4", "<i8", ">i8", "<i4", ">i4", "<i2", ">i2", "|i1",
               "<u8", ">u8", "<u4", ">u4", "<u2", ">u2", "|u1", "|b1", "<c16", ">c16", "<c8", ">c8"]:
        t = np.dtype(dt)
        if t.kind == "c":
            fi = np.finfo(t)
            vals = [complex(0.0, -0.0), complex(1.5, -2.0), complex(np.nan, 1.0), complex(np.inf, -np.inf),
                    complex(-0.0, np.nan), complex(fi.tiny / 4, fi.max), complex(fi.min, 1.0 / 3.0), -7.25j]
        elif t.kind == "f":
            fi = np.finfo(t)
            vals = [0.0, -0.0, 1.5, np.nan, np.inf, -np.inf, fi.tiny / 4, fi.max, fi.min, 1.0 / 3.0, -7.25, 2.0 ** -20]
        elif t.kind in "iu":
            ii = np.iinfo(t)
            vals = [0, 1, ii.max, ii.min, ii.max - 1, ii.min + 1, 7, 100, 3, 5, 11, 42]
        else:
            vals = [True, False, False, True, True]
        with np.errstate(all="ignore"):
            base = np.resize(np.array(vals).astype(t), 24).astype(t)  # resize returns native order
        name = dt.replace("<", "le").replace(">", "be").replace("|", "na")
        cases = [(name + "_1d", base), (name + "_0d", np.array(base[5], dtype=t)),
                (name + "_2dC", base.reshape(4, 6)), (name + "_2dF", np.asfortranarray(base.reshape(4, 6))),
                (name + "_3dF", np.asfortranarray(base.reshape(2, 3, 4))),
                (name + "_1x24F", np.asfortranarray(base.reshape(1, 24))),
                (name + "_0x3", base[:0].reshape(0, 3)), (name + "_4x0F", np.asfortranarray(base[:0].reshape(4, 0)))]
        out += [(n, a, dt) for n, a in cases]
    return out

def le(a):
    return a.astype(a.dtype.newbyteorder("<"))

dtypes = ["float64", "float32", "int64", "int32", "bool", "complex128", "complex64"]

if phase == "write":
    for dt in dtypes:
        with open(os.path.join(d, "np_" + dt + ".npy"), "wb") as f:
            for n in lengths:
                np.save(f, data(dt, n))
    with open(os.path.join(d, "np_special.npy"), "wb") as f, open(os.path.join(d, "special.raw"), "wb") as raw, \
            open(os.path.join(d, "special.txt"), "w") as man:
        for name, a, dt in specials():
            assert a.dtype.str == dt, (name, a.dtype.str, dt)
            np.save(f, a)
            raw.write(np.ascontiguousarray(le(a)).tobytes())
            fo = fmt.header_data_from_array_1_0(a)["fortran_order"]
            man.write("%s %s %d %s\n" % (name, fmt.dtype_to_descr(a.dtype), int(fo), ",".join(map(str, a.shape))))
    sys.exit(0)

bad = []
for dt in dtypes:
    with open(os.path.join(d, "nk_" + dt + ".npy"), "rb") as f:
        for n in lengths:
            want = data(dt, n)
            got = fmt.read_array(f)
            if got.dtype != want.dtype or got.shape != want.shape or not np.array_equal(got, want):
                bad.append("%s n=%d: NumPy read dtype %s shape %s, equal %s" % (dt, n, got.dtype, got.shape,
                           got.shape == want.shape and np.array_equal(got, want)))
        if f.read(1):
            bad.append("%s: bytes left after the last array" % dt)
for name, a, _ in specials():
    path = os.path.join(d, "nk_" + name + ".npy")
    got = np.load(path)
    want = le(a)
    buf = io.BytesIO()
    np.save(buf, want)
    if got.dtype != want.dtype or got.shape != want.shape or np.isfortran(got) != np.isfortran(want) \
            or not np.array_equal(got, want, equal_nan=want.dtype.kind in "fc"):
        bad.append("%s: NumPy read dtype %s shape %s fortran %s: %r" % (name, got.dtype, got.shape, np.isfortran(got), got))
    if open(path, "rb").read() != buf.getvalue():
        bad.append("%s: numkit's file differs from np.save's bytes" % name)
for b in bad:
    print("FAIL", b)
sys.exit(1 if bad else 0)
`

// python returns a Python 3 interpreter that imports NumPy: $NUMKIT_PYTHON, python3 or
// /usr/bin/python3 (Debian's, where python3-numpy installs). Without one the test is
// skipped, unless NUMKIT_REQUIRE_NUMPY is set (CI), which makes it fail.
func python(t *testing.T) string {
	t.Helper()
	cands := []string{"python3", "/usr/bin/python3"}
	if p := os.Getenv("NUMKIT_PYTHON"); p != "" {
		cands = []string{p}
	}
	for _, p := range cands {
		if err := exec.Command(p, "-c", "import numpy").Run(); err == nil {
			return p
		}
	}
	if os.Getenv("NUMKIT_REQUIRE_NUMPY") != "" {
		t.Fatalf("NUMKIT_REQUIRE_NUMPY is set but none of %v imports numpy (install python3-numpy)", cands)
	}
	t.Skipf("no Python with NumPy among %v (set NUMKIT_REQUIRE_NUMPY=1 to make this a failure)", cands)
	return ""
}

// countingReader counts the bytes read through it and hides every other method, so
// Read treats it as a stream.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	return k, err
}

// TestNumPy: NumPy→numkit→NumPy for every length of testLengths and the five dtypes,
// read through a bufio.Reader (the old reader's failure) with numkit's rewrite of each
// array byte-identical to np.save's; and for every supported dtype in both byte orders,
// 0-d, empty, 2-D and 3-D, C and Fortran order, with special values.
func TestNumPy(t *testing.T) {
	py := python(t)
	dir := t.TempDir()
	lengths := testLengths()
	var ls strings.Builder
	for _, n := range lengths {
		fmt.Fprintln(&ls, n)
	}
	if err := os.WriteFile(filepath.Join(dir, "lengths.txt"), []byte(ls.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	runPython := func(phase string) {
		out, err := exec.Command(py, "-c", numpyScript, phase, dir).CombinedOutput()
		if err != nil {
			t.Fatalf("python %s: %v\n%s", phase, err, out)
		}
	}
	runPython("write")

	for _, dt := range roundTripDtypes {
		f, err := os.Open(filepath.Join(dir, "np_"+dt+".npy"))
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(dir, "nk_"+dt+".npy"))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(out)
		cr := &countingReader{r: bufio.NewReader(f)}
		for _, n := range lengths {
			start := cr.n
			a, err := Read(cr)
			if err != nil {
				t.Fatalf("%s n=%d written by NumPy: %v", dt, n, err)
			}
			want := testData(dt, n)
			if !reflect.DeepEqual(a.Shape, []int{n}) || a.Fortran || !equalData(a.Data, want) {
				t.Fatalf("%s n=%d written by NumPy: read shape %v fortran %v, data equal %v", dt, n, a.Shape, a.Fortran, equalData(a.Data, want))
			}
			var mine bytes.Buffer
			if err := Write(&mine, Array{Shape: []int{n}, Data: want}); err != nil {
				t.Fatal(err)
			}
			theirs := make([]byte, cr.n-start)
			if _, err := f.ReadAt(theirs, start); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(mine.Bytes(), theirs) {
				t.Fatalf("%s n=%d: numkit writes %q..., np.save wrote %q...", dt, n, head(mine.Bytes()), head(theirs))
			}
			if _, err := w.Write(mine.Bytes()); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		out.Close()
		f.Close()
	}
	checkSpecials(t, dir)
	runPython("check")
}

func head(b []byte) []byte { return b[:min(len(b), 140)] }

// checkSpecials reads NumPy's special arrays, compares them with the raw C-order
// little-endian bytes NumPy gave, and writes each back as nk_NAME.npy.
func checkSpecials(t *testing.T, dir string) {
	manifest, err := os.ReadFile(filepath.Join(dir, "special.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "special.raw"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "np_special.npy"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	lines := strings.Split(strings.TrimSpace(string(manifest)), "\n")
	for _, line := range lines {
		fields := strings.Fields(line)
		if len(fields) < 3 || len(fields) > 4 {
			t.Fatalf("manifest line %q: want name, descr, fortran order and shape", line)
		}
		name, descr, fortran, dims := fields[0], fields[1], fields[2], ""
		if len(fields) == 4 {
			dims = fields[3]
		}
		shape := []int{}
		for _, s := range strings.Split(dims, ",") {
			if s == "" {
				continue
			}
			d, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("manifest line %q: %v", line, err)
			}
			shape = append(shape, d)
		}
		a, err := Read(r)
		if err != nil {
			t.Fatalf("%s (%s) written by NumPy: %v", name, descr, err)
		}
		if !reflect.DeepEqual(a.Shape, shape) || a.Fortran != (fortran == "1") {
			t.Fatalf("%s: read shape %v fortran %v; NumPy wrote %v fortran %s", name, a.Shape, a.Fortran, shape, fortran)
		}
		c, err := a.C()
		if err != nil {
			t.Fatal(err)
		}
		_, size, n, _ := descrOf(c.Data)
		got := encode(nil, c.Data, 0, n)
		if len(raw) < n*size || !bytes.Equal(got, raw[:n*size]) {
			t.Fatalf("%s (%s): values differ from NumPy's: got % x, want % x", name, descr, head(got), head(raw[:min(len(raw), n*size)]))
		}
		raw = raw[n*size:]
		var buf bytes.Buffer
		if err := Write(&buf, a); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "nk_"+name+".npy"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(raw) != 0 || len(lines) != 23*8 {
		t.Fatalf("%d raw bytes left over, %d special arrays; want 0 and %d", len(raw), len(lines), 23*8)
	}
}
