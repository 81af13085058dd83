/* hybridc device libm: tanh and tanhf.
 *
 * musl's tanh has up to ~2.2 ulp of error for |x| in [0.1, 0.55], and so does
 * glibc's (a different 2.2 ulp: results 3 ulp apart were seen), so hybridc
 * evaluates the Taylor series there instead, which stays near 0.5 ulp:
 *   tanh(x) = x + x^3 * (T[0] + T[1] x^2 + ... + T[19] x^38),
 *   T[n-2] = 2^(2n) (2^(2n) - 1) B(2n) / (2n)!  (B: Bernoulli numbers),
 * rounded to double. At |x| = log(3)/2 the first omitted term is below
 * 2^-60 relative. Beyond, musl's formula (1 - 2/(expm1(2|x|) + 2)) is kept.
 * tanhf is float-only: hy/tanhf.c. */

#include "libm.h"

static const double T[20] = {
	-0.3333333333333333,      /* 0xBFD5555555555555 */
	0.13333333333333333,      /* 0x3FC1111111111111 */
	-0.05396825396825397,     /* 0xBFABA1BA1BA1BA1C */
	0.021869488536155203,     /* 0x3F9664F4882C10FA */
	-0.008863235529902197,    /* 0xBF8226E355E6C23D */
	0.003592128036572481,     /* 0x3F6D6D3D0E157DE0 */
	-0.0014558343870513183,   /* 0xBF57DA36452B75E3 */
	0.000590027440945586,     /* 0x3F43558248036744 */
	-0.00023912911424355248,  /* 0xBF2F57D7734D1664 */
	9.691537956929451e-05,    /* 0x3F1967E18AFCAFAD */
	-3.927832388331683e-05,   /* 0xBF0497D8EEA25259 */
	1.5918905069328964e-05,   /* 0x3EF0B132D39A6050 */
	-6.451689215655431e-06,   /* 0xBEDB0F72D3EE24E9 */
	2.6147711512907546e-06,   /* 0x3EC5EF2DA474E5B7 */
	-1.0597268320104654e-06,  /* 0xBEB1C77DF95C1C0D */
	4.294911078273806e-07,    /* 0x3E9CD299DE4AE6BB */
	-1.7406618963571648e-07,  /* 0xBE875CDE6563FED9 */
	7.054636946400968e-08,    /* 0x3E72EFE8DB3AFF1F */
	-2.859136662305254e-08,   /* 0xBE5EB3229047434C */
	1.1587644432798853e-08,   /* 0x3E48E25FF9327E2C */
};

double tanh(double x)
{
	union {double f; uint64_t i;} u = {.f = x};
	uint32_t w;
	int sign, k;
	double_t t, z, p;

	/* x = |x| */
	sign = u.i >> 63;
	u.i &= (uint64_t)-1/2;
	x = u.f;
	w = u.i >> 32;

	if (w > 0x3fe193ea) {
		/* |x| > log(3)/2 ~= 0.5493 or nan (musl) */
		if (w > 0x40340000) {
			/* |x| > 20 or nan */
			t = 1 - 0/x;
		} else {
			t = expm1(2*x);
			t = 1 - 2/(t+2);
		}
	} else if (w >= 0x3e300000) {
		/* 2^-28 <= |x| <= log(3)/2 */
		z = x*x;
		p = T[19];
		for (k = 18; k >= 0; k--)
			p = p*z + T[k];
		t = x + (x*z)*p;
	} else {
		/* |x| < 2^-28: x^3/3 is below half an ulp of x */
		t = x;
	}
	return sign ? -t : t;
}
