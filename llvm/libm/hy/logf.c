/* hybridc device libm: logf in float arithmetic only (no double, no table, no division, no branch).
 *
 * x = 2^k m with m in [2/3, 4/3), log(x) = k ln(2) + log1p(f) where log1p(f) = f + a,
 * as t + te (hy_float.h); summed as fma(k, ln2_hi, t) (exact product, one rounding)
 * plus fma(k, ln2_lo, te). Special cases as glibc: NaN for NaN and x < 0, -inf at +-0,
 * +inf at +inf. Checked over all 2^32 inputs against glibc's logf
 * (gpu_check/exhaustive.c; llvm/tests/libm_accuracy.rs re-checks samples). */

#include "libm.h"
#include "hy_float.h"

float logf(float x)
{
	struct hy_log1p l = hy_log1p_reduced(x);
	float r = __builtin_fmaf(l.k, 0x1.62e430p-1f, l.t) + __builtin_fmaf(l.k, -0x1.05c61p-29f, l.te);
	return hy_log_special_cases(x, r);
}
