//! Host fallback: runs a kernel's grid on the CPU. Blocks run in parallel on
//! all cores. The compiler decides how a block's threads run: a kernel whose
//! offload entry has `ENTRY_FLAG_USES_BARRIER` (it, or something it calls,
//! contains `sync_threads`) runs every block of more than one thread with one
//! OS thread per block thread (a reused team of threads per worker, a real
//! barrier for `hybrid_fb_sync_threads`); any other kernel runs a block's
//! threads sequentially in x-fastest order, which is much faster.
//!
//! FIXME(perf): barrier mode costs OS context switches per block thread per
//! barrier (about 6 ms per 256-thread block with one barrier on 2 cores);
//! user-space coroutines (an x86-64 context switch or ucontext) would make
//! `sync_threads` a cheap switch.

use crate::abi::{FallbackEntry, ThreadCtx};
use crate::rt::{fatal, mark_worker_thread};
use crate::stack_overflow::ThreadStackGuard;
use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Condvar, Mutex};

/// Stack of one block thread in barrier mode.
const BLOCK_THREAD_STACK: usize = 1 << 20;
/// Cap on OS threads alive at once in barrier mode (all workers' teams).
const MAX_TEAM_THREADS: u64 = 8192;

/// One kernel launch on the host.
pub struct GridLaunch<'a> {
    pub entry: FallbackEntry,
    /// The flattened argument slots (`KernelArgsTy::ArgPtrs`).
    pub args: *const u64,
    pub grid: [u32; 3],
    pub block: [u32; 3],
    pub dyn_shared: usize,
    pub static_shared: usize,
    pub kernel: &'a str,
    /// The entry's `ENTRY_FLAG_USES_BARRIER`: run blocks with real barriers.
    pub uses_barrier: bool,
}

unsafe impl Sync for GridLaunch<'_> {}

/// `__syncthreads` among a block's threads. A thread whose kernel returned
/// leaves the barrier, so the others are not kept waiting for it (as exited
/// threads count as arrived on the GPU).
pub struct BlockBarrier {
    state: Mutex<BarrierState>,
    released: Condvar,
}

struct BarrierState {
    /// Threads still running the kernel in this block.
    expected: u64,
    arrived: u64,
    generation: u64,
}

