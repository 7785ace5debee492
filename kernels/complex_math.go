package kernels

// The complex functions in OpenCL C, double precision (complex64 arguments are widened
// and the result rounded once, as on the CPU). Each is written from the algorithm of
// the portable Go kernel of the same name (numeric/internal/generic/complex_math.go:
// CSqrt, CExp, CLog, ...), with the same special values and branch cuts (C99 Annex G,
// NumPy's signs where Annex G leaves them open); where the Go kernel hands special
// arguments to math/cmplx, the helper has math/cmplx's special cases written out
// (nk_gasin: cmplx.Asin's, nk_gacos: cmplx.Acos's, the catanh and cpow branches). The
// device's built-ins (sin, log1p, asinh, pow, ...) stand for Go's math functions, so
// the parts agree with the CPU's within the functions' documented bounds, not bit for
// bit. FP_CONTRACT is off, so every product is rounded as in Go.

// complexFuncHelpers are the helpers' texts, each with the helpers it calls (deps,
// emitted before it).
var complexFuncHelpers = map[string]struct {
	deps []string
	text string
}{
	// atan2 that keeps the sign of y (generic's atan2).
	"atan2k": {nil, `double nk_atan2k_f64(double y, double x) {
	double r = atan2(y, x);
	if (!isnan(r) && signbit(r) != signbit(y)) r = -r;
	return r;
}`},
	// The sum of five terms by SumK with K = 3 (generic's sum3).
	"sum3": {nil, `double nk_sum3_f64(double p0, double p1, double p2, double p3, double p4) {
	double p[5] = {p0, p1, p2, p3, p4};
	for (int k = 0; k < 2; k++) {
		for (int i = 1; i < 5; i++) {
			double a = p[i], b = p[i - 1], s = a + b, bb = s - a;
			p[i] = s;
			p[i - 1] = (a - (s - bb)) + (b - bb);
		}
	}
	double s = 0;
	for (int i = 0; i < 4; i++) s += p[i];
	return s + p[4];
}`},
	// log(hypot(x, y)) accurately (generic's logAbs).
	"logabs": {[]string{"sum3"}, `double nk_logabs_f64(double x, double y) {
	double a = fabs(x), b = fabs(y);
	if (isinf(a) || isinf(b)) return INFINITY;
	if (isnan(a) || isnan(b)) return NAN;
	if (a < b) { double t = a; a = b; b = t; }
	if (a < 0x1p-900) return log(hypot(a * 0x1p600, b * 0x1p600)) - 0x1.9fe3682cd3be4p+08;
	if (a > 0x1p1000) return log(hypot(a * 0x1p-600, b * 0x1p-600)) + 0x1.9fe3682cd3be4p+08;
	if (a >= 0.5 && a <= 2 && b < 1) {
		double ph = a * a, pl = fma(a, a, -ph), qh = b * b, ql = fma(b, b, -qh);
		return log1p(nk_sum3_f64(-1, ph, qh, pl, ql)) / 2;
	}
	return log(hypot(a, b));
}`},
	"cexp": {nil, `double2 nk_cexp_f64(double2 z) {
	double x = z.x, y = z.y;
	if (y == 0) return (double2)(exp(x), y);
	if (isinf(x) && x < 0 && isinf(y)) return (double2)(0, copysign(0.0, y));
	if (isinf(x) && x < 0 && isnan(y)) return (double2)(0, 0);
	if (isinf(x) && x > 0 && (isinf(y) || isnan(y))) return (double2)(x, NAN);
	if (isnan(x) || isnan(y) || isinf(y)) return (double2)(NAN, NAN);
	double c, s = sincos(y, &c);
	if (x > 709 && !isinf(x)) {
		double e = exp(x / 2);
		return (double2)(c * e * e, s * e * e);
	}
	double e = exp(x);
	return (double2)(e * c, e * s);
}`},
	"clog": {[]string{"atan2k", "logabs"}, `double2 nk_clog_f64(double2 z) {
	return (double2)(nk_logabs_f64(z.x, z.y), nk_atan2k_f64(z.y, z.x));
}`},
	"clog10": {[]string{"clog"}, `double2 nk_clog10_f64(double2 z) {
	double2 l = nk_clog_f64(z);
	return (double2)(l.x * M_LOG10E, l.y * M_LOG10E);
}`},
	"clog1p": {[]string{"clog", "sum3"}, `double2 nk_clog1p_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isnan(x) || isnan(y) || isinf(x) || isinf(y) || fabs(x) > 0.5 || fabs(y) > 1e150) return nk_clog_f64((double2)(1 + x, y));
	double xh = x * x, xl = fma(x, x, -xh), yh = y * y, yl = fma(y, y, -yh);
	double d = nk_sum3_f64(2 * x, xh, yh, xl, yl);
	return (double2)(log1p(d) / 2, nk_atan2k_f64(y, 1 + x));
}`},
	"cexpm1": {[]string{"cexp"}, `double2 nk_cexpm1_f64(double2 z) {
	double x = z.x, y = z.y;
	if (y == 0) return (double2)(expm1(x), y);
	if (isnan(x) || isnan(y) || isinf(x) || isinf(y) || x > 709) { /* past 709 cexp splits e**x */
		double2 e = nk_cexp_f64(z);
		return (double2)(e.x - 1, e.y);
	}
	double s = sin(y / 2);
	return (double2)(expm1(x) * cos(y) - 2 * s * s, exp(x) * sin(y));
}`},
	"csqrt": {nil, `double2 nk_csqrt_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isinf(y)) return (double2)(INFINITY, y);
	if (isnan(x)) return (double2)(x, NAN);
	if (isinf(x) && x > 0) return (double2)(x, isnan(y) ? y : copysign(0.0, y));
	if (isinf(x)) return isnan(y) ? (double2)(NAN, INFINITY) : (double2)(0, copysign((double)INFINITY, y));
	if (isnan(y)) return (double2)(NAN, y);
	if (x == 0 && y == 0) return (double2)(0, y);
	double scale = 1, ax = fabs(x), ay = fabs(y), m = fmax(ax, ay);
	if (m > 0x1p1020) { ax *= 0x1p-2; ay *= 0x1p-2; scale = 2; }
	else if (m < 0x1p-1000) { ax *= 0x1p108; ay *= 0x1p108; scale = 0x1p-54; }
	double t = sqrt((ax + hypot(ax, ay)) / 2);
	double u = ay / (2 * t);
	if (x >= 0) return (double2)(t * scale, copysign(u * scale, y));
	return (double2)(u * scale, copysign(t * scale, y));
}`},
	// (sinh x, cosh x) as math/cmplx computes them for its sinh and cosh.
	"sinhcosh": {nil, `double2 nk_sinhcosh_f64(double x) {
	if (fabs(x) <= 0.5) return (double2)(sinh(x), cosh(x));
	double e = exp(x);
	double ei = 0.5 / e;
	e *= 0.5;
	return (double2)(e - ei, e + ei);
}`},
	// p·e**|x|/2 past |x| = 709, where e**|x| overflows but the product may not
	// (cosh(1000 + 1e-300j)): (p·h/2)·h with h = e**(|x|/2); a zero p stays zero.
	"hbig": {nil, `double nk_hbig_f64(double p, double x) {
	if (p == 0) return p;
	double h = exp(fabs(x) / 2);
	return p * h * 0.5 * h;
}`},
	"csinh": {[]string{"sinhcosh", "hbig"}, `double2 nk_csinh_f64(double2 z) {
	double x = z.x, y = z.y;
	if (y == 0) return (double2)(sinh(x), y);
	if (isinf(x) && (isinf(y) || isnan(y))) return (double2)(INFINITY, NAN);
	if (x == 0 && (isinf(y) || isnan(y))) return (double2)(x, NAN);
	double c, s = sincos(y, &c);
	if (fabs(x) > 709 && !isinf(x)) return (double2)(copysign(1.0, x) * nk_hbig_f64(c, x), nk_hbig_f64(s, x));
	double2 h = nk_sinhcosh_f64(x);
	return (double2)(c * h.x, s * h.y);
}`},
	"ccosh": {[]string{"sinhcosh", "hbig"}, `double2 nk_ccosh_f64(double2 z) {
	double x = z.x, y = z.y;
	if (y == 0 && isnan(x)) return z;
	if (y == 0) return (double2)(cosh(x), y * copysign(1.0, x));
	if (x == 0 && (isinf(y) || isnan(y))) return (double2)(NAN, 0);
	if (isinf(x) && (isinf(y) || isnan(y))) return (double2)(INFINITY, NAN);
	double c, s = sincos(y, &c);
	if (fabs(x) > 709 && !isinf(x)) return (double2)(nk_hbig_f64(c, x), copysign(1.0, x) * nk_hbig_f64(s, x));
	double2 h = nk_sinhcosh_f64(x);
	return (double2)(c * h.y, s * h.x);
}`},
	// Kahan's formula, ±1 + j·4 sin y cos y e**(-2|x|) past |x| = 22.
	"ctanh": {nil, `double2 nk_ctanh_f64(double2 z) {
	double x = z.x, y = z.y;
	if (y == 0) return (double2)(tanh(x), y);
	if (x == 0 && (isinf(y) || isnan(y))) return (double2)(x, NAN);
	if (fabs(x) > 22 && !isinf(x) && !isinf(y) && !isnan(y)) {
		double c, s = sincos(y, &c);
		return (double2)(copysign(1.0, x), 4 * s * c * exp(-2 * fabs(x)));
	}
	if (isinf(x)) return (double2)(copysign(1.0, x), copysign(0.0, isinf(y) || isnan(y) ? y : sin(2 * y)));
	if (isnan(x) || isnan(y) || isinf(y)) return (double2)(NAN, NAN);
	double t = tan(y), b = 1 + t * t, sh = sinh(x), r = sqrt(1 + sh * sh), d = 1 + b * sh * sh;
	return (double2)(b * r * sh / d, t / d);
}`},
	// Kahan's arcsin of finite x + yj.
	"kasin": {[]string{"csqrt", "atan2k"}, `double2 nk_kasin_f64(double x, double y) {
	double2 a = nk_csqrt_f64((double2)(1 - x, -y)), b = nk_csqrt_f64((double2)(1 + x, y));
	return (double2)(nk_atan2k_f64(x, a.x * b.x - a.y * b.y), asinh(a.x * b.y - a.y * b.x));
}`},
	"casinh": {[]string{"kasin", "clog"}, `double2 nk_casinh_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isnan(x) && isinf(y)) return (double2)(INFINITY, NAN);
	if (isinf(x)) {
		if (isinf(y)) return (double2)(x, copysign(M_PI_4, y));
		return isnan(y) ? z : (double2)(x, copysign(0.0, y));
	}
	if (isnan(x)) return y == 0 ? z : (double2)(NAN, NAN);
	if (isinf(y)) return (double2)(copysign(y, x), copysign(M_PI_2, y));
	if (isnan(y)) return (double2)(NAN, NAN);
	int neg = signbit(x);
	if (neg) { x = -x; y = -y; }
	double2 r;
	if (y == 0) r = (double2)(asinh(x), y);
	else if (hypot(x, y) > 1e150) { double2 l = nk_clog_f64((double2)(x, y)); r = (double2)(l.x + M_LN2, l.y); }
	else { double2 k = nk_kasin_f64(-y, x); r = (double2)(k.y, -k.x); }
	return neg ? -r : r;
}`},
	// math/cmplx's Asin and Acos at arguments with an infinite or NaN part.
	"gasin": {nil, `double2 nk_gasin_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isnan(y)) {
		if (x == 0) return (double2)(x, NAN);
		return isinf(x) ? (double2)(NAN, x) : (double2)(NAN, NAN);
	}
	if (isinf(y)) {
		if (isnan(x)) return z;
		return (double2)(isinf(x) ? copysign(M_PI_4, x) : copysign(0.0, x), y);
	}
	if (isinf(x)) return (double2)(copysign(M_PI_2, x), copysign(x, y));
	return (double2)(NAN, NAN);
}`},
	"gacos": {[]string{"gasin"}, `double2 nk_gacos_f64(double2 z) {
	double2 w = nk_gasin_f64(z);
	return (double2)(M_PI_2 - w.x, -w.y);
}`},
	"cacosh": {[]string{"gacos", "csqrt", "atan2k", "clog"}, `double2 nk_cacosh_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isnan(x) && isinf(y)) return (double2)(INFINITY, NAN);
	if (x == 0 && isnan(y)) return (double2)(NAN, M_PI_2);
	if (isnan(x) || isnan(y) || isinf(x) || isinf(y)) {
		double2 w = nk_gacos_f64(z);
		return w.y <= 0 ? (double2)(-w.y, w.x) : (double2)(w.y, -w.x);
	}
	if (hypot(x, y) > 1e150) { double2 l = nk_clog_f64(z); return (double2)(l.x + M_LN2, l.y); }
	double2 a = nk_csqrt_f64((double2)(x - 1, y)), b = nk_csqrt_f64((double2)(x + 1, y));
	return (double2)(asinh(a.x * b.x + a.y * b.y), 2 * nk_atan2k_f64(a.y, b.x));
}`},
	"catanh": {[]string{"logabs", "atan2k"}, `double2 nk_catanh_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isnan(x) || isnan(y) || isinf(x) || isinf(y)) { /* -j·cmplx.Atan(jz) */
		double re = -y, im = x;
		double2 w = (double2)(NAN, NAN);
		if (im == 0) w = (double2)(atan(re), im);
		else if (isinf(im) || isinf(re)) w = (double2)(isnan(re) ? NAN : copysign(M_PI_2, re), copysign(0.0, im));
		return (double2)(w.y, -w.x);
	}
	if (y == 0 && fabs(x) <= 1) return (double2)(atanh(x), y);
	double m = hypot(x, y);
	if (m > 1e8) return (double2)(x / m / m, copysign(M_PI_2, y) - y / m / m);
	double ax = fabs(x), re;
	if ((1 - ax) * (1 - ax) + y * y < 4 * ax) re = copysign((nk_logabs_f64(1 + ax, y) - nk_logabs_f64(1 - ax, y)) / 2, x);
	else re = log1p(4 * x / ((1 - x) * (1 - x) + y * y)) / 4;
	return (double2)(re, nk_atan2k_f64(2 * y, (1 - x) * (1 + x) - y * y) / 2);
}`},
	"csin": {[]string{"csinh"}, `double2 nk_csin_f64(double2 z) {
	if (isinf(z.y) && (isinf(z.x) || isnan(z.x))) return (double2)(NAN, INFINITY);
	double2 w = nk_csinh_f64((double2)(-z.y, z.x));
	return (double2)(w.y, -w.x);
}`},
	"ccos": {[]string{"ccosh"}, `double2 nk_ccos_f64(double2 z) {
	return nk_ccosh_f64((double2)(-z.y, z.x));
}`},
	"ctan": {[]string{"ctanh"}, `double2 nk_ctan_f64(double2 z) {
	double2 w = nk_ctanh_f64((double2)(-z.y, z.x));
	return (double2)(w.y, -w.x);
}`},
	"casin": {[]string{"casinh", "kasin"}, `double2 nk_casin_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isinf(x) && isnan(y)) return (double2)(NAN, INFINITY);
	if (isnan(x) || isnan(y) || isinf(x) || isinf(y) || hypot(x, y) > 1e150) {
		double2 w = nk_casinh_f64((double2)(-y, x));
		return (double2)(w.y, -w.x);
	}
	return nk_kasin_f64(x, y);
}`},
	"cacos": {[]string{"gacos", "csqrt", "atan2k", "clog"}, `double2 nk_cacos_f64(double2 z) {
	double x = z.x, y = z.y;
	if (isinf(x) && isnan(y)) return (double2)(NAN, -INFINITY);
	if (isnan(x) || isnan(y) || isinf(x) || isinf(y)) return nk_gacos_f64(z);
	int neg = signbit(y);
	if (neg) y = -y;
	double2 r;
	if (hypot(x, y) > 1e150) {
		double2 l = nk_clog_f64((double2)(x, y));
		r = (double2)(l.y, -(l.x + M_LN2));
	} else {
		double2 a = nk_csqrt_f64((double2)(1 - x, -y)), b = nk_csqrt_f64((double2)(1 + x, y));
		r = (double2)(2 * nk_atan2k_f64(a.x, b.x), asinh(b.x * a.y - b.y * a.x));
	}
	if (neg) r.y = -r.y;
	return r;
}`},
	"catan": {[]string{"catanh"}, `double2 nk_catan_f64(double2 z) {
	double2 w = nk_catanh_f64((double2)(-z.y, z.x));
	return (double2)(w.y, -w.x);
}`},
	// generic's CPow: binary powering for an integer real y with |y| < 100, else
	// |x|**re(y)·e**(-arg(x)·im(y)) at the angle arg(x)·re(y) + im(y)·log|x|
	// (math/cmplx's Pow formula; its own, with math.Atan2 and math.Log, at
	// non-finite arguments).
	"cpow": {[]string{"cmul", "cdiv", "atan2k", "logabs"}, `double2 nk_cpow_f64(double2 x, double2 y) {
	double br = y.x, bi = y.y;
	if (br == 0 && bi == 0) return (double2)(1, 0);
	if (x.x == 0 && x.y == 0) return br > 0 && bi == 0 ? (double2)(0, 0) : (double2)(NAN, NAN);
	double n = trunc(br);
	if (bi == 0 && n == br && fabs(n) < 100) {
		int k = (int)fabs(n);
		double2 p = x;
		if (n > 0 && k == 1) return x;
		if (n > 0 && k == 2) return nk_cmul_f64(p, p);
		if (n > 0 && k == 3) return nk_cmul_f64(p, nk_cmul_f64(p, p));
		double2 acc = (double2)(1, 0);
		for (int mask = 1; ; mask <<= 1) {
			if (k & mask) acc = nk_cmul_f64(acc, p);
			if (k < mask << 1) break;
			p = nk_cmul_f64(p, p);
		}
		return n < 0 ? nk_cdiv_f64((double2)(1, 0), acc) : acc;
	}
	double mod = hypot(x.x, x.y), r, theta, arg;
	if (isnan(x.x) || isnan(x.y) || isinf(x.x) || isinf(x.y) || isnan(br) || isnan(bi) || isinf(br) || isinf(bi)) {
		if (mod == 0) return (double2)(0, 0);
		arg = atan2(x.y, x.x);
		r = pow(mod, br);
		theta = br * arg;
		if (bi != 0) { r *= exp(-bi * arg); theta += bi * log(mod); }
	} else {
		arg = nk_atan2k_f64(x.y, x.x);
		r = pow(mod, br);
		theta = br * arg;
		if (bi != 0) { r *= exp(-bi * arg); theta += bi * nk_logabs_f64(x.x, x.y); }
	}
	double c, s = sincos(theta, &c);
	return (double2)(r * c, r * s);
}`},
}

// complexFuncOps are the helpers of the complex functions, by operation.
var complexFuncOps = map[string]string{
	"sqrt": "csqrt", "exp": "cexp", "log": "clog", "log10": "clog10", "log1p": "clog1p", "expm1": "cexpm1",
	"sin": "csin", "cos": "ccos", "tan": "ctan", "sinh": "csinh", "cosh": "ccosh", "tanh": "ctanh",
	"arcsin": "casin", "arccos": "cacos", "arctan": "catan", "arcsinh": "casinh", "arccosh": "cacosh",
	"arctanh": "catanh", "pow": "cpow",
}
