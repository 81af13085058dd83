"""Load the device tests' PTX with the CUDA driver (ctypes) and check results bit for bit, on a GPU machine.

Make the PTX first: DUMP_PTX=llvm/gpu_check cargo test -p hybrid-llvm --release dump_
then (on the GPU machine): python3 llvm/gpu_check/run.py

The device libm check (math.O3.ptx, 22 kernels) compares the GPU with the host
libm (glibc, through ctypes: max ulp per function, NaN/inf/zero-sign classes)
and, if llvm/gpu_check/libhylibm.so exists (the same C sources built for the
host, as tests/libm_accuracy.rs builds them), with that build bit for bit.
"""
import ctypes, os, struct, sys, random

D = os.path.dirname(os.path.abspath(__file__))
cu = ctypes.CDLL("libcuda.so.1")
failures = 0


def ck(r, what):
    if r != 0:
        name = ctypes.c_char_p()
        cu.cuGetErrorName(r, ctypes.byref(name))
        raise RuntimeError(f"{what}: {r} {name.value}")


ck(cu.cuInit(0), "cuInit")
dev = ctypes.c_int()
ck(cu.cuDeviceGet(ctypes.byref(dev), 0), "cuDeviceGet")
ctx = ctypes.c_void_p()
ck(cu.cuCtxCreate_v2(ctypes.byref(ctx), 0, dev), "cuCtxCreate")


def load(name):
    ptx = open(os.path.join(D, name), "rb").read() + b"\0"
    mod = ctypes.c_void_p()
    log = ctypes.create_string_buffer(8192)
    opts = (ctypes.c_int * 2)(5, 6)  # ERROR_LOG_BUFFER, ERROR_LOG_BUFFER_SIZE_BYTES
    vals = (ctypes.c_void_p * 2)(ctypes.cast(log, ctypes.c_void_p), ctypes.c_void_p(8192))
    r = cu.cuModuleLoadDataEx(ctypes.byref(mod), ptx, 2, opts, vals)
    if r != 0:
        print(name, "JIT log:", log.value.decode())
    ck(r, f"cuModuleLoadDataEx {name}")
    return mod


def func(mod, name):
    f = ctypes.c_void_p()
    ck(cu.cuModuleGetFunction(ctypes.byref(f), mod, name.encode()), f"cuModuleGetFunction {name}")
    return f


def alloc(data: bytes):
    p = ctypes.c_uint64()
    ck(cu.cuMemAlloc_v2(ctypes.byref(p), max(len(data), 8)), "cuMemAlloc")
    if data:
        ck(cu.cuMemcpyHtoD_v2(p, data, len(data)), "HtoD")
    return p


def read(p, n):
    buf = ctypes.create_string_buffer(n)
    ck(cu.cuMemcpyDtoH_v2(buf, p, n), "DtoH")
    return buf.raw


def launch(f, grid, block, args, sync=True):
    holders = [a for a in args]
    ptrs = (ctypes.c_void_p * len(holders))(*[ctypes.cast(ctypes.byref(h), ctypes.c_void_p) for h in holders])
    ck(cu.cuLaunchKernel(f, grid, 1, 1, block, 1, 1, 0, None, ptrs, None), "cuLaunchKernel")
    return cu.cuCtxSynchronize()


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures += 1