impl BlockBarrier {
    pub fn new(threads: u64) -> BlockBarrier {
        BlockBarrier { state: Mutex::new(BarrierState { expected: threads, arrived: 0, generation: 0 }), released: Condvar::new() }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BarrierState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Start a new block of `threads` threads (all threads idle).
    pub fn reset(&self, threads: u64) {
        let mut s = self.lock();
        s.expected = threads;
        s.arrived = 0;
    }

    fn release_if_complete(&self, s: &mut BarrierState) -> bool {
        if s.arrived > 0 && s.arrived >= s.expected {
            s.arrived = 0;
            s.generation += 1;
            self.released.notify_all();
            true
        } else {
            false
        }
    }

    pub fn wait(&self) {
        let mut s = self.lock();
        s.arrived += 1;
        if self.release_if_complete(&mut s) {
            return;
        }
        let generation = s.generation;
        while s.generation == generation {
            s = self.released.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// The calling thread finished the kernel.
    pub fn leave(&self) {
        let mut s = self.lock();
        s.expected -= 1;
        self.release_if_complete(&mut s);
    }
}

/// What `ThreadCtx::barrier` points at during a fallback launch.
pub struct BlockSync<'a> {
    /// `None` while the block's threads run sequentially.
    barrier: Option<&'a BlockBarrier>,
    block_threads: u64,
    kernel: &'a str,
}

/// `hybrid_fb_sync_threads(ctx)`: `gpu::sync_threads()` in host fallback.
#[no_mangle]
pub unsafe extern "C" fn hybrid_fb_sync_threads(ctx: *const ThreadCtx) {
    let sync = (*ctx).barrier as *const BlockSync;
    if sync.is_null() {
        return;
    }
    let sync = &*sync;
    if sync.block_threads <= 1 {
        return;
    }
    match sync.barrier {
        Some(b) => b.wait(),
        None => fatal(missing_barrier_flag(sync.kernel)),
    }
}

/// The error for `sync_threads` reached by a kernel whose offload entry lacks
/// `ENTRY_FLAG_USES_BARRIER`: the compiler's barrier analysis missed a path.
fn missing_barrier_flag(kernel: &str) -> String {
    format!(
        "internal compiler error: kernel `{kernel}` called gpu::sync_threads() in host fallback, but its offload \
         entry lacks the uses-barrier flag (hybrid_ir::analysis::kernel_may_sync missed it), so its block threads \
         ran sequentially; this is a hybridc bug, please report it"
    )
}

/// Zeroed, 16-aligned per-block memory (null when `bytes` is 0).
struct BlockMemory {
    ptr: *mut u8,
    bytes: usize,
}

impl BlockMemory {
    fn new(bytes: usize) -> BlockMemory {
        if bytes == 0 {
            return BlockMemory { ptr: std::ptr::null_mut(), bytes };
        }
        let layout = Layout::from_size_align(bytes, 16).unwrap_or_else(|_| fatal("block memory too large"));
        let ptr = unsafe { alloc_zeroed(layout) };
        if ptr.is_null() {
            fatal(format_args!("allocating {bytes} bytes of block-shared memory failed"));
        }
        BlockMemory { ptr, bytes }
    }
    fn clear(&self) {
        if self.bytes > 0 {
            unsafe { std::ptr::write_bytes(self.ptr, 0, self.bytes) };
        }
    }
}

// Shared by the threads of one block, as block-shared memory is on a GPU.
unsafe impl Sync for BlockMemory {}

impl Drop for BlockMemory {
    fn drop(&mut self) {
        if self.bytes > 0 {
            unsafe { dealloc(self.ptr, Layout::from_size_align_unchecked(self.bytes, 16)) };
        }
    }
}

fn block_index(linear: u64, grid: [u32; 3]) -> [u32; 3] {
    let (gx, gy) = (grid[0] as u64, grid[1] as u64);
    [(linear % gx) as u32, ((linear / gx) % gy) as u32, (linear / (gx * gy)) as u32]
}

fn make_ctx(l: &GridLaunch, block: u64, dyn_shared: &BlockMemory, shared: &BlockMemory, sync: *const BlockSync) -> ThreadCtx {
    ThreadCtx {
        thread_idx: [0; 3],
        block_idx: block_index(block, l.grid),
        block_dim: l.block,
        grid_dim: l.grid,
        dyn_shared: dyn_shared.ptr,
        shared: shared.ptr,
        barrier: sync as *mut u8,
    }
}

/// Run the threads of `block` one after another on the calling thread.
fn run_block_sequential(l: &GridLaunch, block: u64, dyn_shared: &BlockMemory, shared: &BlockMemory, sync: &BlockSync) {
    dyn_shared.clear();
    shared.clear();
    let mut ctx = make_ctx(l, block, dyn_shared, shared, sync);
    for z in 0..l.block[2] {
        for y in 0..l.block[1] {
            for x in 0..l.block[0] {
                ctx.thread_idx = [x, y, z];
                unsafe { (l.entry)(l.args, &ctx) };
            }
        }
    }
}

fn cores() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u64)
}

/// Hand out blocks `[from, to)` in chunks to `workers` threads.
struct BlockQueue {
    next: AtomicU64,
    to: u64,
    chunk: u64,
}

impl BlockQueue {
    fn new(from: u64, to: u64, workers: u64) -> BlockQueue {
        let chunk = ((to - from) / (workers * 8)).clamp(1, 1024);
        BlockQueue { next: AtomicU64::new(from), to, chunk }
    }
    fn take(&self) -> Option<std::ops::Range<u64>> {
        let start = self.next.fetch_add(self.chunk, Ordering::Relaxed);
        (start < self.to).then(|| start..(start + self.chunk).min(self.to))
    }
}

