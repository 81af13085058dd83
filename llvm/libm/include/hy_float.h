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
 * special cases (NaN for NaN and x < 0, -inf at +-0, +inf at +inf), else r. */
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
	if (x != x || x < 0.0f)
		return 0.0f / 0.0f;
	if (x == 0.0f)
		return -1.0f / 0.0f;
	if (x == 1.0f / 0.0f)
		return x;
	return r;
}

#endif
