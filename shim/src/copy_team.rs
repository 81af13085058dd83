//! A team of host threads that splits one large `memcpy` (a staging copy
//! between pageable and pinned memory) into parts, so host-side copies run
//! at the machine's memory bandwidth rather than one core's. The team is
//! spawned once, on the first copy large enough to need it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};

/// Below this many bytes a copy runs on the calling thread.
pub const PARALLEL_MIN: usize = 1 << 20;
/// The smallest part one thread copies.
const PART_MIN: usize = 256 << 10;
/// Most threads one copy uses (the caller included).
const MAX_THREADS: usize = 8;

/// One copy split into `parts` equal parts (the last one shorter).
struct Job {
    dst: usize,
    src: usize,
    len: usize,
    parts: usize,
    /// The next part to take.
    next: AtomicUsize,
    /// Parts copied.
    done: AtomicUsize,
}

impl Job {
    /// Copy parts until none is left.
    fn work(&self) {
        let part = self.len.div_ceil(self.parts);
        loop {
            let p = self.next.fetch_add(1, Ordering::AcqRel);
            if p >= self.parts {
                return;
            }
            let from = p * part;
            let n = part.min(self.len - from);
            // SAFETY: the caller of `copy` keeps both ranges valid and
            // disjoint until every part is done.
            unsafe { std::ptr::copy_nonoverlapping((self.src + from) as *const u8, (self.dst + from) as *mut u8, n) };
            self.done.fetch_add(1, Ordering::AcqRel);
        }
    }
}

struct Team {
    /// The job of the current generation.
    job: Mutex<(u64, Option<Arc<Job>>)>,
    wake: Condvar,
    helpers: usize,
}

fn team() -> &'static Team {
    static TEAM: OnceLock<Team> = OnceLock::new();
    TEAM.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let helpers = cores.min(MAX_THREADS).saturating_sub(1);
        for _ in 0..helpers {
            std::thread::Builder::new().name("hybrid-copy".into()).spawn(helper).expect("spawning a copy thread");
        }
        Team { job: Mutex::new((0, None)), wake: Condvar::new(), helpers }
    })
}

fn helper() {
    let t = team();
    let mut seen = 0;
    loop {
        let job = {
            let mut g = t.job.lock().unwrap_or_else(|e| e.into_inner());
            while g.0 == seen {
                g = t.wake.wait(g).unwrap_or_else(|e| e.into_inner());
            }
            seen = g.0;
            g.1.clone()
        };
        if let Some(job) = job {
            job.work();
        }
    }
}

/// `memcpy(dst, src, len)`, on several threads when `len` is large.
///
/// # Safety
/// `src..src+len` readable, `dst..dst+len` writable, the two disjoint.
pub unsafe fn copy(dst: *mut u8, src: *const u8, len: usize) {
    let parts = (len / PART_MIN).min(MAX_THREADS);
    if len < PARALLEL_MIN || parts < 2 || team().helpers == 0 {
        std::ptr::copy_nonoverlapping(src, dst, len);
        return;
    }
    let t = team();
    let parts = parts.min(t.helpers + 1);
    let job = Arc::new(Job { dst: dst as usize, src: src as usize, len, parts, next: AtomicUsize::new(0), done: AtomicUsize::new(0) });
    {
        let mut g = t.job.lock().unwrap_or_else(|e| e.into_inner());
        g.0 += 1;
        g.1 = Some(job.clone());
    }
    t.wake.notify_all();
    job.work();
    while job.done.load(Ordering::Acquire) < parts {
        std::hint::spin_loop();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn large_and_small_copies_are_exact() {
        for len in [0, 1, 1000, super::PARALLEL_MIN - 1, super::PARALLEL_MIN, 5 * super::PARALLEL_MIN + 12345] {
            let src: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
            let mut dst = vec![0u8; len];
            unsafe { super::copy(dst.as_mut_ptr(), src.as_ptr(), len) };
            assert!(dst == src, "copy of {len} bytes differs");
        }
    }
}
