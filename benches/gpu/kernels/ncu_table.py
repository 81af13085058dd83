#!/usr/bin/env python3
"""Reads the ncu CSV logs that run.sh wrote (NAME.hybridc.csv, NAME.TAG.csv) and prints the kernel table.

Columns: kernel time (gpu__time_duration.sum, the last profiled launch) and
registers per thread of each side, and nvcc-time / hybridc-time (above 1:
hybridc faster); the last line is the geometric mean of the ratios.
"""
import csv
import math
import sys

def read(path):
    """(time in microseconds, registers per thread) of the last launch in an ncu --csv log."""
    rows = {}
    with open(path) as f:
        lines = [l for l in f if l.startswith('"')]
    for row in csv.DictReader(lines):
        rows.setdefault(row["ID"], {})[row["Metric Name"]] = (row["Metric Value"], row["Metric Unit"], row["Kernel Name"])
    last = rows[max(rows, key=int)]
    value, unit, _ = last["gpu__time_duration.sum"]
    scale = {"nsecond": 1e-3, "ns": 1e-3, "usecond": 1.0, "us": 1.0, "msecond": 1e3, "ms": 1e3}[unit]
    us = float(value.replace(",", "")) * scale
    regs = int(float(last["launch__registers_per_thread"][0].replace(",", "")))
    return us, regs

def main():
    folder, tag, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    print(f"| kernel | hybridc us | {tag} us | hybridc regs | {tag} regs | {tag}/hybridc time |")
    print("|---|---|---|---|---|---|")
    ratios = []
    for name in names:
        ours, our_regs = read(f"{folder}/{name}.hybridc.csv")
        theirs, their_regs = read(f"{folder}/{name}.{tag}.csv")
        ratio = theirs / ours
        ratios.append(ratio)
        print(f"| {name} | {ours:.1f} | {theirs:.1f} | {our_regs} | {their_regs} | {ratio:.3f} |")
    mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"| geometric mean | | | | | {mean:.3f} |")

if __name__ == "__main__":
    main()
