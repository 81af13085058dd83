#!/usr/bin/env bash
# Regenerate src/startup.order: the functions hybridc runs for `--version`
# and for building a few corpus programs. build.rs
# hands the file to the linker (lld's --symbol-ordering-file), which places
# these functions together at the start of .text: a start and a small build
# touch a few hundred KiB of code instead of pages all over ~60 MB (LLVM's
# static constructors alone are spread over all of it). Names that no longer
# exist are ignored by the linker, so a stale file only costs speed.
# Needs valgrind. Run after upgrading LLVM, Cranelift or syn.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin hybridc
hy=target/release/hybridc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$tmp/cg.$1" "${@:2}" >/dev/null 2>&1; }
run version "$hy" --version
programs=""
for prog in seed generic_structs closure_chain_collect iter_adapters derive_debug; do
    src=tests/programs/$prog.rs
    [ -f "$src" ] || continue
    programs="$programs $prog"
    run "$prog" "$hy" build "$src" -o "$tmp/exe"
done
# A callgrind file names a function once, at its first `fn=`/`cfn=` line.
# The start's functions come first, then each program's new ones (the seed's
# first), each group in name order: the common paths stay dense.
nm "$hy" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u >"$tmp/defined"
: >src/startup.order
for run in version $programs; do
    sed -nE 's/^c?fn=\([0-9]+\) (.+)$/\1/p' "$tmp/cg.$run" | sort -u | comm -12 - "$tmp/defined" |
        comm -23 - <(sort -u src/startup.order) >>src/startup.order
done
echo "src/startup.order: $(wc -l <src/startup.order) functions (--version,$programs)"
