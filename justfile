# hybridc tasks. `just --list` shows them all.

release := "target/release"

# Build the compiler and the runtime shim (release).
build:
    cargo build --release --workspace

# Compile FILE.rs into target/hybrid/<stem> (extra flags are passed on: --timings, --emit=..).
build-hybrid FILE *FLAGS: build
    mkdir -p target/hybrid
    {{release}}/hybridc build {{FILE}} -o target/hybrid/$(basename {{FILE}} .rs) {{FLAGS}}

# Build and run FILE.rs.
run FILE *ARGS: build
    {{release}}/hybridc run {{FILE}} -- {{ARGS}}

# The whole test suite (what CI runs).
test: build
    cargo test --release --workspace

# Formatting and lints (what CI checks besides the tests): rustfmt, clippy with no warnings.
lint:
    cargo fmt --all --check
    cargo clippy --release --workspace --all-targets -- -D warnings

# Update snapshot files (error diagnostics, IR, PTX) after an intended change.
bless: build
    BLESS=1 cargo test --release --workspace

# Build every test program into .carry/gpu for a run on the GPU machine (see tests/gpu/run.sh).
gpu-bundle: build
    bash tests/gpu/bundle.sh

# Install hybridc and its runtime library into PREFIX/bin (default ~/.local/bin), usable from any folder (its runtime cache: PREFIX/bin/hybridc-cache).
install PREFIX="~/.local": build
    mkdir -p {{PREFIX}}/bin
    install -m 755 target/release/hybridc {{PREFIX}}/bin/hybridc
    install -m 644 target/release/libhybrid_shim.a {{PREFIX}}/bin/libhybrid_shim.a

# hybridc itself, stripped and compressed into .carry/hc, to build on the GPU machine (tests/gpu/cubin.sh there).
gpu-pack-hybridc: build
    bash tests/gpu/pack-hybridc.sh

# Both host backends' programs packed into .carry/pack/bundle.tar.xz (carry it; run tests/gpu/run-packed.sh there).
gpu-pack: build
    bash tests/gpu/pack.sh

# Build the GPU benchmarks (benches/gpu) into .carry/bench and the six kernels into .carry/bench/kernels; on the GPU machine `bash benches/gpu/run.sh` prints hybridc vs CUDA end to end, `bash benches/gpu/kernels/run.sh` the ncu kernel table.
bench-gpu: build
    bash benches/gpu/build.sh
    bash benches/gpu/kernels/build.sh

# Compile-speed table: hybridc vs LLVM host backend vs rustc -O0, -j scaling, seed build time.
bench-compile *ARGS: build
    python3 benches/bench_compile.py {{ARGS}}

# Differential testing: N random programs from a fresh seed, hybridc (both host backends) vs rustc; findings in target/diff-findings.
fuzz-diff N="1000": build
    HYBRID_DIFF_COUNT={{N}} HYBRID_DIFF_SEED=$(date +%s) cargo test --release --test diff -- differential_programs --nocapture

# Crash fuzzing of the front end: N mutants of valid programs from a fresh seed; hybridc must never panic, abort or hang.
fuzz-crash N="10000": build
    HYBRID_CRASH_COUNT={{N}} HYBRID_CRASH_SEED=$(date +%s) cargo test --release --test diff -- crash_mutants --nocapture

# The device libm's f32 functions over all 2^32 inputs against glibc, host build of the same C sources (the GPU half: llvm/libm/README.md).
libm-exhaustive *NAMES:
    mkdir -p target/libm-exhaustive
    cd llvm/libm && cc -O2 -ffp-contract=off -fno-builtin -fno-math-errno -ffreestanding -U__FP_FAST_FMA -fPIC -shared -w -I include musl/*.c hy/*.c -o ../../target/libm-exhaustive/libhylibm.so -lm
    cc -O2 -pthread llvm/gpu_check/exhaustive.c -o target/libm-exhaustive/exhaustive -ldl -lm
    target/libm-exhaustive/exhaustive host target/libm-exhaustive/libhylibm.so {{NAMES}}

# In-process crash fuzzing of the front end: N token mutants of the corpus and of generated programs from a fresh seed, on all cores (findings in target/fuzz-findings).
fuzz-front N="1000000":
    HYBRID_FUZZ_COUNT={{N}} HYBRID_FUZZ_SEED=$(date +%s) nice -n 19 cargo test --release --test fuzz_front -- front_end_survives_mutants --nocapture
