package asm

import "strconv"

// AddRowsF64 adds rows rows of x, stride elements apart, into acc, row after row:
//
//	for r := range rows {
//		for j := range acc {
//			acc[j] += x[r*stride+j]
//		}
//	}
//
// Each element of acc gets its additions in row order, so every level gives the
// twin's bits (NaN payloads aside). A column sum that keeps one accumulator row per
// residue class of the row index (numeric's leading-axis sum) adds the rows of a
// class in one call, each accumulator loaded and stored once per call instead of once
// per row. x's rows may overlap (stride < len(acc)). It panics, naming the values,
// when rows or stride is negative or when rows > 0 and x is shorter than
// (rows-1)*stride+len(acc); it then touches nothing.
func AddRowsF64(acc, x []float64, stride, rows int) {
	checkRows("AddRowsF64", len(acc), len(x), stride, rows)
	rowsKernel(acc, x, stride, rows, 8, 4, addRowsF64AVX512, addRowsF64AVX2, addRowsGeneric[float64])
}

// AddRowsF32 is AddRowsF64 for float32 (each addition rounded to float32).
func AddRowsF32(acc, x []float32, stride, rows int) {
	checkRows("AddRowsF32", len(acc), len(x), stride, rows)
	rowsKernel(acc, x, stride, rows, 16, 8, addRowsF32AVX512, addRowsF32AVX2, addRowsGeneric[float32])
}

// MulRowsF64 is AddRowsF64 with products: acc[j] *= x[r*stride+j], row after row
// (a column product's accumulators, as ProdF64's).
func MulRowsF64(acc, x []float64, stride, rows int) {
	checkRows("MulRowsF64", len(acc), len(x), stride, rows)
	rowsKernel(acc, x, stride, rows, 8, 4, mulRowsF64AVX512, mulRowsF64AVX2, mulRowsGeneric[float64])
}

// MulRowsF32 is MulRowsF64 for float32 (each product rounded to float32).
func MulRowsF32(acc, x []float32, stride, rows int) {
	checkRows("MulRowsF32", len(acc), len(x), stride, rows)
	rowsKernel(acc, x, stride, rows, 16, 8, mulRowsF32AVX512, mulRowsF32AVX2, mulRowsGeneric[float32])
}

// rowsKernel runs the active level's kernel on the whole vectors of acc (v512 or v2
// elements each) and the twin on the rest; rows and x are checked.
func rowsKernel[T float32 | float64](acc, x []T, stride, rows, v512, v2 int, k512, k2, twin func(acc, x []T, stride, rows int)) {
	if rows == 0 {
		return
	}
	n := 0
	switch active {
	case LevelAVX512:
		n = len(acc) / v512 * v512
		k512(acc[:n], x, stride, rows)
	case LevelAVX2:
		n = len(acc) / v2 * v2
		k2(acc[:n], x, stride, rows)
	}
	twin(acc[n:], x[n:], stride, rows)
}

// addRowsGeneric is the pure-Go twin of AddRowsF64 and AddRowsF32.
func addRowsGeneric[T float32 | float64](acc, x []T, stride, rows int) {
	for r := range rows {
		row := x[r*stride:][:len(acc)]
		for j, v := range row {
			acc[j] += v
		}
	}
}

// mulRowsGeneric is the pure-Go twin of MulRowsF64 and MulRowsF32.
func mulRowsGeneric[T float32 | float64](acc, x []T, stride, rows int) {
	for r := range rows {
		row := x[r*stride:][:len(acc)]
		for j, v := range row {
			acc[j] *= v
		}
	}
}

// checkRows is the check of the Rows functions: rows and stride not negative, and
// with rows > 0, len(x) >= (rows-1)*stride + len(acc) (computed without overflow).
func checkRows(fn string, nacc, nx, stride, rows int) {
	bad := ""
	switch {
	case rows < 0:
		bad = "rows=" + strconv.Itoa(rows) + " is negative"
	case stride < 0:
		bad = "stride=" + strconv.Itoa(stride) + " is negative"
	case rows == 0:
	case nx < nacc || stride > 0 && rows-1 > (nx-nacc)/stride:
		bad = "len(x)=" + strconv.Itoa(nx) + " is shorter than (rows-1)*stride+len(acc) with rows=" +
			strconv.Itoa(rows) + ", stride=" + strconv.Itoa(stride) + ", len(acc)=" + strconv.Itoa(nacc)
	}
	if bad != "" {
		panic("asm." + fn + ": " + bad)
	}
}
