/* hybridc device libm: both targets (nvptx64, x86-64/aarch64 hosts for the accuracy test) are little-endian. */
#ifndef HY_ENDIAN_H
#define HY_ENDIAN_H
#define __LITTLE_ENDIAN 1234
#define __BIG_ENDIAN 4321
#define __BYTE_ORDER __LITTLE_ENDIAN
#endif
