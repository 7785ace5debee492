//go:build !noasm && !gccgo && !safe

package generic

// addScaledAsm says whether gonum's floats.AddScaledTo runs its SSE2 assembly, which
// multiplies and then adds (two roundings). Its pure-Go fallback, used elsewhere,
// computes alpha*x + y, which the compiler may contract into a fused multiply-add
// (arm64 does), so elsewhere addScaledFloat64 runs our own loop. The build constraint
// is the one gonum's internal/asm/f64 selects its assembly with.
const addScaledAsm = true
