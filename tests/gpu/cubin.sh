#!/usr/bin/env bash
# On the GPU machine (ptxas on the PATH): build with the hybridc carried in
# .carry/hc (tests/gpu/pack-hybridc.sh) and check the embedded cubin: the
# image loaded is the cubin (no JIT) and its load time; `--no-cubin` JITs the
# PTX; a cubin of another architecture (sm_80) is refused by the driver and
# the PTX after it runs. Prints the HYBRID_INFO lines that show it.
set -euo pipefail
cd "$(dirname "$0")/../.."
hc=$(mktemp -d)
xz -dc .carry/hc/hybridc.xz > "$hc/hybridc" && chmod +x "$hc/hybridc"
xz -dc .carry/hc/libhybrid_shim.a.xz > "$hc/libhybrid_shim.a"
which ptxas
for prog in tests/programs/seed.rs benches/gpu/kernels/blackscholes.rs; do
    name=$(basename "$prog" .rs)
    for mode in "" --no-cubin "--gpu-arch sm_80"; do
        # shellcheck disable=SC2086
        "$hc/hybridc" build --timings $mode "$prog" -o "$hc/$name" 2>&1 | grep -E "ptxas|total" || true
        echo "== $name ${mode:-(cubin)}"
        HYBRID_OFFLOAD=mandatory HYBRID_INFO=1 "$hc/$name" 2>&1 | grep -E "loaded device image|refused|error|WRONG|ok|checksum|^[0-9]" | head -5
    done
done
