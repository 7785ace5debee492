// Shared by math_logfam_amd64.s and math_hyp_amd64.s: the logFamTab indices and
// the AVX-512 log(m) core (logFamM in math_logfam_scalar.go).
// logFamTab offsets (8 bytes each; logFamTab4 copies 32):
#define LF_SQRT2 0
#define LF_HALF 1
#define LF_ONE 2
#define LF_TWO 3
#define LF_INF 4
#define LF_NINF 5
#define LF_NAN 6
#define LF_MINNORM 7
#define LF_TWO52 8
#define LF_BIAS 9
#define LF_BIASSUB 10
#define LF_MANT 11
#define LF_INVLN2HI 12
#define LF_INVLN2LO 13
#define LF_INVLN10HI 14
#define LF_INVLN10LO 15
#define LF_L10_2HI 16
#define LF_L10_2LO 17
#define LF_LN2HI 18
#define LF_LN2LO 19
#define LF_LN2 20
#define LF_L10_2 21
#define LF_ABS 22
#define LF_TINY 23
#define LF_C 24

#define LF(i) ·logFamTab+8*(i)(SB)
#define LF4(i) ·logFamTab4+32*(i)(SB)

// ---- AVX-512 -----------------------------------------------------------------
//
// Registers: Z0 = x; Z15 = 0, Z16 = sqrt2, Z17 = 0.5, Z18 = 1, Z19 = 2, Z29 = -Inf,
// Z30 = +Inf, Z31 = NaN; Z22-Z28 the polynomial (C6..C0); Z11-Z14, Z20, Z21 per function; Z1-Z10 scratch, Z10 the result.

#define LF_CONSTS_512 \
	VPXORQ       Z15, Z15, Z15      \
	VBROADCASTSD LF(LF_SQRT2), Z16  \
	VBROADCASTSD LF(LF_HALF), Z17   \
	VBROADCASTSD LF(LF_ONE), Z18    \
	VBROADCASTSD LF(LF_TWO), Z19    \
	VBROADCASTSD LF(LF_NINF), Z29   \
	VBROADCASTSD LF(LF_INF), Z30    \
	VBROADCASTSD LF(LF_NAN), Z31

#define LF_POLY64_512 \
	VBROADCASTSD LF(LF_C+0), Z22 \
	VBROADCASTSD LF(LF_C+1), Z23 \
	VBROADCASTSD LF(LF_C+2), Z24 \
	VBROADCASTSD LF(LF_C+3), Z25 \
	VBROADCASTSD LF(LF_C+4), Z26 \
	VBROADCASTSD LF(LF_C+5), Z27 \
	VBROADCASTSD LF(LF_C+6), Z28

// Z1 = m, Z2 = e with X = m*2^e, sqrt(2)/2 <= m <= sqrt(2) (subnormals included).
#define LF_SPLIT_512(X) \
	VGETMANTPD $0, X, Z1          \
	VGETEXPPD  X, Z2              \
	VCMPPD     $0x1e, Z16, Z1, K2 \ // m > sqrt2
	VMULPD     Z17, Z1, K2, Z1    \
	VADDPD     Z18, Z2, K2, Z2

// logFamM: Z2 = e, Z3 = a, Z4 = t with log(X) = e*ln2 + a + t. Clobbers Z1-Z9.
#define LF_M_512(X) \
	LF_SPLIT_512(X)          \
	VSUBPD      Z18, Z1, Z1  \ // f = m - 1
	VADDPD      Z19, Z1, Z5  \
	VDIVPD      Z5, Z1, Z5   \ // s = f/(2+f)
	VMULPD      Z5, Z5, Z6   \ // z = s*s
	VMOVAPD     Z22, Z7      \
	VFMADD213PD Z23, Z6, Z7  \
	VFMADD213PD Z24, Z6, Z7  \
	VFMADD213PD Z25, Z6, Z7  \
	VFMADD213PD Z26, Z6, Z7  \
	VFMADD213PD Z27, Z6, Z7  \
	VFMADD213PD Z28, Z6, Z7  \ // p
	VMULPD      Z17, Z1, Z8  \ // hf = f/2
	VMULPD      Z1, Z8, Z9   \ // hfsq = hf*f
	VFMSUB213PD Z9, Z1, Z8   \ // hl = hf*f - hfsq, exact
	VSUBPD      Z9, Z1, Z3   \ // a = f - hfsq
	VSUBPD      Z3, Z1, Z4   \
	VSUBPD      Z9, Z4, Z4   \ // ae = (f - a) - hfsq
	VSUBPD      Z8, Z4, Z4   \ // ae - hl
	VFMADD213PD Z9, Z6, Z7   \ // r = z*p + hfsq
	VFMADD231PD Z7, Z5, Z4     // t = s*r + (ae - hl)

