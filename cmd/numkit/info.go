package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "info",
		summary: "report the CPU, SIMD level, OpenCL devices and usable backends",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&infoCommand{hardware: numeric.Hardware}).run(stdout, stderr, args)
		},
	})
}

// infoCommand is `numkit info [--json]`.
type infoCommand struct {
	json     bool
	hardware func() (numeric.HardwareReport, error) // numeric.Hardware; tests pass a fake
}

// run parses the flags and prints the report: 0 on success, 1 when the report has
// errors (bad NUMKIT_* values and the like; the report is printed all the same),
// 2 on bad usage.
func (c *infoCommand) run(stdout, stderr io.Writer, args []string) int {
	fs := newFlagSet("numkit info", stderr)
	fs.BoolVar(&c.json, "json", false, "print the report as JSON (fields in docs/info.md)")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit info [--json]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Reports the CPU, its SIMD level, the OpenCL platforms and devices, and which")
		fmt.Fprintln(w, "backends numkit can use, with the NUMKIT_* settings in effect.")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	if code := parseFlags(fs, usage, stdout, stderr, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "numkit info: unexpected argument %q\n", fs.Arg(0))
		usage(stderr)
		return 2
	}
	report, hwErr := c.hardware()
	var err error
	if c.json {
		err = writeInfoJSON(stdout, report)
	} else {
		err = writeInfoText(stdout, report)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit info: %v\n", err)
		return 1
	}
	if hwErr != nil {
		for _, line := range strings.Split(hwErr.Error(), "\n") {
			fmt.Fprintf(stderr, "numkit info: %s\n", line)
		}
		return 1
	}
	return 0
}

// infoSchemaVersion is the version of info's JSON layout (docs/info.md).
const infoSchemaVersion = 1

// infoJSON is info's JSON output: the report's fields after the schema and numkit
// versions.
type infoJSON struct {
	SchemaVersion int    `json:"schema_version"`
	Version       string `json:"version"` // numkit's version (numkit version)
	numeric.HardwareReport
}

// writeInfoJSON writes the report as indented JSON.
func writeInfoJSON(w io.Writer, r numeric.HardwareReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(infoJSON{SchemaVersion: infoSchemaVersion, Version: numkitVersion(), HardwareReport: r})
}

// infoWriter writes aligned "Label   text" lines and keeps the first write error.
type infoWriter struct {
	w   io.Writer
	err error
}

func (iw *infoWriter) printf(format string, args ...any) {
	if iw.err == nil {
		_, iw.err = fmt.Fprintf(iw.w, format, args...)
	}
}

// line writes one labelled line; an empty label continues the previous one.
func (iw *infoWriter) line(label, format string, args ...any) {
	iw.printf("%-10s %s\n", label, fmt.Sprintf(format, args...))
}

// writeInfoText writes the report for people: what matters first (errors, CPU,
// SIMD level), then caches and memory, OpenCL, the backends and the settings.
func writeInfoText(w io.Writer, r numeric.HardwareReport) error {
	iw := &infoWriter{w: w}
	for _, e := range r.Errors {
		iw.printf("error: %s\n", e)
	}
	if len(r.Errors) > 0 {
		iw.printf("\n")
	}
	writeInfoCPU(iw, r)
	iw.printf("\n")
	writeInfoOpenCL(iw, r.OpenCL)
	iw.printf("\nBackends (in order of preference)\n")
	for _, b := range r.Backends {
		status := "unusable"
		switch {
		case b.Selected:
			status = "enabled"
		case b.Usable:
			status = "usable, disabled by NUMKIT_BACKEND=" + r.Config.Backend
		}
		iw.printf("  %-8s %s: %s\n", b.Name, status, b.Reason)
	}
	iw.printf("\n")
	writeInfoConfig(iw, r.Config)
	return iw.err
}

func writeInfoCPU(iw *infoWriter, r numeric.HardwareReport) {
	c := r.CPU
	iw.line("CPU", "%s", infoOr(c.Brand, "unknown (not detected)"))
	detail := fmt.Sprintf("%s family %d model %d stepping %d", infoOr(c.Vendor, "unknown vendor"), c.Family, c.Model, c.Stepping)
	if c.X86Level > 0 {
		detail += fmt.Sprintf(", x86-64-v%d", c.X86Level)
	}
	if c.Hypervisor {
		detail += ", under a hypervisor"
	}
	iw.line("", "%s; %s/%s, %s", detail, r.OS, r.Arch, r.GoVersion)
	if c.LogicalCores > 0 {
		iw.line("Cores", "%d physical, %d logical usable by this process; GOMAXPROCS %d",
			c.PhysicalCores, c.LogicalCores, r.GOMAXPROCS)
		if c.CoresSource != "" {
			iw.line("", "%s", c.CoresSource)
		}
	} else {
		iw.line("Cores", "unknown; GOMAXPROCS %d", r.GOMAXPROCS)
	}
	if c.HostLogicalCores > 0 {
		iw.line("Host", "%d physical, %d logical (%s per core), as cpuid sees the host",
			c.HostPhysicalCores, c.HostLogicalCores, infoCount(c.ThreadsPerCore, "thread"))
	}
	l3 := infoBytes(uint64(c.L3Bytes))
	if c.L3Source != "" {
		l3 += " (" + c.L3Source + ")"
	}
	iw.line("Caches", "L1d %s, L2 %s, L3 %s; lines %s",
		infoBytes(uint64(c.L1DBytes)), infoBytes(uint64(c.L2Bytes)), l3, infoBytes(uint64(c.CacheLineBytes)))
	if r.Memory.TotalBytes > 0 {
		iw.line("Memory", "%s (%s)", infoBytes(r.Memory.TotalBytes), r.Memory.Source)
	} else {
		iw.line("Memory", "%s", r.Memory.Source)
	}
	iw.line("SIMD", "%s (CPU and build support %s)", r.SIMD.Level, r.SIMD.Supported)
	iw.line("", "%s", r.SIMD.Reason)
	var have, lack []string
	for _, name := range infoFeatureOrder(r.Arch, r.SIMD.Features) {
		if r.SIMD.Features[name] {
			have = append(have, name)
		} else {
			lack = append(lack, name)
		}
	}
	iw.line("Features", "%s", infoOr(strings.Join(have, " "), "none"))
	if len(lack) > 0 {
		iw.line("Missing", "%s", strings.Join(lack, " "))
	}
}

