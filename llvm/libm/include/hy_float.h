/* hybridc device libm: the float-only building blocks of hy/expf.c, exp2f.c, logf.c, log2f.c and log10f.c.
 *
 * hy_ex2(f) is 2^f for the f those callers pass (|f| <= ~25, so never a subnormal
 * argument or result): on the GPU the hardware approximation `ex2.approx.ftz.f32`
 * (one MUFU.EX2 instruction), on the host, where llvm/tests/libm_accuracy.rs and
 * gpu_check/exhaustive.c check the algorithms around it, the correctly rounded
 * exp2 (through double). The GPU's own error is only seen on a GPU: gpu_check's
 * exhaustive run checks the whole functions there.
 *
 * hy_log1p_reduced(x, &k) splits a positive normal or subnormal x into 2^k m with
 * m in [2/3, 4/3) and returns log(m) = log1p(f), f = m - 1, as f + f^2 Q(f) with Q
 * the degree-8 polynomial fitted by hy/fit.py (|error of Q| < 3.2e-8 on [-1/3, 1/3],
 * so log1p's relative error is below 2^-26.5 before rounding), as the float t
 * (rounded once) plus its rounding error te (exact: Fast2Sum, |f| >= |f^2 Q|), so that
 * callers which scale log1p or add k ln(2) round the sum once and do not lose an ulp
 * where t and the result lie in different binades.
 *
 * hy_log_special_cases(x, r) is what the three logarithms return for x: glibc's
 * special cases (NaN for NaN and x < 0, -inf at +-0, +inf at +inf), else r,
 * chosen without a branch (r is computed for every x).
 *
 * hy_reduce_pio2f(x, &n) is r = x - n pi/2 with |r| <= ~pi/4 for a finite x: for
 * |x| <= 105615 (CUDA's bound) n = rint(x 2/pi) from the same fma-and-shift as expf's
 * j, and r from three fma with pi/2 = P1 + P2 + P3 (three floats, 72 bits: the error
 * of the sum stays ~2^-56 at n = 2^16, where no float lies closer to a multiple of
 * pi/2 than ~2^-30); beyond, musl's __rem_pio2f (double, Payne-Hanek for the huge
 * ones; a branch that real arguments do not take). hy_sinf_kernel and
 * hy_cosf_kernel are sin and cos on [-pi/4, pi/4]: r + r^3 S(r^2) and
 * 1 - r^2/2 + r^4 C(r^2), S and C of degree 3 fitted by hy/fit.py (|error| 2.8e-11
 * and 2.3e-12). */
#ifndef HY_FLOAT_H
#define HY_FLOAT_H

#include <stdint.h>

static inline float hy_ex2(float f)
{
#ifdef __NVPTX__
	return __nvvm_ex2_approx_ftz_f(f);
#else
	return (float)__builtin_exp2((double)f);
#endif
}

struct hy_log1p { float t, te, k; };

static inline struct hy_log1p hy_log1p_reduced(float x)
{
	union {float f; uint32_t i;} u;
	int tiny = x < 1.17549435e-38f;   /* 0x1p-126; zero and negatives too: the callers replace those */
	u.f = tiny ? x * 8388608.0f : x;  /* 2^23 */
	int32_t e = (int32_t)(u.i - 0x3f2aaaabu) >> 23; /* 0x3f2aaaab: 2/3 */
	u.i -= (uint32_t)e << 23;
	float f = u.f - 1.0f;             /* exact (Sterbenz) */
	float q = -1.24222003e-1f;        /* hy/fit.py's Q, highest degree first */
	q = __builtin_fmaf(q, f, 1.37483090e-1f);
	q = __builtin_fmaf(q, f, -1.22887217e-1f);
	q = __builtin_fmaf(q, f, 1.40558124e-1f);
	q = __builtin_fmaf(q, f, -1.66733161e-1f);
	q = __builtin_fmaf(q, f, 2.00072333e-1f);
	q = __builtin_fmaf(q, f, -2.49999449e-1f);
	q = __builtin_fmaf(q, f, 3.33332717e-1f);
	q = __builtin_fmaf(q, f, -0.5f);
	float a = f * f * q;
	float t = f + a;
	struct hy_log1p r = { t, a - (t - f), (float)(e - (tiny ? 23 : 0)) };
	return r;
}

static inline float hy_log_special_cases(float x, float r)
{
	/* Without branches (as CUDA's logf: one predicated fma, one select): NaN,
	 * +inf and every x with the sign bit set (0x80000000 and above) give
	 * x * inf + inf, which is NaN for NaN and x < 0 and +inf at +inf; then
	 * -inf at +-0 (-0 went through the fma as a NaN). */
	union {float f; uint32_t i;} u = {x};
	const float inf = __builtin_inff();
	r = u.i >= 0x7f800000u ? __builtin_fmaf(x, inf, inf) : r;
	return x == 0.0f ? -inf : r;
}

int __rem_pio2f(float, double *);

/* The huge arguments' reduction stays a call (noinline): inlined, its ~700 PTX
 * instructions would sit in every kernel that calls sin, cos or tan. */
__attribute__((noinline)) static int hy_rem_pio2f_huge(float x, double *y)
{
	return __rem_pio2f(x, y);
}

static inline float hy_reduce_pio2f(float x, int *n)
{
	if (__builtin_fabsf(x) > 105615.0f) {
		double y;
		*n = hy_rem_pio2f_huge(x, &y);
		return (float)y;
	}
	const float shift = 12582912.0f; /* 1.5 * 2^23 */
	union {float f; uint32_t i;} k;
	k.f = __builtin_fmaf(x, 0x1.45f306p-1f, shift); /* 2/pi */
	float j = k.f - shift;
	*n = (int)k.i;                                  /* the low bits are n (two's complement) */
	float r = __builtin_fmaf(-j, 0x1.921fb6p+0f, x);
	r = __builtin_fmaf(-j, -0x1.777a5cp-25f, r);
	return __builtin_fmaf(-j, -0x1.ee59dap-50f, r);
}

static inline float hy_sinf_kernel(float r)
{
	float s = r * r;
	float p = __builtin_fmaf(0x1.6dbe08p-19f, s, -0x1.a013a8p-13f);
	p = __builtin_fmaf(p, s, 0x1.11110ep-7f);
	p = __builtin_fmaf(p, s, -0x1.555556p-3f);
	return __builtin_fmaf(r * s, p, r);
}

static inline float hy_cosf_kernel(float r)
{
	float s = r * r;
	float p = __builtin_fmaf(-0x1.25244ep-22f, s, 0x1.a015c4p-16f);
	p = __builtin_fmaf(p, s, -0x1.6c16c0p-10f);
	p = __builtin_fmaf(p, s, 0x1.555556p-5f);
	p = __builtin_fmaf(p, s, -0.5f);
	return __builtin_fmaf(s, p, 1.0f);
}

#endif
