#!/usr/bin/env python3
"""Compile-speed benchmark: one table, everything measured side by side in one run.

For N = 100, 1 000, 10 000 generated host functions (plus K kernels), the wall
time (median of R rounds; each round runs every command once, so a slow patch
of a shared machine hits them alike) of:
  - hybridc build (Cranelift host backend),
  - hybridc build --host-backend=llvm (LLVM -O0 host backend), if available,
  - rustc -C opt-level=0 on the host-only version of the same source;
host-codegen throughput (functions/s, from --timings), the speedup of -j 2 and
of all cores over -j 1 on host codegen, hybridc's peak memory (max RSS), and
the end-to-end build time of the seed program.

usage: bench_compile.py [--runs R] [--sizes 100,1000,10000] [--kernels K]
"""
import argparse, os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HYBRIDC = os.path.join(ROOT, "target/release/hybridc")
GEN = os.path.join(ROOT, "benches/gen_program.py")

def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return r

def wall(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        run(cmd)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

def interleaved(cmds, runs):
    """Median wall time and phase timings (`--timings`, where given) of each
    command, run in rounds (each command once per round) so that a slow
    patch of the machine hits every command alike."""
    times = {k: [] for k in cmds}
    phases = {k: [] for k in cmds}
    for _ in range(runs):
        for k, cmd in cmds.items():
            t = time.perf_counter()
            r = run(cmd)
            times[k].append(time.perf_counter() - t)
            phases[k].append(r.stderr)
    return {k: statistics.median(v) for k, v in times.items()}, phases

def median_phase(stderrs, name):
    vals = [v for v in (phase_ms(e, name) for e in stderrs) if v is not None]
    return statistics.median(vals) if vals else None

def phase_ms(stderr, name):
    m = re.search(r"^\s*" + re.escape(name) + r"\s+([0-9.]+) ms", stderr, re.M)
    return float(m.group(1)) if m else None

def max_rss_kib(cmd):
    r = run(["/usr/bin/time", "-f", "%M"] + cmd)
    return int(r.stderr.strip().splitlines()[-1])

def supports_llvm_host():
    r = subprocess.run([HYBRIDC, "build", "--help"], stdout=subprocess.PIPE, text=True)
    return "--host-backend" in r.stdout

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--kernels", type=int, default=4)
    ap.add_argument("--generic-sizes", default="100,1000",
                    help="sizes of the generic-heavy program (N generic fns x 3 instances); empty: none")
    a = ap.parse_args()
    cores = os.cpu_count() or 1
    llvm_host = supports_llvm_host()
    tmp = tempfile.mkdtemp(prefix="hybrid-bench-")
    rows = []
    phase_rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        runs = a.runs if n <= 1000 else max(3, a.runs // 2)
        src = os.path.join(tmp, f"g{n}.rs")
        host_src = os.path.join(tmp, f"g{n}_host.rs")
        with open(src, "w") as f:
            f.write(run([sys.executable, GEN, str(n), str(a.kernels)]).stdout)
        with open(host_src, "w") as f:
            f.write(run([sys.executable, GEN, str(n), "0", "--host-only"]).stdout)
        exe = os.path.join(tmp, f"g{n}")
        cmds = {"hy": [HYBRIDC, "build", src, "-o", exe, "--timings"],
                "rc": ["rustc", "-C", "opt-level=0", host_src, "-o", exe + "_rustc"]}
        if llvm_host:
            cmds["hl"] = [HYBRIDC, "build", src, "-o", exe + "_llvm", "--host-backend=llvm", "--timings"]
        t, ph = interleaved(cmds, runs)
        hy, rc, hy_llvm = t["hy"], t["rc"], t.get("hl")
        jobs = {j: [HYBRIDC, "build", src, "-o", exe, "--timings", "-j", str(j)] for j in sorted({1, 2, cores})}
        _, jph = interleaved(jobs, runs)
        j1, j2, jall = (median_phase(jph[j], "host codegen") for j in (1, 2, cores))
        rss = max_rss_kib([HYBRIDC, "build", src, "-o", exe])
        rows.append((n, hy, hy_llvm, rc, j1, j2, jall, rss))
        split = {k: [median_phase(ph[k], p) for p in ("front end", "codegen (host ‖ device)", "link")] for k in ph if k != "rc"}
        phase_rows.append((n, split))
    seed = os.path.join(ROOT, "tests/programs/seed.rs")
    seed_t = wall([HYBRIDC, "build", seed, "-o", os.path.join(tmp, "seed")], max(a.runs, 10))

    print(f"\ncompile-speed benchmark: {a.runs} runs (3 for 10k), medians, {cores} cores, K={a.kernels} kernels")
    hdr = ("N", "hybridc s", "llvm-host s", "rustc -O0 s", "vs llvm", "vs rustc",
           "host cg j1 ms", "fn/s (j1)", "j2 speedup", f"j{cores} (all) spd", "peak MiB")
    print(" | ".join(f"{h:>13}" for h in hdr))
    for n, hy, hl, rc, j1, j2, jall, rss in rows:
        cells = [str(n), f"{hy:.3f}", f"{hl:.3f}" if hl else "n/a", f"{rc:.3f}",
                 f"{hl / hy:.2f}x" if hl else "n/a", f"{rc / hy:.2f}x",
                 f"{j1:.1f}", f"{n / (j1 / 1e3):.0f}", f"{j1 / j2:.2f}x", f"{j1 / jall:.2f}x",
                 f"{rss / 1024:.1f}"]
        print(" | ".join(f"{c:>13}" for c in cells))
    print(f"seed program end-to-end build (median of {max(a.runs, 10)}): {seed_t * 1e3:.1f} ms")
    print("\nwhere the time goes (--timings medians, ms): front end | codegen (host ‖ device) | link")
    for n, split in phase_rows:
        for k, name in (("hy", "hybridc"), ("hl", "llvm-host")):
            if k in split:
                print(f"  N={n:<6} {name:<10} " + " | ".join(f"{v:9.1f}" if v is not None else "      n/a" for v in split[k]))
    generic_table(a, tmp, llvm_host)


def generic_table(a, tmp, llvm_host):
    """The generic-heavy program: N generic functions, each instantiated at 3 types."""
    sizes = [int(s) for s in a.generic_sizes.split(",") if s]
    if not sizes:
        return
    print(f"\ngeneric-heavy program (gen_program.py N 0 --generic: N generic fns x 3 instances), {a.runs} runs, medians")
    hdr = ("N", "instances", "hybridc s", "llvm-host s", "rustc -O0 s", "vs llvm", "vs rustc", "front end ms")
    print(" | ".join(f"{h:>12}" for h in hdr))
    for n in sizes:
        src = os.path.join(tmp, f"gen{n}.rs")
        with open(src, "w") as f:
            f.write(run([sys.executable, GEN, str(n), "0", "--generic"]).stdout)
        exe = os.path.join(tmp, f"gen{n}")
        cmds = {"hy": [HYBRIDC, "build", src, "-o", exe, "--timings"],
                "rc": ["rustc", "-C", "opt-level=0", src, "-o", exe + "_rustc"]}
        if llvm_host:
            cmds["hl"] = [HYBRIDC, "build", src, "-o", exe + "_llvm", "--host-backend=llvm", "--timings"]
        t, ph = interleaved(cmds, a.runs)
        outs = {run([exe]).stdout, run([exe + "_rustc"]).stdout}
        if len(outs) != 1:
            sys.exit(f"generic N={n}: hybridc and rustc executables print different results: {outs}")
        hy, rc, hl = t["hy"], t["rc"], t.get("hl")
        fe = median_phase(ph["hy"], "front end")
        cells = [str(n), str(3 * n), f"{hy:.3f}", f"{hl:.3f}" if hl else "n/a", f"{rc:.3f}",
                 f"{hl / hy:.2f}x" if hl else "n/a", f"{rc / hy:.2f}x", f"{fe:.1f}" if fe is not None else "n/a"]
        print(" | ".join(f"{c:>12}" for c in cells))

if __name__ == "__main__":
    main()
