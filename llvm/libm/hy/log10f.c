/* hybridc device libm: log10f in float arithmetic only (no double, no table, no division, no branch).
 *
 * log10(x) = k log10(2) + log10(e) log1p(f) with log1p(f) = t + te (hy_float.h), summed as
 * fma(k, G_hi, fma(t, M_hi, small)) (the products exact, one rounding each) with small =
 * k G_lo + t M_lo + te M_hi, where log10(2) = G_hi + G_lo and log10(e) = M_hi + M_lo: the
 * inner sum is at most |log10(4/3)| and the result, where k != 0, at least |log10(2/3)|.
 * Special cases as glibc. Checked over all 2^32 inputs against glibc's log10f
 * (gpu_check/exhaustive.c). */

#include "libm.h"
#include "hy_float.h"

float log10f(float x)
{
	struct hy_log1p l = hy_log1p_reduced(x);
	float small = __builtin_fmaf(l.k, -0x1.ec10cp-27f, __builtin_fmaf(l.t, -0x1.5b235ep-27f, l.te * 0x1.bcb7b2p-2f));
	float r = __builtin_fmaf(l.k, 0x1.344136p-2f, __builtin_fmaf(l.t, 0x1.bcb7b2p-2f, small));
	return hy_log_special_cases(x, r);
}
