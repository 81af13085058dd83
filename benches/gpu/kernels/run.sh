#!/usr/bin/env bash
# On the GPU machine: build the CUDA twins with nvcc -O3 -arch=sm_90, run each
# benchmark and its twin once plainly (each checks its own result and exits
# 1 when wrong), then under `ncu --clock-control none` for the kernel time
# and registers per thread, and print the table (ncu_table.py).
# Usage: benches/gpu/kernels/run.sh [DIR] (default .carry/bench/kernels, from build.sh).
# NVCC_FLAGS adds nvcc flags (e.g. -fmad=false: no a*b+c contraction, as
# hybridc, whose results stay bit-identical to the host's); TAG names that
# twin build (NAME.TAG, default nvcc).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-.carry/bench/kernels}
names="saxpy matmul reduce jacobi nbody blackscholes"
metrics=gpu__time_duration.sum,launch__registers_per_thread
tag=${TAG:-nvcc}
for name in $names; do
    # shellcheck disable=SC2086
    [ -x "$dir/$name.$tag" ] || nvcc -O3 -arch=sm_90 ${NVCC_FLAGS:-} -o "$dir/$name.$tag" "$dir/$name.cu"
    HYBRID_OFFLOAD=mandatory "$dir/$name"
    "$dir/$name.$tag"
    HYBRID_OFFLOAD=mandatory ncu --clock-control none --metrics "$metrics" --csv --print-units base \
        --log-file "$dir/$name.hybridc.csv" "$dir/$name" >/dev/null
    ncu --clock-control none --metrics "$metrics" --csv --print-units base \
        --log-file "$dir/$name.$tag.csv" "$dir/$name.$tag" >/dev/null
done
python3 "$here/ncu_table.py" "$dir" "$tag" $names
