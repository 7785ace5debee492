package bench

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// plotColumns is the number of panels side by side in WritePlot's figure.
const plotColumns = 4

// PlotFormats are the formats WritePlot writes.
var PlotFormats = []string{"png", "svg"}

// implStyles fixes each implementation's colour and dash across panels: numkit
// backends solid, baselines dashed.
var implStyles = map[string]struct {
	color  color.Color
	dashed bool
}{
	"simd":         {color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}, false},
	"gonum":        {color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}, false},
	"opencl":       {color.RGBA{R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff}, false},
	BaselineLoop:   {color.RGBA{R: 0x44, G: 0x44, B: 0x44, A: 0xff}, true},
	BaselineFloats: {color.RGBA{R: 0x94, G: 0x67, B: 0xbd, A: 0xff}, true},
}

// WritePlot draws throughput (Gelem/s, median) against size on a log axis, one panel
// per case and one line per backend and baseline, and writes it as format ("png" or
// "svg").
func WritePlot(w io.Writer, rep *Report, format string) error {
	if !slices.Contains(PlotFormats, format) {
		return fmt.Errorf("plot format %q: want png or svg", format)
	}
	var panels []*plot.Plot
	for _, name := range caseOrder(rep.Rows) {
		p, err := casePlot(rep.Rows, name)
		if err != nil {
			return err
		}
		if p != nil {
			panels = append(panels, p)
		}
	}
	if len(panels) == 0 {
		return fmt.Errorf("nothing to plot: no measurement succeeded")
	}
	legend, err := legendPanel(rep.Rows)
	if err != nil {
		return err
	}
	panels = append(panels, legend)
	cols := min(plotColumns, len(panels))
	rows := (len(panels) + cols - 1) / cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, cols)
	}
	for i, p := range panels {
		grid[i/cols][i%cols] = p
	}
	width, height := vg.Length(cols)*4*vg.Inch, vg.Length(rows)*3*vg.Inch
	canvas, err := draw.NewFormattedCanvas(width, height, format)
	if err != nil {
		return err
	}
	dc := draw.New(canvas)
	title := fmt.Sprintf("numkit bench, %s: %s, %s, %s", rep.Machine.Suite, rep.Machine.CPU, rep.Machine.SIMD, rep.Machine.Date)
	titleHeight := vg.Points(24)
	titleFont := plot.DefaultFont
	titleFont.Size = vg.Points(12)
	dc.FillText(draw.TextStyle{Color: color.Black, Font: titleFont, Handler: plot.DefaultTextHandler,
		XAlign: draw.XCenter, YAlign: draw.YTop}, vg.Point{X: width / 2, Y: height - vg.Points(6)}, title)
	body := draw.Crop(dc, 0, 0, 0, -titleHeight)
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(12), PadY: vg.Points(12),
		PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(8)}
	canvases := plot.Align(grid, tiles, body)
	for i := range grid {
		for j, p := range grid[i] {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
	_, err = canvas.WriteTo(w)
	return err
}

// caseOrder lists the cases of rows in order of first appearance.
func caseOrder(rows []Row) []string {
	var names []string
	for _, r := range rows {
		if !slices.Contains(names, r.Case) {
			names = append(names, r.Case)
		}
	}
	return names
}

// casePlot is one case's panel, or nil when none of its measurements succeeded.
func casePlot(rows []Row, name string) (*plot.Plot, error) {
	series := map[string]plotter.XYs{}
	var impls []string
	var dtype, expr string
	for _, r := range rows {
		if r.Case != name || r.Status != StatusOK || r.GElemPerS <= 0 {
			continue
		}
		dtype, expr = r.DType, r.Expr
		if _, ok := series[r.Backend]; !ok {
			impls = append(impls, r.Backend)
		}
		series[r.Backend] = append(series[r.Backend], plotter.XY{X: float64(r.N), Y: r.GElemPerS})
	}
	if len(impls) == 0 {
		return nil, nil
	}
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s (%s): %s", name, dtype, expr)
	p.Title.TextStyle.Font.Size = vg.Points(9)
	p.X.Label.Text = "elements"
	p.Y.Label.Text = "Gelem/s"
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = sizeTicks{}
	p.Y.Min = 0
	p.Add(plotter.NewGrid())
	for _, impl := range impls {
		xys := series[impl]
		slices.SortFunc(xys, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) })
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, fmt.Errorf("plot %s %s: %v", name, impl, err)
		}
		styleLine(line, points, impl)
		p.Add(line, points)
	}
	// pad the size axis by a factor of 2 each side (and so give one size a range)
	p.X.Min, p.X.Max = math.Inf(1), math.Inf(-1)
	for _, xys := range series {
		for _, xy := range xys {
			p.X.Min, p.X.Max = min(p.X.Min, xy.X/2), max(p.X.Max, xy.X*2)
		}
	}
	return p, nil
}

// styleLine gives an implementation's line and points their colour and dashes.
func styleLine(line *plotter.Line, points *plotter.Scatter, impl string) {
	style, ok := implStyles[impl]
	if !ok {
		style.color = color.Black
	}
	line.Color, points.Color = style.color, style.color
	line.Width = vg.Points(1.5)
	points.Radius = vg.Points(2)
	if style.dashed {
		line.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
	}
}

// legendPanel is a panel with no axes holding the legend of every implementation in
// rows: the numkit backends, then the baselines.
func legendPanel(rows []Row) (*plot.Plot, error) {
	var impls []string
	for _, kind := range []string{"numkit", "baseline"} {
		for _, r := range rows {
			if r.Kind == kind && r.Status == StatusOK && !slices.Contains(impls, r.Backend) {
				impls = append(impls, r.Backend)
			}
		}
	}
	p := plot.New()
	p.HideAxes()
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font.Size = vg.Points(11)
	p.Legend.Padding = vg.Points(4)
	p.Title.Text = "median throughput, Gelem/s (higher is better)"
	p.Title.TextStyle.Font.Size = vg.Points(9)
	for _, impl := range impls {
		line, points, err := plotter.NewLinePoints(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
		if err != nil {
			return nil, err
		}
		styleLine(line, points, impl)
		label := impl
		if impl == BaselineLoop || impl == BaselineFloats {
			label += " (Go baseline)"
		} else {
			label = "numkit " + impl
		}
		p.Legend.Add(label, line, points)
	}
	return p, nil
}

// sizeTicks marks the powers of ten on the size axis as 1e3, 1e4, ...
type sizeTicks struct{}

// Ticks implements plot.Ticker.
func (sizeTicks) Ticks(lo, hi float64) []plot.Tick {
	var ticks []plot.Tick
	for e := math.Ceil(math.Log10(lo)); e <= math.Floor(math.Log10(hi)); e++ {
		ticks = append(ticks, plot.Tick{Value: math.Pow(10, e), Label: fmt.Sprintf("1e%d", int(e))})
	}
	return ticks
}
