package asm

import (
	"embed"
	"io/fs"
)

// mathRefFiles holds the mpmath reference tables, testdata/ulp/<func>_f64.txt and
// _f32.txt, that MeasureMathAccuracy reads: numkit bench --accuracy uses them when
// run outside a checkout. A program that does not call MathRefData does not carry
// them (the linker drops unreferenced data).
//
//go:embed testdata/ulp/*.txt
var mathRefFiles embed.FS

// MathRefData returns the embedded reference tables as a file system rooted where
// MeasureMathAccuracy wants it (holding ulp/).
func MathRefData() fs.FS {
	sub, err := fs.Sub(mathRefFiles, "testdata")
	if err != nil {
		panic("asm: embedded reference tables: " + err.Error()) // a build with no testdata/ulp fails at go:embed
	}
	return sub
}
