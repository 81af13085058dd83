#!/usr/bin/env bash
# Install what a fresh Debian 12 machine is missing (LLVM 19, lld, just),
# build hybridc, then build and run the seed example. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
need=()
for pkg in llvm-19-dev libpolly-19-dev libzstd-dev zlib1g-dev lld-19 clang-19 gcc; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "bootstrap: installing ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
if ! command -v cargo >/dev/null; then
    echo "bootstrap: cargo not found; install Rust stable (rustup) first" >&2
    exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v just >/dev/null || cargo install just --locked
# `just lint` (CI) needs rustfmt and clippy; rustup's default profile has them.
if command -v rustup >/dev/null; then rustup component add rustfmt clippy >/dev/null 2>&1 || echo "bootstrap: could not add rustfmt/clippy" >&2; fi

just build-hybrid tests/programs/seed.rs
target/hybrid/seed
