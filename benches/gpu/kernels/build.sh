#!/usr/bin/env bash
# Build the six kernel benchmarks (benches/gpu/kernels/*.rs) with hybridc into
# DIR (default .carry/bench/kernels; ignored, carry it to the GPU machine),
# next to their CUDA twins' sources; there, `bash benches/gpu/kernels/run.sh DIR`
# prints the ncu table. Extra arguments go to hybridc (e.g. --gpu-arch sm_90).
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${1:-.carry/bench/kernels}
shift || true
rm -rf "$out" && mkdir -p "$out"
for src in benches/gpu/kernels/*.rs; do
    name=$(basename "$src" .rs)
    target/release/hybridc build "$src" -o "$out/$name" "$@"
    cp "benches/gpu/kernels/$name.cu" "$out/"
done
ls "$out"