for opt in ("O0", "O3"):
    # seed: x[0] = 21.0
    f = func(load(f"seed.{opt}.ptx"), "kernel_1")
    x = alloc(bytes(128 * 8))
    ck(launch(f, 1, 1, [x]), "seed")
    v = struct.unpack("<128d", read(x, 1024))
    check(v[0] == 21.0 and all(e == 0.0 for e in v[1:]), f"seed {opt}: x[0] = {v[0]}")

    # saxpy over n = 1000 (not a multiple of 128), no contraction
    for kernel_file, fused in ((f"saxpy.{opt}.ptx", False), (f"saxpy_fma.{opt}.ptx", True)):
        f = func(load(kernel_file), "saxpy")
        n = 1000
        rnd = random.Random(1)
        a = f32(1.0 + 2.0**-12)
        xs = [f32(1.0 + 2.0**-12)] + [f32(rnd.uniform(0, 100)) for _ in range(n - 1)]
        ys = [-1.0] + [f32(rnd.uniform(0, 100)) for _ in range(n - 1)]
        xp = alloc(struct.pack(f"<{n}f", *xs))
        yp = alloc(struct.pack(f"<{n}f", *ys))
        args = [ctypes.c_float(a), xp, ctypes.c_uint64(n), yp, ctypes.c_uint64(n)]
        ck(launch(f, (n + 127) // 128, 128, args), "saxpy")
        got = struct.unpack(f"<{n}f", read(yp, 4 * n))
        if not fused:
            want = [f32(f32(a * xi) + yi) for xi, yi in zip(xs, ys)]
            check(list(got) == want, f"saxpy {opt}: bit-identical to separately rounded a*x+y")
            check(got[0] == 2.0**-11, f"saxpy {opt}: element 0 = {got[0]!r} (unfused 2^-11)")
        else:
            check(got[0] == 2.0**-11 + 2.0**-24, f"saxpy_fma {opt}: element 0 = {got[0]!r} (fused 2^-11+2^-24)")

    # helpers: x[0] = sum(pair(3.0)) = 9
    f = func(load(f"helpers.{opt}.ptx"), "helpers")
    x = alloc(bytes(1024))
    ck(launch(f, 1, 1, [x]), "helpers")
    check(struct.unpack("<d", read(x, 8))[0] == 9.0, f"helpers {opt}")

    # sum_all: x[0] = sum of x[0..128]
    f = func(load(f"sum_all.{opt}.ptx"), "sum_all")
    vals = [0.1 * i for i in range(128)]
    x = alloc(struct.pack("<128d", *vals))
    ck(launch(f, 1, 1, [x]), "sum_all")
    s = 0.0
    for e in vals:
        s += e
    check(struct.unpack("<d", read(x, 8))[0] == s, f"sum_all {opt}: sequential sum")

    # isqrt: smallest k with k*k >= n
    f = func(load(f"isqrt.{opt}.ptx"), "isqrt")
    o = alloc(bytes(4))
    ck(launch(f, 1, 1, [o, ctypes.c_uint32(1000)]), "isqrt")
    check(struct.unpack("<I", read(o, 4))[0] == 32, f"isqrt {opt}: loop break value")

def libm_check(n_random=40000, n_range=40000, n_special=20000):
    """Every device libm kernel against glibc (<= 2 ulp, same NaN/inf/zero sign) and the host build of the same C."""
    global failures
    path = os.path.join(D, "math.O3.ptx")
    if not os.path.exists(path):
        print("skip libm: no math.O3.ptx")
        return
    mod = load("math.O3.ptx")
    glibc = ctypes.CDLL("libm.so.6")
    so = os.path.join(D, "libhylibm.so")
    ours = ctypes.CDLL(so) if os.path.exists(so) else None
    names = {"exp": "exp", "exp2": "exp2", "ln": "log", "log2": "log2", "log10": "log10", "sin": "sin",
             "cos": "cos", "tan": "tan", "tanh": "tanh", "powf": "pow", "rem": "fmod"}
    rnd = random.Random(3)
    print(f"{'kernel':<10} {'inputs':>7} {'max ulp':>8} {'!= host build':>14}  worst")
    for ty in ("f32", "f64"):
        fmt, size, ct = ("f", 4, ctypes.c_float) if ty == "f32" else ("d", 8, ctypes.c_double)
        bits_fmt, bits = ("I", 32) if ty == "f32" else ("Q", 64)
        rt = lambda v: ct(v).value  # round to the type (overflowing to inf)
        frombits = lambda b: struct.unpack("<" + fmt, struct.pack("<" + bits_fmt, b))[0]
        tobits = lambda v: struct.unpack("<" + bits_fmt, struct.pack("<" + fmt, v))[0]
        def ordered(v):
            b = tobits(v)
            return -(b & ((1 << (bits - 1)) - 1)) if b >> (bits - 1) else b
        specials = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -1.0, 0.5, 2.0, 10.0, 1e-30, 1e30,
                    3.14159265358979, 1.5707963267948966, 88.72, 89.0, -104.0, 709.78, -745.2, 1e300, 5e-324, 1e-45]
        specials = [rt(v) for v in specials]
        for name, libm_name in names.items():
            kernel = f"{ty}_{name}"
            binary = name in ("powf", "rem")
            cname = libm_name + ("f" if ty == "f32" else "")
            hf = getattr(glibc, cname)
            hf.restype, hf.argtypes = ct, [ct, ct] if binary else [ct]
            of = None
            if ours is not None:
                of = getattr(ours, "__hy_" + cname)
                of.restype, of.argtypes = ct, [ct, ct] if binary else [ct]
            lo, hi = {"sin": (-1e6, 1e6), "cos": (-1e6, 1e6), "tan": (-1e6, 1e6), "exp": (-750, 750),
                      "exp2": (-1100, 1100), "tanh": (-25, 25), "ln": (0, 4), "log2": (0, 4), "log10": (0, 4),
                      "powf": (0, 10), "rem": (-1e6, 1e6)}[name]
            xs = [rt(frombits(rnd.getrandbits(bits))) for _ in range(n_random)]
            xs += [rt(rnd.uniform(-10, 10)) for _ in range(n_range)]
            xs += [rt(rnd.uniform(lo, hi)) for _ in range(n_range)]
            ys = [rt(frombits(rnd.getrandbits(bits))) for _ in range(n_random)]
            ys += [rt(rnd.uniform(-10, 10)) for _ in range(n_range)]
            ys += [rt(rnd.uniform(-300, 300) if name == "powf" else rnd.uniform(-10, 10)) for _ in range(n_range)]
            for _ in range(n_special):
                xs.append(rnd.choice(specials))
                ys.append(float(rnd.randint(-9, 9)) if rnd.random() < 0.5 else rnd.choice(specials))
            n = len(xs)
            xp, yp, op = alloc(struct.pack(f"<{n}{fmt}", *xs)), alloc(struct.pack(f"<{n}{fmt}", *ys)), alloc(bytes(size * n))
            args = [xp, ctypes.c_uint64(n), yp, ctypes.c_uint64(n), op, ctypes.c_uint64(n)]
            ck(launch(func(mod, kernel), (n + 255) // 256, 256, args), kernel)
            got = struct.unpack(f"<{n}{fmt}", read(op, size * n))
            max_ulp, worst, bad_class, not_bitwise = 0, "", [], 0
            for x, y, g in zip(xs, ys, got):
                h = hf(x, y) if binary else hf(x)
                if of is not None:
                    o = of(x, y) if binary else of(x)
                    if tobits(o) != tobits(g) and not (o != o and g != g):
                        not_bitwise += 1
                gn, hn = g != g, h != h
                if gn or hn:
                    ok = gn and hn
                elif abs(g) == float("inf") or abs(h) == float("inf"):
                    ok = g == h
                elif g == 0 and h == 0:
                    ok = tobits(g) == tobits(h)
                else:
                    ok = True
                    u = abs(ordered(g) - ordered(h))
                    if u > max_ulp:
                        max_ulp, worst = u, f"{kernel}({x!r}{', ' + repr(y) if binary else ''}) = {g!r}, host {h!r}"
                if not ok and len(bad_class) < 3:
                    bad_class.append(f"{kernel}({x!r}, {y!r}) = {g!r}, host {h!r}")
            limit = 0 if name == "rem" else 2
            bitwise = "-" if of is None else str(not_bitwise)
            print(f"{kernel:<10} {n:>7} {max_ulp:>8} {bitwise:>14}  {worst}")
            check(max_ulp <= limit and not bad_class and not_bitwise == 0,
                  f"libm {kernel}: max {max_ulp} ulp (limit {limit}), class mismatches {bad_class}, {bitwise} differ from the host build")


libm_check()

# Last (it kills the context): a bounds-check failure traps.
f = func(load("saxpy.O3.ptx"), "saxpy")
xp = alloc(bytes(4 * 256))
yp = alloc(bytes(4 * 100))
r = launch(f, 2, 128, [ctypes.c_float(1.0), xp, ctypes.c_uint64(256), yp, ctypes.c_uint64(100)])
check(r != 0, f"out-of-bounds y[i] traps: cuCtxSynchronize = {r}")
print("failures:", failures)
sys.exit(1 if failures else 0)
