package asm

// scFMAF32 returns a*b + c rounded once to float32. On arm64 Go compiles a float32
// a*b + c into one FMADDS instruction, the fused operation itself (the package
// comment in math.go lists the sites Go fuses; this is the one meant). TestFMA32
// checks the result against exact arithmetic, under qemu in CI. The float32 exp and
// log twins take five of these per element, and the portable emulation
// (scalar_fma32.go) made them about three times slower than Go's math.
func scFMAF32(a, b, c float32) float32 { return a*b + c }
