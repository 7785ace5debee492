// Package kernels generates OpenCL C source from numkit's IR (package numeric/ir).
//
// Generate turns one typed program into one OpenCL C program for one device: a kernel
// per stage that passes over the elements. The last stage of an element-wise
// expression is a plain kernel, one element per work-item, guarded by
// `if (i >= n) return;` so any n works with any global size. A stage that ends in
// reductions is a two-stage reduction: each work-group reduces a tile of
// GroupSize×ItemsPerThread elements and writes one partial per reduction; the caller
// combines the partials in a fixed order. On a GPU (the default shape) each work-item
// folds its ItemsPerThread elements in order, then the group combines its work-items
// in a fixed binary tree in local memory; on a CPU (Target.CPU) a work-group is one
// work-item that folds its whole tile into up to 16 interleaved accumulators and
// combines them in a fixed tree, with no barriers. Every order depends only on n, so
// results are identical across runs.
//
// The kernels reproduce the semantics of numkit's reference Go kernels
// (numeric/internal/generic): integer + - * and unary minus are computed in the
// unsigned type and cast back (signed overflow is undefined in C, wrapping in numkit);
// integer // and % are floored with x//0 = x%0 = 0; shift counts outside the type's
// width give 0 or -1; float // and % follow Python; maximum and minimum propagate NaN;
// round is half to even (rint); nextafter(x, x) is x. Bool values are uchar (0 or 1),
// one byte per element, as in Go. Float contraction is off, so a*b+c is two roundings
// unless the IR asks for a fused multiply-add.
//
// Constants are written into the source as exact literals (hexadecimal floats, or bit
// patterns for NaN and infinities); scalar inputs and reduction results are kernel
// arguments. A program with float64 values needs a device with cl_khr_fp64: Generate
// enables the extension when Target.FP64 says the device has it and fails otherwise.
//
// The package produces source text and a description of each kernel's arguments only;
// package numeric builds and runs the kernels through package cl.
package kernels
