/* Exhaustive check of the device libm's f32 functions: all 2^32 inputs of each, against glibc.
 *
 *   cc -O2 -pthread llvm/gpu_check/exhaustive.c -o exhaustive -ldl -lm
 *   ./exhaustive host libhylibm.so [name...]   the host build of llvm/libm's C sources
 *                                              (libm_accuracy.rs's flags; `just libm-exhaustive`)
 *   ./exhaustive gpu math.O3.ptx [name...]     the PTX of `dump_math_ptx`, on GPU 0 through the
 *                                              CUDA driver (dlopen'ed, no toolkit needed)
 *
 * Names: exp exp2 ln log2 log10 sin cos tan tanh (default: all). For each function it prints how
 * many inputs land 0, 1, 2 and more than 2 ulp from glibc's result, the worst input, and the
 * inputs whose result is of another class (NaN vs number, infinity, sign of zero). It exits 1 if
 * any result is more than 2 ulp away or of another class: the device libm's promise. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef float (*unary_fn)(float);

struct function {
    const char *name;   /* the ptx_math kernel is f32_<name> */
    const char *symbol; /* in the host build */
    unary_fn glibc;
};

static const struct function FUNCTIONS[] = {
    {"exp", "__hy_expf", expf},     {"exp2", "__hy_exp2f", exp2f}, {"ln", "__hy_logf", logf},
    {"log2", "__hy_log2f", log2f},  {"log10", "__hy_log10f", log10f}, {"sin", "__hy_sinf", sinf},
    {"cos", "__hy_cosf", cosf},     {"tan", "__hy_tanf", tanf},    {"tanh", "__hy_tanhf", tanhf},
};
#define N_FUNCTIONS (sizeof FUNCTIONS / sizeof FUNCTIONS[0])

#define CHUNK (1u << 26)

static float from_bits(uint32_t b) {
    float f;
    memcpy(&f, &b, 4);
    return f;
}

static int64_t ordered(float f) {
    int32_t b;
    memcpy(&b, &f, 4);
    return b < 0 ? -(int64_t)(b & 0x7fffffff) : (int64_t)b;
}

/* Counts of one function over the inputs seen so far. */
struct tally {
    uint64_t within[3]; /* 0, 1, 2 ulp */
    uint64_t beyond;    /* more than 2 ulp */
    uint64_t class_mismatch;
    int64_t worst_ulp;
    uint32_t worst_input, first_mismatch;
};

static void tally_one(struct tally *t, uint32_t input, float ours, float host) {
    int class_ok;
    if (isnan(ours) || isnan(host))
        class_ok = isnan(ours) && isnan(host);
    else if (isinf(ours) || isinf(host))
        class_ok = ours == host;
    else if (ours == 0.0f && host == 0.0f)
        class_ok = signbit(ours) == signbit(host);
    else
        class_ok = 1;
    if (!class_ok) {
        if (t->class_mismatch++ == 0)
            t->first_mismatch = input;
        return;
    }
    if (isnan(ours))
        return (void)t->within[0]++;
    int64_t d = llabs(ordered(ours) - ordered(host));
    if (d <= 2)
        t->within[d]++;
    else
        t->beyond++;
    if (d > t->worst_ulp) {
        t->worst_ulp = d;
        t->worst_input = input;
    }
}

static void tally_add(struct tally *into, const struct tally *t) {
    for (int i = 0; i < 3; i++)
        into->within[i] += t->within[i];
    into->beyond += t->beyond;
    if (t->class_mismatch && !into->class_mismatch)
        into->first_mismatch = t->first_mismatch;
    into->class_mismatch += t->class_mismatch;
    if (t->worst_ulp > into->worst_ulp) {
        into->worst_ulp = t->worst_ulp;
        into->worst_input = t->worst_input;
    }
}

/* One thread's share of a chunk: inputs base + [lo, hi), ours either computed (host mode) or read. */
struct job {
    const struct function *f;
    unary_fn ours_fn;   /* host mode */
    const float *ours;  /* gpu mode: the chunk's results */
    uint32_t base, lo, hi;
    struct tally t;
};

