package strided

import (
	"fmt"
	"testing"
)

func TestSpan(t *testing.T) {
	for _, c := range []struct {
		shape, strides []int
		lo, hi         int
	}{
		{[]int{3, 4}, []int{4, 1}, 0, 12},
		{[]int{3, 4}, []int{1, 3}, 0, 12},           // Fortran order
		{[]int{3, 4}, []int{0, 1}, 0, 4},            // a row broadcast down
		{[]int{3, 4}, []int{-4, -1}, -11, 1},        // both axes reversed
		{[]int{2, 5}, []int{14, 3}, 0, 14 + 12 + 1}, // odd strides
		{[]int{1}, []int{0}, 0, 1},
	} {
		if lo, hi := Span(c.shape, c.strides); lo != c.lo || hi != c.hi {
			t.Errorf("Span(%v, %v) = [%d, %d), want [%d, %d)", c.shape, c.strides, lo, hi, c.lo, c.hi)
		}
	}
}

func TestCollapse(t *testing.T) {
	for _, c := range []struct {
		shape   []int
		strides [][]int
		want    string
	}{
		{[]int{2, 3, 4}, [][]int{{12, 4, 1}, {12, 4, 1}}, "[24] [[1] [1]]"},
		{[]int{2, 3, 4}, [][]int{{12, 4, 1}, {0, 0, 1}}, "[6 4] [[4 1] [0 1]]"},
		{[]int{2, 1, 4}, [][]int{{4, 99, 1}, {0, 7, 1}}, "[2 4] [[4 1] [0 1]]"},
		{[]int{1, 1}, [][]int{{5, 1}, {0, 0}}, "[1] [[1] [0]]"}, // only ones: the last kept
		{[]int{3, 4}, [][]int{{1, 3}}, "[3 4] [[1 3]]"},         // Fortran order stays 2-D
	} {
		cs, st := Collapse(c.shape, c.strides)
		if got := fmt.Sprint(cs, st); got != c.want {
			t.Errorf("Collapse(%v, %v) = %s, want %s", c.shape, c.strides, got, c.want)
		}
	}
}

func TestGroupRows(t *testing.T) {
	if g := GroupRows([]int{100, 300}, [][]int{{300, 1}, {0, 1}, {300, 1}}); g != 100 {
		t.Errorf("contiguous rows and a repeated row: %d rows, want 100", g)
	}
	if g := GroupRows([]int{100, 300}, [][]int{{600, 1}, {300, 1}}); g != 1 {
		t.Errorf("an input with a row gap: %d rows, want 1", g)
	}
	if g := GroupRows([]int{100, 300}, [][]int{{300, 1}, {0, 1}}); g != 1 {
		t.Errorf("a destination repeating its row: %d rows, want 1", g)
	}
	if g := GroupRows([]int{300}, [][]int{{1}}); g != 1 {
		t.Errorf("1-D: %d rows, want 1", g)
	}
}
