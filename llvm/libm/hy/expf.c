/* hybridc device libm: expf, in float arithmetic with the GPU's ex2 (no double, no table, no branch).
 *
 * e^x = 2^j 2^f with j = rint(x log2(e)) clamped to [-126, 127] (so 2^j is a normal
 * float) and f = x log2(e) - j computed as fma(x, L_hi, -j) + x L_lo with log2(e) =
 * L_hi + L_lo (the first fma is exact but for one rounding of a number below 1 in
 * magnitude, except where j was clamped: there |f| reaches ~24, the result is
 * subnormal or infinite and the absolute error stays far below its ulp). 2^f is
 * hy_ex2 (MUFU.EX2 on the GPU), the scaling one exact product (rounded once where the
 * result is subnormal). j comes out of the fma x L + 1.5 2^23, which rounds to an
 * integer in the low mantissa bits; those bits shifted into the exponent field are 2^j.
 * NaN stays NaN (minnum/maxnum drop it from j, f carries it), +-inf give inf and 0.
 * Ten PTX instructions, as CUDA's expf. Checked over all 2^32 inputs against glibc's
 * expf (gpu_check/exhaustive.c, on the host with the exact exp2, and on the GPU). */

#include "libm.h"
#include "hy_float.h"

float expf(float x)
{
	const float shift = 12582912.0f; /* 1.5 * 2^23: its ulp is 1 */
	union {float f; uint32_t i;} scale;
	float k = __builtin_fmaf(x, 0x1.715476p0f, shift);
	k = __builtin_fminf(__builtin_fmaxf(k, shift - 126.0f), shift + 127.0f);
	float j = k - shift;
	float f = __builtin_fmaf(x, 0x1.715476p0f, -j); /* L_hi: log2(e) rounded to float */
	f = __builtin_fmaf(x, 0x1.4ae0cp-26f, f);       /* L_lo = log2(e) - L_hi */
	scale.f = k;
	scale.i = (scale.i + 127u) << 23;                 /* the low bits of k are j (two's complement) */
	return hy_ex2(f) * scale.f;
}