// infoFeatureOrder lists the feature names in the display order of goarch, then any
// others sorted.
func infoFeatureOrder(goarch string, features map[string]bool) []string {
	var names []string
	for _, name := range numeric.SIMDFeatureNames(goarch) {
		if _, ok := features[name]; ok {
			names = append(names, name)
		}
	}
	var rest []string
	for name := range features {
		if !slices.Contains(names, name) {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	return append(names, rest...)
}

func writeInfoOpenCL(iw *infoWriter, o numeric.OpenCLInfo) {
	if !o.Available {
		iw.line("OpenCL", "unavailable: %s", o.Reason)
	} else {
		iw.line("OpenCL", "%s", o.Reason)
	}
	if o.Library != "" {
		iw.line("", "library: %s", o.Library)
	}
	for _, p := range o.Platforms {
		iw.printf("  platform %s (%s): %s, %s\n", p.Name, infoOr(p.Vendor, "unknown vendor"), p.Version, p.Profile)
		for _, d := range p.Devices {
			mark := " "
			if o.Chosen != nil && o.Chosen.Index == d.Index {
				mark = "*"
			}
			iw.printf("  %s [%d] %s (%s)\n", mark, d.Index, d.Name, d.Type)
			iw.printf("        %d compute units @ %d MHz, %s global, %s local, %s max allocation, work groups ≤ %d\n",
				d.ComputeUnits, d.ClockMHz, infoBytes(d.GlobalMemBytes), infoBytes(d.LocalMemBytes),
				infoBytes(d.MaxAllocBytes), d.MaxWorkGroupSize)
			iw.printf("        fp64 %s, fp16 %s, unified memory %s; %s, %s, driver %s\n",
				infoYesNo(d.FP64), infoYesNo(d.FP16), infoYesNo(d.UnifiedMemory), d.Version, d.OpenCLCVersion, d.DriverVersion)
		}
	}
	if o.Chosen != nil {
		iw.line("Chosen", "[%d] %s: %s", o.Chosen.Index, o.Chosen.Name, o.Chosen.Reason)
	}
}

func writeInfoConfig(iw *infoWriter, c numeric.EnvInfo) {
	iw.printf("Settings (NUMKIT_* environment variables)\n")
	rows := []struct{ name, value string }{
		{"NUMKIT_SIMD", c.SIMD},
		{"NUMKIT_OPENCL", c.OpenCL},
		{"NUMKIT_OPENCL_DEVICE", infoOr(c.OpenCLDevice, "(choose automatically)")},
		{"NUMKIT_OPENCL_LIBRARY", infoOr(c.OpenCLLibrary, "(default names)")},
		{"NUMKIT_THREADS", fmt.Sprint(c.Threads)},
		{"NUMKIT_BACKEND", c.Backend},
		{"NUMKIT_CACHE_DIR", infoOr(c.CacheDir, "(none)")},
		{"NUMKIT_DEBUG", infoOnOff(c.Debug)},
		{"NUMKIT_OPENCL_CACHE", c.OpenCLCache},
		{"NUMKIT_OPENCL_DUMP", infoOnOff(c.OpenCLDump)},
		{"NUMKIT_ACCURACY", c.Accuracy},
	}
	for _, row := range rows {
		source := "default"
		if raw, ok := c.Env[row.name]; ok {
			source = fmt.Sprintf("set to %q", raw)
		}
		iw.printf("  %-22s %s [%s]\n", row.name, row.value, source)
	}
}

// infoOnOff shows a 0 | 1 setting as its value.
func infoOnOff(on bool) string {
	if on {
		return "1"
	}
	return "0"
}

// infoBytes formats a byte count with a binary unit: "48 KiB", "1.25 MiB", "23.4 GiB".
func infoBytes(n uint64) string {
	if n == 0 {
		return "unknown"
	}
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	switch {
	case u == 0 || v == float64(uint64(v)):
		return fmt.Sprintf("%d %s", uint64(v), units[u])
	case v < 10:
		return fmt.Sprintf("%.2f %s", v, units[u])
	}
	return fmt.Sprintf("%.1f %s", v, units[u])
}

// infoCount formats n things: "1 thread", "2 threads".
func infoCount(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

func infoYesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func infoOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
