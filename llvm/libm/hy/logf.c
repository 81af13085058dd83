/* hybridc device logf, in float arithmetic only (no double, no table).
 *
 * musl's logf works in double with a 16-entry table, which on a GPU costs
 * double-precision throughput and table loads. This is the float algorithm
 * of FreeBSD's e_logf.c (fdlibm, Sun Microsystems; the notice below), made
 * branch-free: x = 2^k m with m in [sqrt(2)/2, sqrt(2)), f = m - 1,
 * s = f / (2 + f), log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)) with R of
 * degree 4 (|error| < 2^-34.24), plus k ln(2) in two parts. Subnormal
 * arguments are scaled by 2^25 first.
 * Checked over all 2^32 inputs against glibc's logf: at most 1 ulp apart
 * (llvm/tests/libm_accuracy.rs re-checks it on its inputs).
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

#include "libm.h"

float logf(float x)
{
	union {float f; uint32_t i;} u;
	int tiny = x < 1.17549435e-38f;   /* 0x00800000 */
	u.f = tiny ? x * 33554432.0f : x; /* 2^25 */
	uint32_t ix = u.i + (0x3f800000 - 0x3f3504f3);
	int k = (int)(ix >> 23) - 0x7f - (tiny ? 25 : 0);
	u.i = (ix & 0x007fffff) + 0x3f3504f3;
	float f = u.f - 1.0f;
	float s = f / (2.0f + f);
	float z = s * s;
	float w = z * z;
	float t1 = w * (0.40000972152f + w * 0.24279078841f);  /* 0x3eccce13, 0x3e789e26 */
	float t2 = z * (0.66666662693f + w * 0.28498786688f);  /* 0x3f2aaaaa, 0x3e91e9ee */
	float R = t2 + t1;
	float hfsq = 0.5f * f * f;
	float dk = (float)k;
	float r = s * (hfsq + R) + dk * 9.0580006145e-06f - hfsq + f + dk * 6.9313812256e-01f; /* ln2_lo 0x3717f7d1, ln2_hi 0x3f317180 */
	if (x != x || x < 0.0f)
		return 0.0f / 0.0f;
	if (x == 0.0f)
		return -1.0f / 0.0f;
	if (x == 1.0f / 0.0f)
		return x;
	return r;
}
