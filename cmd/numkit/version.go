package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

func init() {
	register(command{
		name:    "version",
		summary: "print numkit's version, VCS revision and the Go version it was built with",
		run: func(stdout, stderr io.Writer, args []string) int {
			return runVersion(stdout, stderr, args, readBuildInfo)
		},
	})
}

// buildInfo is what `numkit version` reports, from runtime/debug.ReadBuildInfo.
type buildInfo struct {
	SchemaVersion int    `json:"schema_version"`
	Module        string `json:"module"`             // the main module's path
	Version       string `json:"version"`            // its version: a tag, a pseudo-version or (devel)
	Revision      string `json:"revision,omitempty"` // vcs.revision, when built in a checkout
	Time          string `json:"time,omitempty"`     // vcs.time, the commit's time
	Modified      bool   `json:"modified"`           // vcs.modified: the tree had uncommitted changes
	GoVersion     string `json:"go_version"`
	OS            string `json:"os"`
	Arch          string `json:"arch"`
}

// readBuildInfo reads the running binary's build information.
func readBuildInfo() buildInfo {
	b := buildInfo{SchemaVersion: 1, Version: "(unknown)", GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	b.Module, b.GoVersion = info.Main.Path, info.GoVersion
	if info.Main.Version != "" {
		b.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// short is the version in one word for report headers: the module version, with the
// first 12 digits of the revision (and "+dirty") when the build knows them and the
// version does not already say them (a pseudo-version holds the revision, and Go
// marks a modified tree's version "+dirty" itself).
func (b buildInfo) short() string {
	s := b.Version
	if b.Revision != "" {
		if rev := b.Revision[:min(12, len(b.Revision))]; !strings.Contains(s, rev) {
			s += "-" + rev
		}
		if b.Modified && !strings.HasSuffix(s, "+dirty") {
			s += "+dirty"
		}
	}
	return s
}

// numkitVersion is the running binary's short version.
func numkitVersion() string { return readBuildInfo().short() }

func runVersion(stdout, stderr io.Writer, args []string, read func() buildInfo) int {
	fs := newFlagSet("numkit version", stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit version [--json]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Prints the module version (a tag such as v0.1.0 for `go install ...@v0.1.0`,")
		fmt.Fprintln(w, "(devel) for a build in a checkout), the VCS revision and commit time when the")
		fmt.Fprintln(w, "build recorded them, and the Go version.")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	if code := parseFlags(fs, usage, stdout, stderr, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "numkit version: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	b := read()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(b); err != nil {
			fmt.Fprintf(stderr, "numkit version: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "numkit %s\n", b.Version)
	if b.Module != "" {
		fmt.Fprintf(stdout, "module   %s\n", b.Module)
	}
	if b.Revision != "" {
		dirty := ""
		if b.Modified {
			dirty = " (modified)"
		}
		fmt.Fprintf(stdout, "revision %s%s\n", b.Revision, dirty)
	}
	if b.Time != "" {
		fmt.Fprintf(stdout, "time     %s\n", b.Time)
	}
	fmt.Fprintf(stdout, "go       %s %s/%s\n", b.GoVersion, b.OS, b.Arch)
	return 0
}
