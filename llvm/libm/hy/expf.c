/* hybridc device libm: expf, in float arithmetic only (no double, no table).
 *
 * musl's expf works in double with a 32-entry table, which on a GPU costs
 * double-precision throughput and table loads. Here: j = rint(x log2(e)),
 * f = x - j ln(2) in two fma steps (Cody-Waite, ln2_hi has 8 trailing zero
 * bits), e^f on [-0.35, 0.35] by its Taylor polynomial to degree 7 (the
 * first omitted term is below 2^-27 relative) in Horner form with fma, and
 * the scaling by 2^j as two exact power-of-two products so that a subnormal
 * result is rounded once. Every operation is one PTX instruction (fma.rn,
 * mul.rn, cvt.rni, integer ops) and the code has no branches.
 * Checked over all 2^32 inputs against glibc's expf: at most 1 ulp apart
 * (llvm/tests/libm_accuracy.rs re-checks it on its inputs). */

#include "libm.h"

float expf(float x)
{
	union {float f; uint32_t i;} s1, s2;
	float xc = x > -104.0f ? (x < 89.0f ? x : 89.0f) : -104.0f; /* NaN: -104 */
	float j = __builtin_rintf(xc * 1.44269502163f);   /* 0x3fb8aa3b */
	float f = __builtin_fmaf(j, -6.93145751953125e-1f, xc);   /* -0x3f317200 */
	f = __builtin_fmaf(j, -1.42860676533e-6f, f);     /* -0x35bfbe8e */
	float p = 1.98412701138e-4f;                      /* 1/5040 0x39500d01 */
	p = __builtin_fmaf(p, f, 1.38888892252e-3f);      /* 1/720  0x3ab60b61 */
	p = __builtin_fmaf(p, f, 8.33333376795e-3f);      /* 1/120  0x3c088889 */
	p = __builtin_fmaf(p, f, 4.16666679084e-2f);      /* 1/24   0x3d2aaaab */
	p = __builtin_fmaf(p, f, 1.66666671634e-1f);      /* 1/6    0x3e2aaaab */
	p = __builtin_fmaf(p, f, 0.5f);
	p = __builtin_fmaf(p, f, 1.0f);
	p = __builtin_fmaf(p, f, 1.0f);
	int e = (int)j; /* -150 ..= 129 */
	int e1 = e >> 1, e2 = e - e1;
	s1.i = (uint32_t)(e1 + 127) << 23;
	s2.i = (uint32_t)(e2 + 127) << 23;
	float r = p * s1.f * s2.f;
	if (x != x)
		return x + x;
	if (x > 88.72283935546875f)  /* 0x42b17218, e^x rounds to +inf */
		return 1.0f / 0.0f;
	if (x < -103.972084045f)     /* 0xc2cff1b5, e^x rounds to 0 */
		return 0.0f;
	return r;
}
