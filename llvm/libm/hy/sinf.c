/* hybridc device libm: sinf in float arithmetic (no double on the common path, no table, no branch but the huge arguments).
 *
 * x = n pi/2 + r (hy_reduce_pio2f), then sin or cos of r by the quadrant n mod 4, both
 * kernels computed and one selected (as CUDA's sinf does: no divergent branch). |x| <
 * 2^-12 (zeros, subnormals) returns x itself: sin x rounds to x there, and the kernel
 * would lose the sign of -0. Infinities and NaN give NaN. Checked over all 2^32 inputs
 * against glibc's sinf (gpu_check/exhaustive.c). */

#include "libm.h"
#include "hy_float.h"

float sinf(float x)
{
	if (!(__builtin_fabsf(x) < __builtin_inff()))
		return x - x;
	int n;
	float r = hy_reduce_pio2f(x, &n);
	float s = hy_sinf_kernel(r), c = hy_cosf_kernel(r);
	float y = (n & 1) ? c : s;
	y = (n & 2) ? -y : y;
	return __builtin_fabsf(x) < 0x1p-12f ? x : y;
}
