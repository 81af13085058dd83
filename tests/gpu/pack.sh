#!/usr/bin/env bash
# Build every test program with both host backends (tests/gpu/bundle.sh) and
# pack them into .carry/pack/bundle.tar.xz (~1.3 MB instead of ~80 MB: the
# executables share the runtime image), small enough to carry to the GPU
# machine, where tests/gpu/run-packed.sh unpacks and runs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/gpu/bundle.sh >/dev/null
HYBRID_BUNDLE_DIR=.carry/gpu-llvm bash tests/gpu/bundle.sh --host-backend=llvm >/dev/null
mkdir -p .carry/pack
tar -C .carry -cf - gpu gpu-llvm | xz -T0 -6 > .carry/pack/bundle.tar.xz
ls -la .carry/pack/bundle.tar.xz