static void *run_job(void *arg) {
    struct job *j = arg;
    memset(&j->t, 0, sizeof j->t);
    for (uint32_t i = j->lo; i < j->hi; i++) {
        uint32_t bits = j->base + i;
        float x = from_bits(bits);
        float ours = j->ours ? j->ours[i] : j->ours_fn(x);
        tally_one(&j->t, bits, ours, j->f->glibc(x));
    }
    return NULL;
}

static int n_threads;

static void compare_chunk(const struct function *f, unary_fn ours_fn, const float *ours, uint32_t base,
                          struct tally *total) {
    pthread_t tid[256];
    struct job jobs[256];
    uint32_t per = CHUNK / (uint32_t)n_threads;
    for (int k = 0; k < n_threads; k++) {
        jobs[k] = (struct job){f, ours_fn, ours, base, per * (uint32_t)k,
                               k == n_threads - 1 ? CHUNK : per * (uint32_t)(k + 1), {{0}}};
        pthread_create(&tid[k], NULL, run_job, &jobs[k]);
    }
    for (int k = 0; k < n_threads; k++) {
        pthread_join(tid[k], NULL);
        tally_add(total, &jobs[k].t);
    }
}

static int report(const struct function *f, const struct tally *t) {
    printf("%-6s 0 ulp %10llu  1 ulp %10llu  2 ulp %9llu  >2 ulp %9llu  class %llu  worst %lld ulp at %a (0x%08x)",
           f->name, (unsigned long long)t->within[0], (unsigned long long)t->within[1],
           (unsigned long long)t->within[2], (unsigned long long)t->beyond,
           (unsigned long long)t->class_mismatch, (long long)t->worst_ulp, (double)from_bits(t->worst_input),
           t->worst_input);
    if (t->class_mismatch)
        printf("  first class mismatch at %a (0x%08x)", (double)from_bits(t->first_mismatch), t->first_mismatch);
    printf("\n");
    fflush(stdout);
    return t->beyond == 0 && t->class_mismatch == 0;
}

/* ---- the CUDA driver, dlopen'ed: only what this check calls ---- */
typedef int CUresult;
typedef void *CUcontext, *CUmodule, *CUfunction;
typedef unsigned long long CUdeviceptr;
static struct {
    CUresult (*Init)(unsigned);
    CUresult (*DeviceGet)(int *, int);
    CUresult (*CtxCreate)(CUcontext *, unsigned, int);
    CUresult (*ModuleLoadData)(CUmodule *, const void *);
    CUresult (*ModuleGetFunction)(CUfunction *, CUmodule, const char *);
    CUresult (*MemAlloc)(CUdeviceptr *, size_t);
    CUresult (*MemAllocHost)(void **, size_t);
    CUresult (*MemcpyHtoD)(CUdeviceptr, const void *, size_t);
    CUresult (*MemcpyDtoH)(void *, CUdeviceptr, size_t);
    CUresult (*LaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                             void *, void **, void **);
    CUresult (*CtxSynchronize)(void);
} cu;

static void check_cu(CUresult r, const char *call) {
    if (r != 0) {
        fprintf(stderr, "exhaustive: %s failed with CUDA error %d\n", call, r);
        exit(2);
    }
}

static void *need(void *lib, const char *name) {
    void *p = dlsym(lib, name);
    if (!p) {
        fprintf(stderr, "exhaustive: %s not found: %s\n", name, dlerror());
        exit(2);
    }
    return p;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(2);
    }
    buf[n] = 0;
    fclose(f);
    return buf;
}

static int selected(const struct function *f, int argc, char **argv) {
    if (argc <= 3)
        return 1;
    for (int i = 3; i < argc; i++)
        if (!strcmp(argv[i], f->name))
            return 1;
    return 0;
}

static int run_host(const char *so, int argc, char **argv) {
    void *lib = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "exhaustive: %s\n", dlerror());
        return 2;
    }
    int ok = 1;
    for (size_t k = 0; k < N_FUNCTIONS; k++) {
        const struct function *f = &FUNCTIONS[k];
        if (!selected(f, argc, argv))
            continue;
        unary_fn ours = (unary_fn)need(lib, f->symbol);
        struct tally total = {{0}};
        for (uint64_t base = 0; base < (1ull << 32); base += CHUNK)
            compare_chunk(f, ours, NULL, (uint32_t)base, &total);
        ok &= report(f, &total);
    }
    return ok ? 0 : 1;
}

