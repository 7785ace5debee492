package bench

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Case is one benchmarked expression with the element type of its inputs.
type Case struct {
	Name   string // short and unique, e.g. "poly"; baselines are keyed by it
	Expr   string // numkit's (and numexpr's) expression
	DType  string // the inputs' element type: "float64", "float32" or "int32"
	Public bool   // one of the cases of ../shared/peers/cases.tsv, timed against C and numexpr too
	// Note says what the case stands for, for docs and -h.
	Note string
}

// publicCases are the cases of ../shared/peers/cases.tsv, in its order (a test checks
// that they agree with the file when it is there).
var publicCases = []Case{
	{Name: "triad", Expr: "b+3*c", DType: "float64", Public: true, Note: "STREAM triad: memory bound"},
	{Name: "poly", Expr: "2*a+3*b**2-c/4", DType: "float64", Public: true, Note: "a polynomial of three arrays"},
	{Name: "sin", Expr: "sin(a)", DType: "float64", Public: true, Note: "vector sine"},
	{Name: "exp", Expr: "exp(a)", DType: "float64", Public: true, Note: "vector exponential"},
	{Name: "hypot", Expr: "sqrt(a*a+b*b)", DType: "float64", Public: true, Note: "square root of a sum of squares"},
	{Name: "where", Expr: "where(a>0.5,b,c)", DType: "float64", Public: true, Note: "a comparison and a select"},
	{Name: "dot", Expr: "sum(a*b)", DType: "float64", Public: true, Note: "a dot product (reduction)"},
	{Name: "poly32", Expr: "2*a+3*b**2-c/4", DType: "float32", Public: true, Note: "poly in float32"},
	{Name: "exp32", Expr: "exp(a)", DType: "float32", Public: true, Note: "exp in float32"},
}

// LongExpr is the default suite's long expression: 18 arithmetic operations over five
// arrays.
const LongExpr = "(a*b + c*d - e/2 + 0.5*a*c - 2*b*d + (a-b)*(c-d) + e*e) / 3"

// moreCases complete the default suite: reductions, float32 variants, integer
// operations and a long expression.
var moreCases = []Case{
	{Name: "sum", Expr: "sum(a)", DType: "float64", Note: "a plain sum (reduction)"},
	{Name: "mean", Expr: "mean(a)", DType: "float64", Note: "the mean (reduction)"},
	{Name: "center", Expr: "a - mean(a)", DType: "float64", Note: "a reduction used inside an array expression"},
	{Name: "triad32", Expr: "b+3*c", DType: "float32", Note: "triad in float32"},
	{Name: "sin32", Expr: "sin(a)", DType: "float32", Note: "sine in float32"},
	{Name: "dot32", Expr: "sum(a*b)", DType: "float32", Note: "dot product in float32"},
	{Name: "int32ops", Expr: "(a*3+b)//7 % 5", DType: "int32", Note: "integer multiply, add, floor division and modulo on int32 data in [0, 1000)"},
	{Name: "long", Expr: LongExpr, DType: "float64", Note: "a long expression: 18 operations over five arrays"},
}

// DefaultSizes are the default suite's sizes: 10^3 to 10^7 elements per input.
var DefaultSizes = []int{1e3, 1e4, 1e5, 1e6, 1e7}

// Suite is a named list of cases with the sizes it runs by default.
type Suite struct {
	Name  string
	Cases []Case
	Sizes []int
	Note  string
}

// Suites returns the suites `numkit bench --suite` accepts: default (every case),
// public (the peers' cases) and quick (four cases at small sizes, for a smoke test).
func Suites() []Suite {
	all := slices.Concat(publicCases, moreCases)
	quick := []Case{}
	for _, c := range all {
		if c.Name == "triad" || c.Name == "sin" || c.Name == "dot" || c.Name == "int32ops" {
			quick = append(quick, c)
		}
	}
	return []Suite{
		{Name: "default", Cases: all, Sizes: DefaultSizes, Note: "the public cases, reductions, float32, int32 and a long expression"},
		{Name: "public", Cases: slices.Clone(publicCases), Sizes: DefaultSizes, Note: "the cases of the peers table (../shared/peers/cases.tsv)"},
		{Name: "quick", Cases: quick, Sizes: []int{1e3, 1e5}, Note: "four cases at two small sizes: a smoke test"},
	}
}

// SuiteByName returns the suite called name.
func SuiteByName(name string) (Suite, error) {
	var names []string
	for _, s := range Suites() {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return Suite{}, fmt.Errorf("unknown suite %q: want one of %s", name, strings.Join(names, ", "))
}

// DTypes are the element types a case may have.
var DTypes = []string{"float64", "float32", "int32"}

// Select returns the cases whose name matches filter (a regular expression; "" matches
// all) and whose dtype is in dtypes (nil: all), in order.
func Select(cases []Case, filter string, dtypes []string) ([]Case, error) {
	re, err := regexp.Compile(filter)
	if err != nil {
		return nil, fmt.Errorf("filter %q: %v", filter, err)
	}
	for _, d := range dtypes {
		if !slices.Contains(DTypes, d) {
			return nil, fmt.Errorf("dtype %q: want one of %s", d, strings.Join(DTypes, ", "))
		}
	}
	var out []Case
	for _, c := range cases {
		if re.MatchString(c.Name) && (len(dtypes) == 0 || slices.Contains(dtypes, c.DType)) {
			out = append(out, c)
		}
	}
	return out, nil
}

// ParseSizes parses a comma-separated list of sizes: integers ("1000"), powers of ten
// ("1e6") or with a k/M suffix ("10k", "2M"). Each must be from 1 to 10^9.
func ParseSizes(s string) ([]int, error) {
	var sizes []int
	for _, field := range strings.Split(s, ",") {
		field = strings.TrimSpace(field)
		n, err := parseSize(field)
		if err != nil {
			return nil, err
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

func parseSize(field string) (int, error) {
	mult := 1.0
	text := field
	switch {
	case strings.HasSuffix(text, "k"):
		mult, text = 1e3, strings.TrimSuffix(text, "k")
	case strings.HasSuffix(text, "M"):
		mult, text = 1e6, strings.TrimSuffix(text, "M")
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || text == "" {
		return 0, fmt.Errorf("size %q: want an integer such as 1000, 1e6 or 10k", field)
	}
	v *= mult
	if v != math.Trunc(v) || v < 1 || v > 1e9 {
		return 0, fmt.Errorf("size %q: want a whole number from 1 to 1e9", field)
	}
	return int(v), nil
}

// FormatSize writes a size compactly: 1e6 for powers of ten, else the integer.
func FormatSize(n int) string {
	if n >= 1000 {
		e := math.Log10(float64(n))
		if e == math.Trunc(e) {
			return "1e" + strconv.Itoa(int(e))
		}
	}
	return strconv.Itoa(n)
}
