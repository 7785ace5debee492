// Package numeric is numkit's public API: it compiles array expressions written in a
// numexpr-compatible language and evaluates them on the fastest available backend
// (a fused OpenCL kernel, Go-assembly SIMD kernels, or a parallel pure-Go fallback on
// gonum). It also reports the hardware it found (Hardware).
package numeric
