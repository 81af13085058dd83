/* A tiny stand-in for the shim, to run objects from the host backend's tests. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char buf[8192];
static size_t blen;

void hybrid_fmt_str(const char *p, size_t n) { memcpy(buf + blen, p, n); blen += n; }
void hybrid_fmt_i64(int64_t v, uint64_t s) { (void)s; blen += sprintf(buf + blen, "%lld", (long long)v); }
void hybrid_fmt_u64(uint64_t v, uint64_t s) { (void)s; blen += sprintf(buf + blen, "%llu", (unsigned long long)v); }
void hybrid_fmt_f64(double v, uint64_t s) { (void)s; blen += sprintf(buf + blen, "%.17g", v); }
void hybrid_fmt_f32(float v, uint64_t s) { (void)s; blen += sprintf(buf + blen, "%.9g", (double)v); }
void hybrid_fmt_bool(int8_t v, uint64_t s) { (void)s; blen += sprintf(buf + blen, "%s", v ? "true" : "false"); }
void hybrid_print_flush(int32_t target, int32_t newline) {
    FILE *f = target ? stderr : stdout;
    fwrite(buf, 1, blen, f);
    if (newline) fputc('\n', f);
    blen = 0;
}
/* rustc's core::panic::Location (ir::abi::location) */
typedef struct { const char *file; size_t len; uint32_t line, col; } Location;
void hybrid_panic_flush(const Location *l) {
    printf("panicked at %.*s:%u:%u: %.*s\n", (int)l->len, l->file, l->line, l->col, (int)blen, buf);
    fflush(stdout);
    exit(101);
}
void hybrid_panic_msg(int32_t code, const Location *l) {
    printf("panic %d at %.*s:%u:%u\n", code, (int)l->len, l->file, l->line, l->col);
    fflush(stdout);
    exit(101);
}
void hybrid_panic_bounds(uint64_t i, uint64_t n, const Location *l) {
    printf("bounds %llu %llu at %.*s:%u:%u\n", (unsigned long long)i, (unsigned long long)n, (int)l->len, l->file, l->line, l->col);
    fflush(stdout);
    exit(101);
}
void hybrid_panic_slice(uint64_t a, uint64_t b, uint64_t n, const Location *l) {
    printf("slice %llu %llu %llu at %.*s:%u:%u\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)n, (int)l->len, l->file, l->line, l->col);
    fflush(stdout);
    exit(101);
}
typedef struct { char *ptr; uint64_t len, cap; } RawVec;
void hybrid_vec_from_elem(RawVec *out, const char *e, uint64_t size, uint64_t align, uint64_t n) {
    (void)align;
    out->ptr = malloc(size * n + 1);
    for (uint64_t i = 0; i < n; i++) memcpy(out->ptr + i * size, e, size);
    out->len = n;
    out->cap = n;
}
void hybrid_vec_with_capacity(RawVec *out, uint64_t size, uint64_t align, uint64_t cap) {
    (void)align;
    out->ptr = malloc(size * cap + 1);
    out->len = 0;
    out->cap = cap;
}
void hybrid_vec_push(RawVec *v, const char *e, uint64_t size, uint64_t align) {
    (void)align;
    if (v->len == v->cap) {
        uint64_t cap = v->cap ? v->cap * 2 : 4;
        char *p = malloc(cap * size);
        if (v->len) memcpy(p, v->ptr, v->len * size);
        v->ptr = p;
        v->cap = cap;
    }
    memcpy(v->ptr + v->len * size, e, size);
    v->len++;
}
void hybrid_exit(int32_t code) { fflush(stdout); exit(code); }
int32_t hybrid_rt_finish(void) { fflush(stdout); return 0; }
void hybrid_fb_sync_threads(const void *ctx) { (void)ctx; }

void __tgt_target_data_begin_mapper(void *loc, int64_t dev, int32_t n, void **bases, void **ptrs, int64_t *sizes,
                                    int64_t *types, void *names, void *mappers) {
    (void)loc; (void)bases; (void)ptrs; (void)names; (void)mappers;
    printf("map dev=%lld n=%d:", (long long)dev, n);
    for (int i = 0; i < n; i++) printf(" %lld/%llx", (long long)sizes[i], (unsigned long long)types[i]);
    printf("\n");
}
void __tgt_target_data_end_mapper(void *loc, int64_t dev, int32_t n, void **bases, void **ptrs, int64_t *sizes,
                                  int64_t *types, void *names, void *mappers) {
    (void)loc; (void)dev; (void)n; (void)bases; (void)ptrs; (void)sizes; (void)types; (void)names; (void)mappers;
}
int32_t __tgt_target_kernel(void *loc, int64_t dev, int32_t teams, int32_t threads, void *region, char *ka) {
    (void)loc; (void)dev;
    uint32_t *num_teams = (uint32_t *)(ka + 72), *limit = (uint32_t *)(ka + 84);
    void **ptrs = *(void ***)(ka + 16);
    printf("launch v%u args=%u teams=%u/%d threads=%u/%d dyn=%u\n", *(uint32_t *)ka, *(uint32_t *)(ka + 4),
           num_teams[0], teams, limit[0], threads, *(uint32_t *)(ka + 96));
    void (*entry)(void **, uint32_t *) = (void (*)(void **, uint32_t *))region;
    for (uint32_t b = 0; b < num_teams[0]; b++)
        for (uint32_t t = 0; t < limit[0]; t++) {
            uint32_t ctx[18] = {0};
            ctx[0] = t;
            ctx[3] = b;
            for (int a = 0; a < 3; a++) { ctx[6 + a] = limit[a]; ctx[9 + a] = num_teams[a]; }
            entry(ptrs, ctx);
        }
    return 0;
}
