/* hybridc device libm: a minimal freestanding <math.h>, just what the musl
 * sources under ../musl use. Compiled with -ffreestanding, so no libc header
 * is ever read (on the GPU there is none). */
#ifndef HY_MATH_H
#define HY_MATH_H

#include "hy_names.h"
#include <features.h>

/* FLT_EVAL_METHOD is 0 on every target we build for. */
typedef float float_t;
typedef double double_t;

#define NAN (__builtin_nanf(""))
#define INFINITY (__builtin_inff())
#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define M_PI_2 1.57079632679489661923 /* pi/2, as in musl's <math.h> */

#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define signbit(x) __builtin_signbit(x)

/* Exact operations: compiler builtins (PTX `abs`, `cvt.rmi`). */
#define fabs(x) __builtin_fabs(x)
#define fabsf(x) __builtin_fabsf(x)
#define floor(x) __builtin_floor(x)

double exp(double);
double exp2(double);
float expf(float);
float exp2f(float);
double log(double);
float logf(float);
double log2(double);
float log2f(float);
double log10(double);
float log10f(float);
double pow(double, double);
float powf(float, float);
double sin(double);
float sinf(float);
double cos(double);
float cosf(float);
double tan(double);
float tanf(float);
double tanh(double);
float tanhf(float);
double fmod(double, double);
float fmodf(float, float);
hidden double expm1(double);
hidden double scalbn(double, int);

#endif
