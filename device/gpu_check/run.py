"""Load the device tests' PTX with the CUDA driver (ctypes) and check results bit for bit, on a GPU machine.

Make the PTX first: DUMP_PTX=device/gpu_check cargo test -p hybrid-device --release dump_ptx
then (on the GPU machine): python3 device/gpu_check/run.py
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

# Last (it kills the context): a bounds-check failure traps.
f = func(load("saxpy.O3.ptx"), "saxpy")
xp = alloc(bytes(4 * 256))
yp = alloc(bytes(4 * 100))
r = launch(f, 2, 128, [ctypes.c_float(1.0), xp, ctypes.c_uint64(256), yp, ctypes.c_uint64(100)])
check(r != 0, f"out-of-bounds y[i] traps: cuCtxSynchronize = {r}")
print("failures:", failures)
sys.exit(1 if failures else 0)
