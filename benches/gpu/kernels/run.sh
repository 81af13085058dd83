#!/usr/bin/env bash
# On the GPU machine: build the CUDA twins with nvcc -O3 -arch=sm_90, run each
# benchmark and its twin once plainly (each checks its own result and exits
# 1 when wrong), then under `ncu --clock-control none` for the kernel time
# and registers per thread, and print the table (ncu_table.py).
# Usage: benches/gpu/kernels/run.sh [DIR] (default .carry/bench/kernels, from build.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-.carry/bench/kernels}
names="saxpy matmul reduce jacobi nbody blackscholes"
metrics=gpu__time_duration.sum,launch__registers_per_thread
for name in $names; do
    [ -x "$dir/$name.nvcc" ] || nvcc -O3 -arch=sm_90 -o "$dir/$name.nvcc" "$dir/$name.cu"
    HYBRID_OFFLOAD=mandatory "$dir/$name"
    "$dir/$name.nvcc"
    HYBRID_OFFLOAD=mandatory ncu --clock-control none --metrics "$metrics" --csv --print-units base \
        --log-file "$dir/$name.hybridc.csv" "$dir/$name" >/dev/null
    ncu --clock-control none --metrics "$metrics" --csv --print-units base \
        --log-file "$dir/$name.nvcc.csv" "$dir/$name.nvcc" >/dev/null
done
python3 "$here/ncu_table.py" "$dir" $names
