/* hybridc device libm: cosf in float arithmetic (no double on the common path, no table, no branch but the huge arguments).
 *
 * x = n pi/2 + r (hy_reduce_pio2f); cos x is cos r, -sin r, -cos r, sin r for n mod 4 =
 * 0, 1, 2, 3, both kernels computed and one selected. Infinities and NaN give NaN.
 * Checked over all 2^32 inputs against glibc's cosf (gpu_check/exhaustive.c). */

#include "libm.h"
#include "hy_float.h"

float cosf(float x)
{
	if (!(__builtin_fabsf(x) < __builtin_inff()))
		return x - x;
	int n;
	float r = hy_reduce_pio2f(x, &n);
	float s = hy_sinf_kernel(r), c = hy_cosf_kernel(r);
	float y = (n & 1) ? s : c;
	return ((n + 1) & 2) ? -y : y;
}
