//! Copies between pageable host memory and one GPU through pinned staging
//! buffers, so the DMA engine reads and writes page-locked memory at the
//! link's speed while host threads move the bytes in and out:
//!
//! - to the device: each chunk of at most [`CHUNK`] bytes is copied into the
//!   next free slot and sent with `cuMemcpyHtoDAsync`; the call returns as
//!   soon as the host data is in pinned memory, so the host never waits for
//!   a kernel queued before the copy (a pageable `cuMemcpyHtoD` does);
//! - to the host: up to [`SLOTS`] chunks are in flight with
//!   `cuMemcpyDtoHAsync`; each is copied out as its event completes, while
//!   the next ones still travel.
//!
//! Everything is queued on the context's default stream, in order with the
//! kernels, and a slot is reused only after the event recorded behind its
//! last copy completed. Slots start small ([`MIN_SLOT`], allocated at the
//! first copy); full-size ones ([`CHUNK`] bytes each: page-locking memory
//! costs milliseconds) are allocated by a background thread started when the
//! context is made ([`Staging::prepare`]), and the first large copy takes
//! them over (waiting only if they are not ready yet). `HYBRID_STAGING=0` turns staging off (pageable
//! `cuMemcpyHtoD`/`cuMemcpyDtoH`, the CUDA runtime's plain `cudaMemcpy`),
//! for side-by-side benchmarks.

use crate::copy_team;
use crate::cuda::{CuEvent, Driver, CU_EVENT_DISABLE_TIMING};
use crate::device::Gpu;
use crate::rt::{info, ms_since};
use std::ffi::c_void;
use std::sync::OnceLock;
use std::thread::JoinHandle;
use std::time::Instant;

/// The largest piece one async copy moves.
pub const CHUNK: usize = 4 << 20;
/// Staging buffers per GPU (copies in flight at once).
pub const SLOTS: usize = 4;
/// The smallest staging buffer allocated.
const MIN_SLOT: usize = 64 << 10;

/// Whether copies go through staging (`HYBRID_STAGING` unset or not `0`).
pub fn staging_enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("HYBRID_STAGING").map_or(true, |v| v != "0"))
}

/// One pinned buffer and the event behind the last copy that used it.
struct Slot {
    host: *mut u8,
    capacity: usize,
    /// Null until the slot's first copy.
    done: CuEvent,
    /// Whether `done` was recorded and not waited for since.
    recorded: bool,
}

/// A GPU's staging buffers (behind its mutex; the context must be current).
pub struct Staging {
    slots: [Slot; SLOTS],
    next: usize,
    /// Full-size pinned buffers (addresses) being allocated in the background.
    prepared: Option<JoinHandle<Result<Vec<usize>, String>>>,
}

// SAFETY: the raw pointers are pinned host memory and driver handles owned
// by this value, used under the owning GPU's mutex only.
unsafe impl Send for Staging {}

impl Default for Staging {
    fn default() -> Staging {
        let slot = |_| Slot { host: std::ptr::null_mut(), capacity: 0, done: std::ptr::null_mut(), recorded: false };
        Staging { slots: std::array::from_fn(slot), next: 0, prepared: None }
    }
}

impl Slot {
    /// Wait for the copy behind the slot's last recorded event, if any.
    fn wait(&mut self, drv: &Driver, gpu: &Gpu) -> Result<(), String> {
        if self.recorded {
            gpu.check(drv, unsafe { (drv.cuEventSynchronize)(self.done) }, "cuEventSynchronize", None)?;
            self.recorded = false;
        }
        Ok(())
    }
}

impl Staging {
    /// Start allocating [`SLOTS`] full-size buffers on a thread of their own
    /// (`context`: the GPU's, made current there).
    pub fn prepare(&mut self, context: usize, label: String) {
        if self.prepared.is_some() || !staging_enabled() {
            return;
        }
        let spawned = std::thread::Builder::new().name("hybrid-staging".into()).spawn(move || {
            let drv = &crate::device::gpus().map_err(str::to_string)?.driver;
            let start = Instant::now();
            drv.check(unsafe { (drv.cuCtxSetCurrent)(context as crate::cuda::CuContext) }, "cuCtxSetCurrent", None)?;
            let mut buffers = Vec::with_capacity(SLOTS);
            for _ in 0..SLOTS {
                let mut p: *mut c_void = std::ptr::null_mut();
                drv.check(unsafe { (drv.cuMemAllocHost_v2)(&mut p, CHUNK) }, "cuMemAllocHost_v2", None)
                    .map_err(|e| format!("{e} (allocating a {CHUNK}-byte staging buffer for {label})"))?;
                buffers.push(p as usize);
            }
            info(|| format!("{label}: {SLOTS} staging buffers of {CHUNK} bytes pinned in {:.3} ms (in the background)", ms_since(start)));
            Ok(buffers)
        });
        // (without a thread, `take` allocates them when needed)
        self.prepared = spawned.ok();
    }

