#!/usr/bin/env bash
# Build the GPU benchmark programs (benches/gpu/*.rs) into .carry/bench
# (ignored; carry it to the GPU machine) next to their CUDA twins' sources;
# there, `bash benches/gpu/run.sh` prints the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.carry/bench
rm -rf "$out" && mkdir -p "$out"
for src in benches/gpu/*.rs; do
    name=$(basename "$src" .rs)
    target/release/hybridc build "$src" -o "$out/$name"
    cp "benches/gpu/$name.cu" "$out/"
done
ls "$out"
