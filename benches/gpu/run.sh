#!/usr/bin/env bash
# On the GPU machine: build the CUDA twins with nvcc -O3, run each benchmark
# and its twin (hybridc with HYBRID_OFFLOAD=mandatory), print
# workload | hybridc | CUDA | hybridc/CUDA time (below 1: hybridc faster).
# Usage: benches/gpu/run.sh [DIR] (default .carry/bench, from build.sh).
set -euo pipefail
dir=${1:-.carry/bench}
printf '%-22s | %12s | %12s | %s\n' workload hybridc CUDA "hybridc/CUDA time"
for exe in "$dir"/*; do
    [ -f "$exe" ] && [ -x "$exe" ] && [ "${exe%.cu-bin}" = "$exe" ] || continue
    name=$(basename "$exe")
    twin=$(cat "$dir/$name.twin")
    [ -x "$dir/$twin-bin" ] || nvcc -O3 -arch=sm_90 -o "$dir/$twin-bin" "$dir/$twin"
    ours=$(HYBRID_OFFLOAD=mandatory "$exe")
    theirs=$("$dir/$twin-bin")
    # every line `metric value` of the twin: the same metric in ours
    while read -r metric value; do
        case "$value" in ''|*[!0-9.]*) continue ;; esac
        mine=$(echo "$ours" | awk -v m="$metric" '$1 == m { print $2 }')
        ratio=$(awk -v a="$mine" -v b="$value" 'BEGIN { printf "%.2f", a / b }')
        printf '%-22s | %12s | %12s | %s\n' "$name: $metric" "$mine" "$value" "$ratio"
    done <<< "$theirs"
    # the other lines (checksums) must agree
    diff <(echo "$ours" | grep -v '_us \|_ms ') <(echo "$theirs" | grep -v '_us \|_ms ') >/dev/null || { echo "$name: output differs from the CUDA twin:"; echo "$ours"; echo "$theirs"; exit 1; }
done
