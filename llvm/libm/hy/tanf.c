/* hybridc device libm: tanf with a double kernel (no table, no branch but the huge arguments).
 *
 * x = n pi/2 + r: n as in hy_reduce_pio2f, r in double (two fma with pi/2 in two
 * doubles: accurate to ~2^-70), tan r = r + r^3 T(r^2) in double (T of degree 6 fitted
 * by hy/fit.py, relative error 5e-9) rounded once to float, then -1 / t for odd n (one
 * correctly rounded float division): at most ~1 ulp from the true tan. A float kernel
 * (hy_sinf_kernel's rounding errors, ~1 ulp at r = pi/4, plus the division's) left
 * inputs 3 ulp from glibc; doubles run at half the float rate on sm_90. |x| < 2^-12
 * returns x (tan x rounds to x there; keeps -0); beyond |x| = 105615 musl's
 * __rem_pio2f. Infinities and NaN give NaN. Checked over all 2^32 inputs against
 * glibc's tanf (gpu_check/exhaustive.c). */

#include "libm.h"
#include "hy_float.h"

float tanf(float x)
{
	if (!(__builtin_fabsf(x) < __builtin_inff()))
		return x - x;
	int n;
	double rd;
	if (__builtin_fabsf(x) > 105615.0f) {
		n = hy_rem_pio2f_huge(x, &rd);
	} else {
		const float shift = 12582912.0f; /* 1.5 * 2^23 */
		union {float f; uint32_t i;} k;
		k.f = __builtin_fmaf(x, 0x1.45f306p-1f, shift);
		n = (int)k.i;
		double j = (double)(k.f - shift);
		rd = __builtin_fma(-j, 0x1.921fb54442d18p0, (double)x);
		rd = __builtin_fma(-j, 0x1.1a62633145c07p-54, rd);
	}
	double s = rd * rd;
	double p = __builtin_fma(0x1.f7ba5f54eb51bp-9, s, 0x1.36b996ec69a3ep-10);
	p = __builtin_fma(p, s, 0x1.46708bc76bce4p-7);
	p = __builtin_fma(p, s, 0x1.623d94c8a5738p-6);
	p = __builtin_fma(p, s, 0x1.ba529984afa73p-5);
	p = __builtin_fma(p, s, 0x1.111087a498122p-3);
	p = __builtin_fma(p, s, 0x1.555555c456193p-2);
	float t = (float)__builtin_fma(rd * s, p, rd);
	float y = (n & 1) ? -1.0f / t : t;
	return __builtin_fabsf(x) < 0x1p-12f ? x : y;
}
