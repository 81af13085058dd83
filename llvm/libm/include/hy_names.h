/* hybridc device libm: every external name gets the `__hy_` prefix, so the
 * library can be linked into a kernel module (and, for the accuracy test, into
 * a host shared object loaded next to glibc's libm) without clashing. */
#ifndef HY_NAMES_H
#define HY_NAMES_H

/* The entry points hybridc's device backend calls. */
#define exp __hy_exp
#define exp2 __hy_exp2
#define expf __hy_expf
#define exp2f __hy_exp2f
#define log __hy_log
#define logf __hy_logf
#define log2 __hy_log2
#define log2f __hy_log2f
#define log10 __hy_log10
#define log10f __hy_log10f
#define pow __hy_pow
#define powf __hy_powf
#define sin __hy_sin
#define sinf __hy_sinf
#define cos __hy_cos
#define cosf __hy_cosf
#define tan __hy_tan
#define tanf __hy_tanf
#define tanh __hy_tanh
#define tanhf __hy_tanhf
#define fmod __hy_fmod
#define fmodf __hy_fmodf

/* Helpers (public in musl, internal here). */
#define expm1 __hy_expm1
#define scalbn __hy_scalbn

/* musl's internal functions and tables. */
#define __rem_pio2 __hy_rem_pio2
#define __rem_pio2f __hy_rem_pio2f
#define __rem_pio2_large __hy_rem_pio2_large
#define __sin __hy_ksin
#define __cos __hy_kcos
#define __tan __hy_ktan
#define __sindf __hy_ksindf
#define __cosdf __hy_kcosdf
#define __tandf __hy_ktandf
#define __exp_data __hy_exp_data
#define __exp2f_data __hy_exp2f_data
#define __log_data __hy_log_data
#define __logf_data __hy_logf_data
#define __log2_data __hy_log2_data
#define __log2f_data __hy_log2f_data
#define __pow_log_data __hy_pow_log_data
#define __powf_log2_data __hy_powf_log2_data
#define __math_oflow __hy_math_oflow
#define __math_uflow __hy_math_uflow
#define __math_xflow __hy_math_xflow
#define __math_invalid __hy_math_invalid
#define __math_divzero __hy_math_divzero
#define __math_oflowf __hy_math_oflowf
#define __math_uflowf __hy_math_uflowf
#define __math_xflowf __hy_math_xflowf
#define __math_invalidf __hy_math_invalidf
#define __math_divzerof __hy_math_divzerof

#endif
