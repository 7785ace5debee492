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
// twin's bits (NaN payloads aside): a column sum that keeps one accumulator row per
// residue class of the row index (numeric's leading-axis sum) adds the rows of a
// class in one call, with each accumulator loaded and stored once per call instead
// of once per row. x's rows may overlap acc's length (stride < len(acc)). It panics,
// naming the values, when rows or stride is negative or x is shorter than
// (rows-1)*stride+len(acc) with rows > 0; it then touches nothing.
func AddRowsF64(acc, x []float64, stride, rows int) {
	checkRows("AddRowsF64", len(acc), len(x), stride, rows)
	if rows == 0 {
		return
	}
	var n int
	switch active {
	case LevelAVX512:
		n = len(acc) &^ 7
		addRowsF64AVX512(acc[:n], x, stride, rows)
	case LevelAVX2:
		n = len(acc) &^ 3
		addRowsF64AVX2(acc[:n], x, stride, rows)
	}
	addRowsF64Generic(acc[n:], x[n:], stride, rows)
}

// addRowsF64Generic is the pure-Go twin of AddRowsF64 (rows > 0, x long enough).
func addRowsF64Generic(acc, x []float64, stride, rows int) {
	for r := range rows {
		row := x[r*stride:][:len(acc)]
		for j, v := range row {
			acc[j] += v
		}
	}
}

// AddRowsF32 is AddRowsF64 for float32: acc[j] += x[r*stride+j], row after row, each
// addition rounded to float32.
func AddRowsF32(acc, x []float32, stride, rows int) {
	checkRows("AddRowsF32", len(acc), len(x), stride, rows)
	if rows == 0 {
		return
	}
	var n int
	switch active {
	case LevelAVX512:
		n = len(acc) &^ 15
		addRowsF32AVX512(acc[:n], x, stride, rows)
	case LevelAVX2:
		n = len(acc) &^ 7
		addRowsF32AVX2(acc[:n], x, stride, rows)
	}
	addRowsF32Generic(acc[n:], x[n:], stride, rows)
}

// addRowsF32Generic is the pure-Go twin of AddRowsF32 (rows > 0, x long enough).
func addRowsF32Generic(acc, x []float32, stride, rows int) {
	for r := range rows {
		row := x[r*stride:][:len(acc)]
		for j, v := range row {
			acc[j] += v
		}
	}
}

// checkRows is the check of AddRowsF64 and AddRowsF32: rows and stride not negative,
// and with rows > 0, len(x) >= (rows-1)*stride + len(acc) (without overflow).
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
