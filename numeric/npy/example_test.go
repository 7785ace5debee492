package npy_test

import (
	"bytes"
	"fmt"

	"github.com/numkit/numkit/numeric/npy"
)

func Example() {
	// A 2×3 array in Fortran (column-major) order, as NumPy's np.asfortranarray keeps it.
	var buf bytes.Buffer
	err := npy.Write(&buf, npy.Array{Shape: []int{2, 3}, Fortran: true, Data: []float64{1, 4, 2, 5, 3, 6}})
	if err != nil {
		panic(err)
	}
	h, err := npy.ReadHeader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		panic(err)
	}
	fmt.Println(buf.Len(), "bytes, data at", h.DataOffset, h.Descr, h.Fortran, h.Shape)

	a, err := npy.Read(&buf)
	if err != nil {
		panic(err)
	}
	c, err := a.C() // row-major, as Go code usually wants it
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Shape, a.Fortran, c.Data)

	_, err = npy.Read(bytes.NewReader([]byte("\x93NUMPY\x01\x00\x0f\x00{'shape': (3,)}")))
	fmt.Println(err)
	// Output:
	// 176 bytes, data at 128 <f8 true [2 3]
	// [2 3] true [1 2 3 4 5 6]
	// npy: header: byte 25: the dictionary has no key "descr"
}