static int run_gpu(const char *ptx_path, int argc, char **argv) {
    void *lib = dlopen("libcuda.so.1", RTLD_NOW);
    if (!lib) {
        fprintf(stderr, "exhaustive: %s\n", dlerror());
        return 2;
    }
    cu.Init = need(lib, "cuInit");
    cu.DeviceGet = need(lib, "cuDeviceGet");
    cu.CtxCreate = need(lib, "cuCtxCreate_v2");
    cu.ModuleLoadData = need(lib, "cuModuleLoadData");
    cu.ModuleGetFunction = need(lib, "cuModuleGetFunction");
    cu.MemAlloc = need(lib, "cuMemAlloc_v2");
    cu.MemAllocHost = need(lib, "cuMemAllocHost_v2");
    cu.MemcpyHtoD = need(lib, "cuMemcpyHtoD_v2");
    cu.MemcpyDtoH = need(lib, "cuMemcpyDtoH_v2");
    cu.LaunchKernel = need(lib, "cuLaunchKernel");
    cu.CtxSynchronize = need(lib, "cuCtxSynchronize");
    int dev;
    CUcontext ctx;
    CUmodule mod;
    check_cu(cu.Init(0), "cuInit");
    check_cu(cu.DeviceGet(&dev, 0), "cuDeviceGet");
    check_cu(cu.CtxCreate(&ctx, 0, dev), "cuCtxCreate");
    check_cu(cu.ModuleLoadData(&mod, read_file(ptx_path)), "cuModuleLoadData");
    CUfunction kernels[N_FUNCTIONS] = {0};
    for (size_t k = 0; k < N_FUNCTIONS; k++) {
        char name[64];
        snprintf(name, sizeof name, "f32_%s", FUNCTIONS[k].name);
        if (selected(&FUNCTIONS[k], argc, argv))
            check_cu(cu.ModuleGetFunction(&kernels[k], mod, name), name);
    }
    CUdeviceptr dx, dout;
    uint32_t *hx;
    float *hout;
    check_cu(cu.MemAlloc(&dx, CHUNK * 4ull), "cuMemAlloc");
    check_cu(cu.MemAlloc(&dout, CHUNK * 4ull), "cuMemAlloc");
    check_cu(cu.MemAllocHost((void **)&hx, CHUNK * 4ull), "cuMemAllocHost");
    check_cu(cu.MemAllocHost((void **)&hout, CHUNK * 4ull), "cuMemAllocHost");
    struct tally totals[N_FUNCTIONS];
    memset(totals, 0, sizeof totals);
    for (uint64_t base = 0; base < (1ull << 32); base += CHUNK) {
        for (uint32_t i = 0; i < CHUNK; i++)
            hx[i] = (uint32_t)base + i;
        check_cu(cu.MemcpyHtoD(dx, hx, CHUNK * 4ull), "cuMemcpyHtoD");
        for (size_t k = 0; k < N_FUNCTIONS; k++) {
            if (!kernels[k])
                continue;
            /* f32_<name>(x: &[f32], y: &[f32], out: &mut [f32]): each slice is (pointer, length) */
            unsigned long long len = CHUNK;
            void *args[] = {&dx, &len, &dx, &len, &dout, &len};
            check_cu(cu.LaunchKernel(kernels[k], CHUNK / 256, 1, 1, 256, 1, 1, 0, NULL, args, NULL), "cuLaunchKernel");
            check_cu(cu.CtxSynchronize(), FUNCTIONS[k].name);
            check_cu(cu.MemcpyDtoH(hout, dout, CHUNK * 4ull), "cuMemcpyDtoH");
            compare_chunk(&FUNCTIONS[k], NULL, hout, (uint32_t)base, &totals[k]);
        }
    }
    int ok = 1;
    for (size_t k = 0; k < N_FUNCTIONS; k++)
        if (kernels[k])
            ok &= report(&FUNCTIONS[k], &totals[k]);
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[1], "host") && strcmp(argv[1], "gpu"))) {
        fprintf(stderr, "usage: %s host LIBHYLIBM.so [name...] | gpu math.O3.ptx [name...]\n", argv[0]);
        return 2;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    n_threads = cores < 1 ? 1 : cores > 256 ? 256 : (int)cores;
    return !strcmp(argv[1], "host") ? run_host(argv[2], argc, argv) : run_gpu(argv[2], argc, argv);
}
