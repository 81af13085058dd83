/* hybridc device libm: exp2f with the GPU's ex2 (no double, no table, no branch).
 *
 * 2^x = 2^j 2^f with j = rint(x) clamped to [-126, 127] and f = x - j (exact), so the
 * hardware approximation only sees |f| <= 1/2 where the result is normal (and |f| up to
 * ~24 where it is subnormal or infinite), and a subnormal result is one rounded product
 * instead of the flush to zero of `ex2.approx.ftz`. The same scaling as hy/expf.c.
 * Checked over all 2^32 inputs against glibc's exp2f (gpu_check/exhaustive.c). */

#include "libm.h"
#include "hy_float.h"

float exp2f(float x)
{
	const float shift = 12582912.0f; /* 1.5 * 2^23 */
	union {float f; uint32_t i;} scale;
	float k = __builtin_fminf(__builtin_fmaxf(x + shift, shift - 126.0f), shift + 127.0f);
	float f = x - (k - shift);
	scale.f = k;
	scale.i = (scale.i + 127u) << 23;
	return hy_ex2(f) * scale.f;
}
