"""hybridc device libm: fits Q of include/hy_float.h, log1p(f) = f + f^2 Q(f) on [-1/3, 1/3].

Run with `python3 llvm/libm/hy/fit.py` (needs mpmath). mpmath's Chebyshev fit is within a
small factor of the minimax polynomial; the coefficients are rounded to float (printed as
hex floats, highest degree first, as hy_float.h's Horner scheme takes them). The rounded
polynomial is what gpu_check/exhaustive.c checks over all 2^32 inputs of logf, log2f and
log10f, on the host and on the GPU.
"""
import struct

import mpmath as mp

mp.mp.dps = 40
DEGREE = 8


def to_f32(x):
    return struct.unpack("<f", struct.pack("<f", float(x)))[0]


def q(f):
    if abs(f) < mp.mpf("1e-12"):
        return -mp.mpf(1) / 2 + f / 3 - f * f / 4
    return (mp.log1p(f) - f) / (f * f)


coefficients, error = mp.chebyfit(q, [-mp.mpf(1) / 3, mp.mpf(1) / 3], DEGREE + 1, error=True)
print(f"degree {DEGREE}: max |error| of Q {mp.nstr(error, 4)} (2^{float(mp.log(error, 2)):.1f})")
for c in coefficients:
    print(f"{to_f32(c).hex()}  {to_f32(c):.9e}")
