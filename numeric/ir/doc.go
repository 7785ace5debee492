// Package ir is numkit's typed intermediate representation: what the front end lowers an
// expression to and what every backend runs. A Program is a short list of stages; each
// stage is a flat list of instructions over virtual registers, evaluated element by
// element (the vector code) after a few instructions on scalars (the scalar code), and
// optionally ends in a reduction whose scalar result later stages read.
//
// Registers are typed (DType) and shaped: a vector register holds one value per element,
// a scalar register one value that broadcasts. Inputs and constants are registers too.
// Package ir imports nothing of numkit's, so both package numeric and package kernels
// can use it.
package ir