    /// Install the background thread's buffers (waiting for it).
    fn adopt_prepared(&mut self, drv: &Driver, gpu: &Gpu) -> Result<(), String> {
        let Some(handle) = self.prepared.take() else { return Ok(()) };
        let buffers = handle.join().map_err(|_| "the staging-buffer thread panicked".to_string())??;
        for (s, p) in self.slots.iter_mut().zip(buffers) {
            s.wait(drv, gpu)?;
            if !s.host.is_null() {
                gpu.check(drv, unsafe { (drv.cuMemFreeHost)(s.host.cast()) }, "cuMemFreeHost", None)?;
            }
            s.host = p as *mut u8;
            s.capacity = CHUNK;
        }
        Ok(())
    }

    /// Slot `i`, free and at least `len` bytes large.
    fn take(&mut self, drv: &Driver, gpu: &Gpu, i: usize, len: usize) -> Result<*mut u8, String> {
        if self.slots[i].capacity < len {
            self.adopt_prepared(drv, gpu)?;
        }
        let s = &mut self.slots[i];
        s.wait(drv, gpu)?;
        unsafe {
            if s.capacity < len {
                if !s.host.is_null() {
                    gpu.check(drv, (drv.cuMemFreeHost)(s.host.cast()), "cuMemFreeHost", None)?;
                    s.host = std::ptr::null_mut();
                    s.capacity = 0;
                }
                let capacity = len.next_power_of_two().clamp(MIN_SLOT, CHUNK);
                let start = Instant::now();
                let mut p: *mut c_void = std::ptr::null_mut();
                gpu.check(drv, (drv.cuMemAllocHost_v2)(&mut p, capacity), "cuMemAllocHost_v2", None)
                    .map_err(|e| format!("{e} (allocating a {capacity}-byte staging buffer for {})", gpu.label()))?;
                s.host = p.cast();
                s.capacity = capacity;
                info(|| format!("{}: staging buffer {i} of {capacity} bytes pinned in {:.3} ms", gpu.label(), ms_since(start)));
            }
            if s.done.is_null() {
                gpu.check(drv, (drv.cuEventCreate)(&mut s.done, CU_EVENT_DISABLE_TIMING), "cuEventCreate", None)?;
            }
        }
        Ok(s.host)
    }

    /// Record slot `i`'s event behind the copy just queued.
    fn record(&mut self, drv: &Driver, gpu: &Gpu, i: usize) -> Result<(), String> {
        let s = &mut self.slots[i];
        gpu.check(drv, unsafe { (drv.cuEventRecord)(s.done, std::ptr::null_mut()) }, "cuEventRecord", None)?;
        s.recorded = true;
        Ok(())
    }

    fn next_slot(&mut self) -> usize {
        let i = self.next;
        self.next = (i + 1) % SLOTS;
        i
    }

    /// Queue a copy of `bytes` bytes at `host` to `device`; returns once the
    /// host range may change again.
    ///
    /// # Safety
    /// `host..host+bytes` readable; `device` a device range that large.
    pub unsafe fn send(&mut self, drv: &Driver, gpu: &Gpu, device: u64, host: *const u8, bytes: usize) -> Result<(), String> {
        let mut offset = 0;
        while offset < bytes {
            let len = CHUNK.min(bytes - offset);
            let i = self.next_slot();
            let buf = self.take(drv, gpu, i, len)?;
            copy_team::copy(buf, host.add(offset), len);
            let r = (drv.cuMemcpyHtoDAsync_v2)(device + offset as u64, buf.cast(), len, std::ptr::null_mut());
            gpu.check(drv, r, "cuMemcpyHtoDAsync_v2", None)?;
            self.record(drv, gpu, i)?;
            offset += len;
        }
        Ok(())
    }

    /// Copy `bytes` bytes at `device` to `host`, after the work queued
    /// before; returns when they are there.
    ///
    /// # Safety
    /// `host..host+bytes` writable; `device` a device range that large.
    pub unsafe fn receive(&mut self, drv: &Driver, gpu: &Gpu, host: *mut u8, device: u64, bytes: usize) -> Result<(), String> {
        // (slot, offset, len) of the chunks in flight, oldest first; with
        // round-robin slots, the slot the next chunk takes is the oldest's.
        let mut in_flight: std::collections::VecDeque<(usize, usize, usize)> = Default::default();
        let mut offset = 0;
        while offset < bytes {
            if in_flight.len() == SLOTS {
                let oldest = in_flight.pop_front().expect("a chunk in flight");
                self.finish(drv, gpu, host, oldest)?;
            }
            let len = CHUNK.min(bytes - offset);
            let i = self.next_slot();
            let buf = self.take(drv, gpu, i, len)?;
            let r = (drv.cuMemcpyDtoHAsync_v2)(buf.cast(), device + offset as u64, len, std::ptr::null_mut());
            gpu.check(drv, r, "cuMemcpyDtoHAsync_v2", None)?;
            self.record(drv, gpu, i)?;
            in_flight.push_back((i, offset, len));
            offset += len;
        }
        while let Some(chunk) = in_flight.pop_front() {
            self.finish(drv, gpu, host, chunk)?;
        }
        Ok(())
    }

    /// Wait for a chunk copied into slot `i` and copy it out to `host + offset`.
    unsafe fn finish(&mut self, drv: &Driver, gpu: &Gpu, host: *mut u8, (i, offset, len): (usize, usize, usize)) -> Result<(), String> {
        let s = &mut self.slots[i];
        s.wait(drv, gpu)?;
        copy_team::copy(host.add(offset), s.host, len);
        Ok(())
    }
}
