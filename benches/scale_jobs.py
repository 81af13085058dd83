#!/usr/bin/env python3
"""Thread scaling of one build: `hybridc build FILE -j N --timings` for N = 1,
2, 4, .. up to the core count, medians of R runs, one table of the phases
that run in parallel (the front end's body phase, host code generation, the
link) and the total, with speed-ups over -j 1.

usage: scale_jobs.py HYBRIDC FILE [--runs R]
(HYBRID_SHIM_LIB may point at a pre-linked shim object when the shim
library is not next to HYBRIDC, e.g. on a machine the binary was copied to.)
"""
import argparse, os, re, statistics, subprocess, sys, tempfile

PHASES = ["front end", "bodies (parallel)", "host codegen", "link", "total"]

def phase_ms(text, name):
    m = re.search(r"^\s*" + re.escape(name) + r"\s+([0-9.]+) ms", text, re.M)
    return float(m.group(1)) if m else float("nan")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("hybridc")
    ap.add_argument("file")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    hybridc, src, runs = a.hybridc, a.file, a.runs
    cores = os.cpu_count() or 1
    jobs = [1]
    while jobs[-1] * 2 <= cores:
        jobs.append(jobs[-1] * 2)
    if jobs[-1] != cores:
        jobs.append(cores)
    out = os.path.join(tempfile.mkdtemp(), "prog")
    rows = {}
    for j in jobs:
        samples = {p: [] for p in PHASES}
        for _ in range(runs):
            r = subprocess.run([hybridc, "build", src, "-o", out, "-j", str(j), "--timings"], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(f"hybridc failed:\n{r.stderr[-2000:]}")
            for p in PHASES:
                samples[p].append(phase_ms(r.stderr, p))
        rows[j] = {p: statistics.median(v) for p, v in samples.items()}
    print(f"thread scaling, {os.path.basename(src)}, {cores} cores, medians of {runs} (ms; speed-up over -j 1)")
    print(f"{'-j':>4} | " + " | ".join(f"{p:>24}" for p in PHASES))
    for j in jobs:
        cells = [f"{rows[j][p]:>12.1f} ({rows[1][p] / rows[j][p]:>5.2f}x)" + " " * 3 for p in PHASES]
        print(f"{j:>4} | " + " | ".join(f"{c:>24}" for c in cells))

if __name__ == "__main__":
    main()
