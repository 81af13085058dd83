#!/usr/bin/env bash
# Run every executable built by tests/gpu/bundle.sh on the GPU
# (HYBRID_OFFLOAD=mandatory: no silent fallback), compare stdout and exit code,
# and print one summary line. Usage: tests/gpu/run.sh [DIR] (default .carry/gpu).
set -uo pipefail
dir=${1:-.carry/gpu}
passed=0; failed=0
for exp in "$dir"/*.stdout; do
    name=$(basename "$exp" .stdout)
    exe="$dir/$name"
    want_code=$(cat "$dir/$name.exit")
    actual=$(HYBRID_OFFLOAD=mandatory "$exe" 2>"$dir/$name.stderr-actual")
    code=$?
    if [ "$code" = "$want_code" ] && [ "$actual" = "$(cat "$exp")" ]; then
        passed=$((passed + 1)); echo "ok     $name"
    else
        failed=$((failed + 1)); echo "FAILED $name (exit $code, expected $want_code)"
        echo "$actual" | head -5; head -5 "$dir/$name.stderr-actual"
    fi
done
echo "gpu: $passed passed, $failed failed"
[ "$failed" = 0 ]
