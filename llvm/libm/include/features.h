/* hybridc device libm: stands in for musl's src/include/features.h, which
 * every musl source reaches (through libm.h or its table's header): it brings
 * the `__hy_` renames and defines `hidden`. */
#ifndef HY_FEATURES_H
#define HY_FEATURES_H
#include "hy_names.h"
#define hidden __attribute__((__visibility__("hidden")))
#endif
