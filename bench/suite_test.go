package bench

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestPublicCasesMatchPeers checks the public cases against ../shared/peers/cases.tsv
// (the file the peers table is made from) when this checkout has it.
func TestPublicCasesMatchPeers(t *testing.T) {
	f, err := os.Open("../../shared/peers/cases.tsv")
	if err != nil {
		t.Skipf("no peers cases here: %v", err)
	}
	defer f.Close()
	var fromFile []Case
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			t.Fatalf("cases.tsv: bad line %q", line)
		}
		fromFile = append(fromFile, Case{Name: fields[0], DType: fields[1], Expr: fields[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(fromFile) != len(publicCases) {
		t.Fatalf("cases.tsv has %d cases, publicCases %d", len(fromFile), len(publicCases))
	}
	for i, want := range fromFile {
		got := publicCases[i]
		if got.Name != want.Name || got.DType != want.DType || got.Expr != want.Expr {
			t.Errorf("public case %d = %s %s %q, cases.tsv says %s %s %q", i, got.Name, got.DType, got.Expr, want.Name, want.DType, want.Expr)
		}
	}
}

func TestSuites(t *testing.T) {
	def, err := SuiteByName("default")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	dtypes := map[string]bool{}
	for _, c := range def.Cases {
		if names[c.Name] {
			t.Errorf("case %s appears twice", c.Name)
		}
		names[c.Name] = true
		dtypes[c.DType] = true
		if _, ok := baselines[c.Name]; !ok {
			t.Errorf("case %s has no entry in baselines (give it at least a go-loop)", c.Name)
		} else if baselines[c.Name].loop == nil {
			t.Errorf("case %s has no go-loop baseline", c.Name)
		}
	}
	for name := range baselines {
		if !names[name] {
			t.Errorf("baselines has %s, which is no case of the default suite", name)
		}
	}
	for _, want := range []string{"sum", "mean", "center", "int32ops", "long", "poly32"} {
		if !names[want] {
			t.Errorf("the default suite lacks %s", want)
		}
	}
	for _, d := range DTypes {
		if !dtypes[d] {
			t.Errorf("the default suite has no %s case", d)
		}
	}
	if !slices.Equal(def.Sizes, []int{1e3, 1e4, 1e5, 1e6, 1e7}) {
		t.Errorf("default sizes %v", def.Sizes)
	}
	if _, err := SuiteByName("nope"); err == nil || !strings.Contains(err.Error(), "default, public, quick") {
		t.Errorf("SuiteByName(nope) = %v, want an error listing the suites", err)
	}
}

func TestSelect(t *testing.T) {
	def, _ := SuiteByName("default")
	for _, tc := range []struct {
		filter string
		dtypes []string
		want   []string
	}{
		{"^(sin|exp)", nil, []string{"sin", "exp", "sin32", "exp32"}},
		{"^(sin|exp)", []string{"float32"}, []string{"exp32", "sin32"}},
		{"", []string{"int32"}, []string{"int32ops"}},
		{"^none$", nil, nil},
	} {
		got, err := Select(def.Cases, tc.filter, tc.dtypes)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range got {
			names = append(names, c.Name)
		}
		slices.Sort(names)
		slices.Sort(tc.want)
		if !slices.Equal(names, tc.want) {
			t.Errorf("Select(%q, %v) = %v, want %v", tc.filter, tc.dtypes, names, tc.want)
		}
	}
	if _, err := Select(def.Cases, "(", nil); err == nil {
		t.Error("Select with a bad regexp: no error")
	}
	if _, err := Select(def.Cases, "", []string{"float16"}); err == nil {
		t.Error("Select with a bad dtype: no error")
	}
}

func TestParseSizes(t *testing.T) {
	got, err := ParseSizes("1000, 1e6,10k,2M,7")
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1000, 1e6, 10000, 2e6, 7}; !slices.Equal(got, want) {
		t.Errorf("ParseSizes = %v, want %v", got, want)
	}
	for _, bad := range []string{"", "0", "-5", "1.5", "abc", "1e10", "k", "1e3,,1e4"} {
		if _, err := ParseSizes(bad); err == nil {
			t.Errorf("ParseSizes(%q): no error", bad)
		}
	}
	for n, want := range map[int]string{1000: "1e3", 1e7: "1e7", 2000: "2000", 7: "7", 10: "10"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %s, want %s", n, got, want)
		}
	}
}
