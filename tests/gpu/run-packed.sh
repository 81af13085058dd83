#!/usr/bin/env bash
# On the GPU machine: unpack .carry/pack/bundle.tar.xz (tests/gpu/pack.sh) and
# run both backends' programs with tests/gpu/run.sh; one summary line each.
set -uo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
tar -C "$dir" -xJf .carry/pack/bundle.tar.xz
status=0
for b in gpu gpu-llvm; do
    echo "== $b"
    bash tests/gpu/run.sh "$dir/$b" | grep -v '^ok' || status=1
done
exit $status