// AVX2 (constants from logFamTab4):

// Y1 = m, Y2 = e as LF_SPLIT_512, from the bits; X < 2^-1022 is scaled by 2^52 first.
#define LF_SPLIT_256(X) \
	VCMPPD    $0x11, LF4(LF_MINNORM), X, Y11 \
	VMULPD    LF4(LF_TWO52), X, Y12          \
	VBLENDVPD Y11, Y12, X, Y1                \
	VMOVUPD   LF4(LF_BIAS), Y12              \
	VBLENDVPD Y11, LF4(LF_BIASSUB), Y12, Y12 \
	VPSRLQ    $52, Y1, Y2                    \
	VPOR      LF4(LF_TWO52), Y2, Y2          \
	VSUBPD    LF4(LF_TWO52), Y2, Y2          \
	VADDPD    Y12, Y2, Y2                    \
	VANDPD    LF4(LF_MANT), Y1, Y3           \
	VORPD     LF4(LF_ONE), Y3, Y3            \
	VCMPPD    $0x1e, LF4(LF_SQRT2), Y3, Y4   \
	VMULPD    LF4(LF_HALF), Y3, Y5           \
	VBLENDVPD Y4, Y5, Y3, Y1                 \
	VANDPD    LF4(LF_ONE), Y4, Y5            \
	VADDPD    Y5, Y2, Y2

// LF_SPLIT_256 for normal X (float32 arguments, log1p's u >= 2^-53).
#define LF_SPLITN_256(X) \
	VPSRLQ    $52, X, Y2                   \
	VPOR      LF4(LF_TWO52), Y2, Y2        \
	VSUBPD    LF4(LF_TWO52), Y2, Y2        \
	VADDPD    LF4(LF_BIAS), Y2, Y2         \
	VANDPD    LF4(LF_MANT), X, Y3          \
	VORPD     LF4(LF_ONE), Y3, Y3          \
	VCMPPD    $0x1e, LF4(LF_SQRT2), Y3, Y4 \
	VMULPD    LF4(LF_HALF), Y3, Y5         \
	VBLENDVPD Y4, Y5, Y3, Y1               \
	VANDPD    LF4(LF_ONE), Y4, Y5          \
	VADDPD    Y5, Y2, Y2

// LF_M_512 after a split: Y2 = e, Y3 = a, Y4 = t. Clobbers Y1-Y9.
#define LF_M_256 \
	VSUBPD      LF4(LF_ONE), Y1, Y1    \
	VADDPD      LF4(LF_TWO), Y1, Y5    \
	VDIVPD      Y5, Y1, Y5             \
	VMULPD      Y5, Y5, Y6             \
	VMOVUPD     LF4(LF_C+0), Y7        \
	VFMADD213PD LF4(LF_C+1), Y6, Y7    \
	VFMADD213PD LF4(LF_C+2), Y6, Y7    \
	VFMADD213PD LF4(LF_C+3), Y6, Y7    \
	VFMADD213PD LF4(LF_C+4), Y6, Y7    \
	VFMADD213PD LF4(LF_C+5), Y6, Y7    \
	VFMADD213PD LF4(LF_C+6), Y6, Y7    \
	VMULPD      LF4(LF_HALF), Y1, Y8   \
	VMULPD      Y1, Y8, Y9             \
	VFMSUB213PD Y9, Y1, Y8             \
	VSUBPD      Y9, Y1, Y3             \
	VSUBPD      Y3, Y1, Y4             \
	VSUBPD      Y9, Y4, Y4             \
	VSUBPD      Y8, Y4, Y4             \
	VFMADD213PD Y9, Y6, Y7             \
	VFMADD231PD Y7, Y5, Y4
