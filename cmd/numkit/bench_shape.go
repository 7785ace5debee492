package main

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric"
)

// shapeFlags is bench --expr's repeatable --shape NAME=D1xD2x...: the named input is
// an N-d array of that shape (C order) instead of a 1-D array of --n elements.
type shapeFlags map[string][]int

func (s *shapeFlags) String() string {
	if s == nil || *s == nil {
		return ""
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(*s)) {
		parts = append(parts, name+"="+dimsText((*s)[name]))
	}
	return strings.Join(parts, ",")
}

func (s *shapeFlags) Set(v string) error {
	name, dims, ok := strings.Cut(v, "=")
	if !ok || name == "" || dims == "" {
		return fmt.Errorf("want NAME=D1xD2... (e.g. a=2000x10000), got %q", v)
	}
	var shape []int
	for d := range strings.SplitSeq(dims, "x") {
		k, err := strconv.Atoi(d)
		if err != nil || k < 0 {
			return fmt.Errorf("%s: dimension %q is not a non-negative integer", name, d)
		}
		shape = append(shape, k)
	}
	if *s == nil {
		*s = shapeFlags{}
	}
	if _, dup := (*s)[name]; dup {
		return fmt.Errorf("%s: shape given twice", name)
	}
	(*s)[name] = shape
	return nil
}

// input makes the benchmark input called name: an N-d array when --shape gave it a
// shape, else 1-D of n elements. It returns the input and its element count.
func (s shapeFlags) input(name string, n int, fill func(n int) any) (any, int, error) {
	shape, ok := s[name]
	if !ok {
		return fill(n), n, nil
	}
	count := 1
	for _, d := range shape {
		if d > 0 && count > (1<<40)/d {
			return nil, 0, fmt.Errorf("--shape %s=%s: too many elements", name, dimsText(shape))
		}
		count *= d
	}
	return numeric.NewArray(fill(count), shape...), count, nil
}

// unknown returns a --shape name that is not an input of names, or "".
func (s shapeFlags) unknown(names []string) string {
	for _, name := range slices.Sorted(maps.Keys(s)) {
		if !slices.Contains(names, name) {
			return name
		}
	}
	return ""
}

// dimsText writes a shape as --shape takes it: 2000x10000.
func dimsText(shape []int) string {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, "x")
}

// elements is the size of the broadcast shape of the inputs names (shaped by the
// flags, else 1-D of n): the elements an evaluation visits (sum(a) of a 2000x10000 a
// visits 2e7, and so does sum(a, axis=0), whose result has 1e4).
func (s shapeFlags) elements(names []string, n int) int {
	var dims []int
	for _, name := range names {
		shape, ok := s[name]
		if !ok {
			shape = []int{n}
		}
		for len(dims) < len(shape) {
			dims = append([]int{1}, dims...)
		}
		off := len(dims) - len(shape)
		for i, d := range shape {
			dims[off+i] = max(dims[off+i], d)
		}
	}
	total := 1
	for _, d := range dims {
		total *= d
	}
	return total
}
