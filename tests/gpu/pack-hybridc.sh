#!/usr/bin/env bash
# Pack a stripped, xz-compressed hybridc and its runtime library into
# .carry/hc (~23 MB, under the device tool's 64 MiB carry limit), so that
# hybridc itself runs on the GPU machine (tests/gpu/cubin.sh: builds there
# with ptxas on the PATH embed a cubin).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .carry/hc
strip -o .carry/hc/hybridc target/release/hybridc
xz -T0 -3 -f .carry/hc/hybridc
xz -T0 -3 -c target/release/libhybrid_shim.a > .carry/hc/libhybrid_shim.a.xz
ls -la .carry/hc
