#!/usr/bin/env bash
# On the GPU machine (ptxas on the PATH), with the hybridc carried in .carry/hc
# (tests/gpu/pack-hybridc.sh): tests/gpu/spill_hint.rs is a barrier kernel
# whose occupancy hint (.minnctapersm 8: 32 registers) would make it spill.
# Prints ptxas' report of its PTX with and without the hint, then the
# resources of the cubin hybridc embedded (built without the hint after the
# spill: no stack, more than 32 registers), then runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
hc=$(mktemp -d)
xz -dc .carry/hc/hybridc.xz > "$hc/hybridc" && chmod +x "$hc/hybridc"
xz -dc .carry/hc/libhybrid_shim.a.xz > "$hc/libhybrid_shim.a"
"$hc/hybridc" build --emit=ptx tests/gpu/spill_hint.rs -o "$hc/spill_hint"
grep -c minnctapersm "$hc/spill_hint.ptx"
echo "== ptxas, PTX as emitted (hinted)"
ptxas -arch=sm_90 -O3 -v "$hc/spill_hint.ptx" -o "$hc/hinted.cubin" 2>&1 | grep -E "properties|spill|registers"
echo "== ptxas, without the hint"
sed '/minnctapersm/d' "$hc/spill_hint.ptx" > "$hc/plain.ptx"
ptxas -arch=sm_90 -O3 -v "$hc/plain.ptx" -o "$hc/plain.cubin" 2>&1 | grep -E "spill|registers"
echo "== the cubin hybridc embedded"
for c in "$hc"/hybridc-cache/cubin-*.cubin; do cuobjdump -res-usage "$c" | grep -E "Function|REG"; done
HYBRID_OFFLOAD=mandatory HYBRID_INFO=1 "$hc/spill_hint" 2>&1 | grep -E "loaded device image|error|^[0-9]" | head -5