/// Blocks `[from, to)` with sequential threads, on up to all cores.
fn run_sequential(l: &GridLaunch, from: u64, to: u64) {
    let threads = l.block.iter().map(|&d| d as u64).product::<u64>();
    let work = |queue: &BlockQueue| {
        let dyn_shared = BlockMemory::new(l.dyn_shared);
        let shared = BlockMemory::new(l.static_shared);
        let sync = BlockSync { barrier: None, block_threads: threads, kernel: l.kernel };
        while let Some(range) = queue.take() {
            for b in range {
                run_block_sequential(l, b, &dyn_shared, &shared, &sync);
            }
        }
    };
    let blocks = to - from;
    let workers = cores().min(blocks);
    let queue = BlockQueue::new(from, to, workers.max(1));
    if workers <= 1 || blocks * threads < 64 {
        with_worker_mark(|| work(&queue));
        return;
    }
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                mark_worker_thread();
                let _stack = ThreadStackGuard::enter();
                work(&queue)
            });
        }
    });
}

/// Panic messages from kernel code name the thread `<unnamed>`, as a
/// fallback worker would; run `f` so marked on the calling thread.
fn with_worker_mark(f: impl FnOnce()) {
    let was = crate::rt::panic_thread_name() == "<unnamed>";
    mark_worker_thread();
    f();
    if !was {
        crate::rt::unmark_worker_thread();
    }
}

/// One worker in barrier mode: a team of one OS thread per block thread,
/// reused for every block the worker takes.
fn team_worker(l: &GridLaunch, queue: &BlockQueue) {
    let threads = l.block.iter().map(|&d| d as u64).product::<u64>();
    let dyn_shared = BlockMemory::new(l.dyn_shared);
    let shared = BlockMemory::new(l.static_shared);
    let sync_barrier = BlockBarrier::new(threads);
    let start = Barrier::new(threads as usize + 1);
    let done = Barrier::new(threads as usize + 1);
    const STOP: u64 = u64::MAX;
    let current = AtomicU64::new(STOP);
    let sync = BlockSync { barrier: Some(&sync_barrier), block_threads: threads, kernel: l.kernel };
    std::thread::scope(|s| {
        for t in 0..threads {
            let tx = (t % l.block[0] as u64) as u32;
            let ty = ((t / l.block[0] as u64) % l.block[1] as u64) as u32;
            let tz = (t / (l.block[0] as u64 * l.block[1] as u64)) as u32;
            let (start, done, current, dyn_shared, shared, sync) = (&start, &done, &current, &dyn_shared, &shared, &sync);
            let spawned = std::thread::Builder::new().stack_size(BLOCK_THREAD_STACK).spawn_scoped(s, move || {
                mark_worker_thread();
                let _stack = ThreadStackGuard::enter();
                loop {
                    start.wait();
                    let b = current.load(Ordering::Acquire);
                    if b == STOP {
                        break;
                    }
                    let mut ctx = make_ctx(l, b, dyn_shared, shared, sync);
                    ctx.thread_idx = [tx, ty, tz];
                    unsafe { (l.entry)(l.args, &ctx) };
                    sync.barrier.expect("barrier mode").leave();
                    done.wait();
                }
            });
            if let Err(e) = spawned {
                fatal(format_args!("kernel `{}`: cannot start a host-fallback block thread: {e}", l.kernel));
            }
        }
        while let Some(range) = queue.take() {
            for b in range {
                dyn_shared.clear();
                shared.clear();
                sync_barrier.reset(threads);
                current.store(b, Ordering::Release);
                start.wait();
                done.wait();
            }
        }
        current.store(STOP, Ordering::Release);
        start.wait();
    });
}

/// Blocks `[from, to)` in barrier mode, on up to all cores.
fn run_with_barriers(l: &GridLaunch, from: u64, to: u64) {
    let threads = l.block.iter().map(|&d| d as u64).product::<u64>();
    let workers = cores().min(to - from).min((MAX_TEAM_THREADS / threads).max(1)).max(1);
    let queue = BlockQueue::new(from, to, workers);
    if workers == 1 {
        return with_worker_mark(|| team_worker(l, &queue));
    }
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                mark_worker_thread();
                team_worker(l, &queue)
            });
        }
    });
}

/// The kernel host fallback is running, for panic messages ("in kernel
/// `k`"): fallback launches are synchronous, so one at a time.
static RUNNING: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

struct RunningKernel;

impl RunningKernel {
    fn enter(kernel: &str) -> RunningKernel {
        *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = Some(kernel.to_string());
        RunningKernel
    }
}

