/* hybridc device libm: no architecture-specific fp_barrier overrides (see libm.h). */
