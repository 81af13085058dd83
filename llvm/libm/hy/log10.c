/* hybridc device libm: log10 (log10f is hy/log10f.c).
 *
 * glibc's log10 (and musl's) have up to ~2 ulp of error each, so hybridc
 * computes log10(x) = log(x) * (1/ln 10) in double-double instead: log(x) as
 * hi + lo from the logarithm inside musl's pow (ARM optimized-routines,
 * relative error ~2^-68), times 1/ln 10 as a double-double (Dekker's exact
 * product, no fma), rounded once: about 0.5 ulp. */

#include "libm.h"

hidden double __hy_log_dd(uint64_t ix, double *tail);

static const double
invln10hi = 0.4342944819032518,    /* 0x3FDBCB7B1526E50E */
invln10lo = 1.098319650216765e-17; /* 0x3C695355BAAAFAD3 */

/* hi + lo = a * b exactly (Dekker), for |a|, |b| far from overflow. */
static void mul12(double a, double b, double *hi, double *lo)
{
	double_t c, ah, al, bh, bl;
	c = 134217729.0 * a;
	ah = c - (c - a);
	al = a - ah;
	c = 134217729.0 * b;
	bh = c - (c - b);
	bl = b - bh;
	*hi = a * b;
	*lo = ((ah * bh - *hi) + ah * bl + al * bh) + al * bl;
}

double log10(double x)
{
	uint64_t ix = asuint64(x);
	uint32_t top = ix >> 52;
	double hi, lo, phi, plo;

	if (predict_false(top - 0x001 >= 0x7ff - 0x001)) {
		/* x is subnormal, zero, negative, inf or nan */
		if (2 * ix == 0)
			return __math_divzero(1);
		if (ix == asuint64(INFINITY))
			return x;
		if ((top & 0x800) || (top & 0x7ff) == 0x7ff)
			return __math_invalid(x);
		/* subnormal: normalize, as pow does */
		ix = asuint64(x * 0x1p52);
		ix -= 52ULL << 52;
	}
	hi = __hy_log_dd(ix, &lo);
	mul12(hi, invln10hi, &phi, &plo);
	return phi + (plo + (hi * invln10lo + lo * invln10hi));
}
