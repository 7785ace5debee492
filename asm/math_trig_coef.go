package asm

// Polynomial coefficients and constants of the trig family's vector kernels,
// printed by asm/_gen/mpgen/trig.py (atanF64C* are in math_trig_scalar.go,
// from fit.py).

// atan's reduction breakpoints tan(j*pi/16), j = 1, 3, 5, 7: the centre k*pi/8
// is k = the number of them below |y/x|.
const (
	atanT1 = 0.19891236737965800691
	atanT3 = 0.66817863791929891999
	atanT5 = 1.4966057626654890176
	atanT7 = 5.0273394921258481045
)

// asin(w) = w + w*z*P(z), z = w^2 <= 1/4.
// asinF64: degree 12 on [0, 0.250244], max relative error 1.22e-16
const (
	asinF64C0  = 0.16666666666666669
	asinF64C1  = 0.07499999999998412
	asinF64C2  = 0.04464285714639941
	asinF64C3  = 0.03038194413498969
	asinF64C4  = 0.02237217308870361
	asinF64C5  = 0.01735238915949327
	asinF64C6  = 0.013971267610125383
	asinF64C7  = 0.01147862766107582
	asinF64C8  = 0.010326492442105683
	asinF64C9  = 0.0054413003766885645
	asinF64C10 = 0.017446045289687163
	asinF64C11 = -0.014924025824192517
	asinF64C12 = 0.028808152287436425
)

// asinF32: degree 5 on [0, 0.250244], max relative error 2.22e-8
const (
	asinF32C0 = 0.1666666633525334
	asinF32C1 = 0.0750009507568456
	asinF32C2 = 0.044599200212840036
	asinF32C3 = 0.031103265264044288
	asinF32C4 = 0.01713575047436835
	asinF32C5 = 0.03371497277764427
)
