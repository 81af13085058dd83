/* hybridc device libm: log2f in float arithmetic only (no double, no table, no division, no branch).
 *
 * log2(x) = k + log2(e) log1p(f) with log1p(f) = t + te (hy_float.h), summed as
 * fma(t, L_hi, k) (one rounding) plus fma(t, L_lo, te L_hi), log2(e) = L_hi + L_lo,
 * so log1p is never rounded on its own. Special cases as glibc. Checked over all 2^32
 * inputs against glibc's log2f (gpu_check/exhaustive.c). */

#include "libm.h"
#include "hy_float.h"

float log2f(float x)
{
	struct hy_log1p l = hy_log1p_reduced(x);
	float r = __builtin_fmaf(l.t, 0x1.715476p0f, l.k) + __builtin_fmaf(l.t, 0x1.4ae0cp-26f, l.te * 0x1.715476p0f);
	return hy_log_special_cases(x, r);
}