impl Drop for RunningKernel {
    fn drop(&mut self) {
        *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// The kernel host fallback is running now, if any.
pub fn running_kernel() -> Option<String> {
    RUNNING.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Run the whole grid of `l` on the host (its shape already passed
/// `launch_limits::check`, as every launch's does).
pub fn run_grid(l: &GridLaunch) {
    let blocks = l.grid.iter().map(|&d| d as u64).product::<u64>();
    let threads = l.block.iter().map(|&d| d as u64).product::<u64>();
    if blocks == 0 || threads == 0 {
        return;
    }
    let _running = RunningKernel::enter(l.kernel);
    // A barrier among one thread is a no-op: such blocks always run inline.
    if l.uses_barrier && threads > 1 {
        run_with_barriers(l, 0, blocks);
    } else {
        run_sequential(l, 0, blocks);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    /// A "kernel" that records each thread's global x index.
    unsafe extern "C" fn record(args: *const u64, ctx: *const ThreadCtx) {
        let out = *args as *const AtomicU32;
        let n = *args.add(1);
        let c = &*ctx;
        let i = (c.block_idx[0] * c.block_dim[0] + c.thread_idx[0]) as u64;
        if i < n {
            (*out.add(i as usize)).fetch_add(1, Ordering::Relaxed);
        }
    }

    fn launch(entry: FallbackEntry, args: &[u64], grid: [u32; 3], block: [u32; 3], dyn_shared: usize, uses_barrier: bool) {
        let kernel = "test";
        run_grid(&GridLaunch { entry, args: args.as_ptr(), grid, block, dyn_shared, static_shared: 0, kernel, uses_barrier });
    }

    #[test]
    fn every_thread_runs_once() {
        for (grid, block) in [([1, 1, 1], [1, 1, 1]), ([37, 1, 1], [1, 1, 1]), ([9, 1, 1], [128, 1, 1]), ([3, 1, 1], [1000, 1, 1])] {
            let n = 1000u64;
            for uses_barrier in [false, true] {
                let out: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
                launch(record, &[out.as_ptr() as u64, n], grid, block, 0, uses_barrier);
                let covered = (grid[0] as u64 * block[0] as u64).min(n);
                for (i, x) in out.iter().enumerate() {
                    assert_eq!(x.load(Ordering::Relaxed), ((i as u64) < covered) as u32, "{grid:?} {block:?} {i}");
                }
            }
        }
    }

    /// Block reduction through dyn shared memory with barriers: thread t
    /// writes t+1, syncs, thread 0 sums and stores the block's total.
    unsafe extern "C" fn block_sum(args: *const u64, ctx: *const ThreadCtx) {
        let out = *args as *mut u64;
        let c = &*ctx;
        let shared = c.dyn_shared as *mut u64;
        let t = c.thread_idx[0] + c.thread_idx[1] * c.block_dim[0];
        *shared.add(t as usize) = t as u64 + 1;
        hybrid_fb_sync_threads(ctx);
        if t == 0 {
            let n = (c.block_dim[0] * c.block_dim[1]) as usize;
            let sum = (0..n).map(|i| *shared.add(i)).sum::<u64>();
            let b = c.block_idx[0] + c.block_idx[1] * c.grid_dim[0];
            *out.add(b as usize) = sum;
        }
        hybrid_fb_sync_threads(ctx);
    }

    #[test]
    fn barriers_and_dyn_shared_work() {
        let mut out = vec![0u64; 12];
        launch(block_sum, &[out.as_mut_ptr() as u64], [4, 3, 1], [16, 4, 1], 64 * 8, true);
        assert!(out.iter().all(|&s| s == 64 * 65 / 2), "{out:?}");
    }

    /// Threads past `n` return before the barrier; the rest must not hang.
    unsafe extern "C" fn early_return(args: *const u64, ctx: *const ThreadCtx) {
        let out = *args as *mut u32;
        let c = &*ctx;
        if c.thread_idx[0] >= 5 {
            return;
        }
        *out.add(c.thread_idx[0] as usize) = 1;
        hybrid_fb_sync_threads(ctx);
        if c.thread_idx[0] == 0 {
            *out.add(10) = (0..5).map(|i| *out.add(i)).sum();
        }
    }

    #[test]
    fn exited_threads_leave_the_barrier() {
        let mut out = vec![0u32; 11];
        launch(early_return, &[out.as_mut_ptr() as u64], [3, 1, 1], [8, 1, 1], 0, true);
        assert_eq!(out[10], 5);
    }

    /// Only odd blocks reach the barrier: they reverse their thread ids
    /// through dyn shared memory; even blocks write their ids unchanged.
    unsafe extern "C" fn odd_blocks_sync(args: *const u64, ctx: *const ThreadCtx) {
        let out = *args as *mut u32;
        let c = &*ctx;
        let (t, n, b) = (c.thread_idx[0], c.block_dim[0], c.block_idx[0]);
        let g = (b * n + t) as usize;
        if b % 2 == 1 {
            let shared = c.dyn_shared as *mut u32;
            *shared.add(t as usize) = t;
            hybrid_fb_sync_threads(ctx);
            *out.add(g) = *shared.add((n - 1 - t) as usize);
        } else {
            *out.add(g) = t;
        }
    }

    #[test]
    fn barriers_reached_by_some_blocks_only() {
        let (blocks, threads) = (7u32, 32u32);
        let mut out = vec![u32::MAX; (blocks * threads) as usize];
        launch(odd_blocks_sync, &[out.as_mut_ptr() as u64], [blocks, 1, 1], [threads, 1, 1], 4 * threads as usize, true);
        for b in 0..blocks {
            for t in 0..threads {
                let want = if b % 2 == 1 { threads - 1 - t } else { t };
                assert_eq!(out[(b * threads + t) as usize], want, "block {b} thread {t}");
            }
        }
    }

    /// Each thread records how many threads of its block ran before it.
    unsafe extern "C" fn arrival_order(args: *const u64, ctx: *const ThreadCtx) {
        let out = *args as *mut u32;
        let counters = *args.add(1) as *const AtomicU32;
        let c = &*ctx;
        let b = c.block_idx[0] as usize;
        let g = b * c.block_dim[0] as usize + c.thread_idx[0] as usize;
        *out.add(g) = (*counters.add(b)).fetch_add(1, Ordering::Relaxed);
    }

    #[test]
    fn without_the_flag_threads_run_in_order() {
        let (blocks, threads) = (5usize, 64usize);
        let mut out = vec![u32::MAX; blocks * threads];
        let counters: Vec<AtomicU32> = (0..blocks).map(|_| AtomicU32::new(0)).collect();
        let args = [out.as_mut_ptr() as u64, counters.as_ptr() as u64];
        launch(arrival_order, &args, [blocks as u32, 1, 1], [threads as u32, 1, 1], 0, false);
        for (g, &order) in out.iter().enumerate() {
            assert_eq!(order as usize, g % threads, "thread {g}");
        }
    }

    /// The child half of `sync_without_the_flag_is_a_reported_compiler_bug`.
    #[test]
    fn sync_without_the_flag_child() {
        if std::env::var_os("HYBRID_SHIM_TEST_CHILD").is_none() {
            return;
        }
        let mut out = vec![0u64; 4];
        launch(block_sum, &[out.as_mut_ptr() as u64], [4, 1, 1], [8, 1, 1], 64 * 8, false);
    }

    #[test]
    fn sync_without_the_flag_is_a_reported_compiler_bug() {
        let exe = std::env::current_exe().unwrap();
        let out = std::process::Command::new(exe)
            .args(["--exact", "fallback::tests::sync_without_the_flag_child", "--nocapture", "--test-threads=1"])
            .env("HYBRID_SHIM_TEST_CHILD", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("hybrid: error: internal compiler error: kernel `test` called gpu::sync_threads()"), "{stderr}");
        assert!(stderr.contains("lacks the uses-barrier flag"), "{stderr}");
    }

    #[test]
    fn block_index_is_x_fastest() {
        assert_eq!(block_index(0, [2, 3, 4]), [0, 0, 0]);
        assert_eq!(block_index(1, [2, 3, 4]), [1, 0, 0]);
        assert_eq!(block_index(2, [2, 3, 4]), [0, 1, 0]);
        assert_eq!(block_index(7, [2, 3, 4]), [1, 0, 1]);
    }
}
