package bench

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

func TestWritePlot(t *testing.T) {
	rep := goldenReport(t)
	var buf bytes.Buffer
	if err := WritePlot(&buf, rep, "png"); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	// four cases and the legend: 4 columns of 4 in, 2 rows of 3 in, at 96 dpi
	if b := img.Bounds(); b.Dx() != 4*4*96 || b.Dy() != 2*3*96 {
		t.Errorf("PNG is %v, want %dx%d", b, 4*4*96, 2*3*96)
	}
	buf.Reset()
	if err := WritePlot(&buf, rep, "svg"); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{"<svg", "triad (float64): b+3*c", "numkit gonum", "go-loop (Go baseline)", "1e3"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	if err := WritePlot(&buf, rep, "jpg"); err == nil {
		t.Error("WritePlot(jpg): no error")
	}
	if err := WritePlot(&buf, &Report{}, "png"); err == nil {
		t.Error("WritePlot of an empty report: no error")
	}
}

func TestSizeTicks(t *testing.T) {
	var labels []string
	for _, tk := range (sizeTicks{}).Ticks(500, 2e7) {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, " "); got != "1e3 1e4 1e5 1e6 1e7" {
		t.Errorf("ticks %s", got)
	}
}
