// Command prims generates numkit's SIMD primitives in package asm: the exported
// dispatchers and pure-Go twins, the amd64 (AVX-512, AVX2) and arm64 (NEON)
// assembly, their declarations, and the test table.
//
// Run it from this directory: go run . -out ../..
package main

import (
	"flag"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "../..", "package asm directory")
	flag.Parse()
	ops := allOps()
	families := []string{"arith", "unary", "compare", "convert", "reduce"}
	write := func(name, content string) {
		if strings.HasSuffix(name, ".go") {
			src, err := format.Source([]byte(content))
			if err != nil {
				log.Fatalf("%s: %v", name, err)
			}
			content = string(src)
		}
		if err := os.WriteFile(filepath.Join(*out, name), []byte(content), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	for _, f := range families {
		var fo []*op
		for _, o := range ops {
			if o.family == f {
				fo = append(fo, o)
			}
		}
		write(f+".go", familyGo(fo))
		write(f+"_amd64.go", archGo(fo, "amd64"))
		if hasNEON(fo) {
			write(f+"_arm64.go", archGo(fo, "arm64"))
		} else {
			os.Remove(filepath.Join(*out, f+"_arm64.go"))
		}
		write(f+"_noasm.go", noasmGo(fo, hasNEON(fo)))

		var b strings.Builder
		b.WriteString(header + "//go:build !noasm && gc\n\n#include \"textflag.h\"\n\n")
		lut := false
		for _, o := range fo {
			lut = lut || (o.x86 != nil && o.x86.lut)
		}
		if lut {
			boolLUT(&b)
		}
		if f == "reduce" {
			tailMask(&b)
		}
		for _, avx512 := range []bool{true, false} {
			for _, o := range fo {
				e := newX86(&b, avx512)
				if !hasAsm(o, e.level) {
					continue
				}
				if o.red != nil {
					reduceX86(e, o)
				} else {
					elemX86(e, o)
				}
			}
		}
		write(f+"_amd64.s", strings.TrimRight(b.String(), "\n")+"\n")

		var nb strings.Builder
		nb.WriteString(header + "//go:build !noasm && gc\n\n#include \"textflag.h\"\n\n")
		any := false
		for _, o := range fo {
			if o.neon == nil {
				continue
			}
			any = true
			n := &ne{b: &nb}
			if o.red != nil {
				reduceNEON(n, o)
			} else {
				elemNEON(n, o)
			}
		}
		name := f + "_arm64.s"
		if any {
			write(name, strings.TrimRight(nb.String(), "\n")+"\n")
		} else {
			os.Remove(filepath.Join(*out, name))
		}
	}
	write("prims_cases_test.go", casesTest(ops))
}
