"""hybridc device libm: fits the polynomials of include/hy_float.h and hy/tanf.c.

Run with `python3 llvm/libm/hy/fit.py` (needs mpmath). mpmath's Chebyshev fit is within a
small factor of the minimax polynomial; the coefficients are printed highest degree first,
as the Horner schemes take them, rounded to float (hex floats) for the float kernels and to
double for tanf's double kernel. The rounded polynomials are what gpu_check/exhaustive.c
checks over all 2^32 inputs, on the host and on the GPU:

- Q, degree 8: log1p(f) = f + f^2 Q(f) on [-1/3, 1/3] (logf, log2f, log10f);
- S, degree 3: sin(r) = r + r^3 S(r^2) on |r| <= pi/4 (sinf, cosf);
- C, degree 3: cos(r) = 1 - r^2/2 + r^4 C(r^2) there (sinf, cosf);
- T, degree 6: tan(r) = r + r^3 T(r^2) there, in double (tanf);
- P, degree 7: tanh(x) = x + x^3 P(x^2) on |x| < 1 (tanhf);
- E, degree 6: 2^f on [-1/2, 1/2] (tanhf).
"""
import struct

import mpmath as mp

mp.mp.dps = 40
TINY = mp.mpf("1e-20")
PIO4_SQUARED = (mp.pi / 4) ** 2


def to_f32(x):
    return struct.unpack("<f", struct.pack("<f", float(x)))[0]


def log1p_q(f):
    if abs(f) < mp.mpf("1e-12"):
        return -mp.mpf(1) / 2 + f / 3 - f * f / 4
    return (mp.log1p(f) - f) / (f * f)


def sin_s(s):
    if s < TINY:
        return -mp.mpf(1) / 6 + s / 120
    r = mp.sqrt(s)
    return (mp.sin(r) / r - 1) / s


def cos_c(s):
    if s < TINY:
        return mp.mpf(1) / 24 - s / 720
    r = mp.sqrt(s)
    return (mp.cos(r) - 1 + s / 2) / (s * s)


def tan_t(s):
    if s < TINY:
        return mp.mpf(1) / 3 + 2 * s / 15
    r = mp.sqrt(s)
    return (mp.tan(r) / r - 1) / s


def tanh_p(s):
    if s < TINY:
        return -mp.mpf(1) / 3 + 2 * s / 15
    r = mp.sqrt(s)
    return (mp.tanh(r) / r - 1) / s


FITS = [
    ("Q (log1p)", log1p_q, [-mp.mpf(1) / 3, mp.mpf(1) / 3], 8, "float"),
    ("S (sin)", sin_s, [0, PIO4_SQUARED], 3, "float"),
    ("C (cos)", cos_c, [0, PIO4_SQUARED], 3, "float"),
    ("T (tan)", tan_t, [0, PIO4_SQUARED], 6, "double"),
    ("P (tanh)", tanh_p, [0, 1], 7, "float"),
    ("E (2^f)", lambda f: mp.power(2, f), [-mp.mpf(1) / 2, mp.mpf(1) / 2], 6, "float"),
]

for name, function, interval, degree, precision in FITS:
    coefficients, error = mp.chebyfit(function, interval, degree + 1, error=True)
    print(f"{name}, degree {degree}: max |error| {mp.nstr(error, 4)} (2^{float(mp.log(error, 2)):.1f})")
    for c in coefficients:
        value = to_f32(c) if precision == "float" else float(c)
        print(f"  {value.hex()}  {value:.9e}")
