// Package kernels generates OpenCL C source from numkit's IR (package numeric/ir):
// one fused kernel per expression, data types and device, plus the static kernels
// for reductions. It produces source text only; package cl builds and runs it.
package kernels
