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
    # the CUDA twin named in its `// twin: X.cu` line
    twin=$(sed -n 's|^// twin: \([a-z_0-9]*\.cu\).*|\1|p' "$src")
    cp "benches/gpu/$twin" "$out/"
    echo "$twin" > "$out/$name.twin"
done
ls "$out"
