#!/usr/bin/env bash
# Build every tests/programs/*.rs (and its expectations) into .carry/gpu, to be
# carried to the GPU machine and run there by tests/gpu/run.sh. Flags are
# passed to hybridc (e.g. --host-backend=llvm); HYBRID_BUNDLE_DIR sets the folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${HYBRID_BUNDLE_DIR:-.carry/gpu}
rm -rf "$out" && mkdir -p "$out"
for src in tests/programs/*.rs; do
    name=$(basename "$src" .rs)
    target/release/hybridc build "$src" -o "$out/$name" "$@"
    cp "tests/programs/$name.stdout" "$out/$name.stdout"
    code=$(sed -n 's|^//@ exit-code: *||p' "$src" | head -1)
    echo "${code:-0}" > "$out/$name.exit"
done
ls "$out" | wc -l
