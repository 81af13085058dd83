//! `HYBRID_INFO`'s account of GPU time: with logging on, every launch and
//! every copy is bracketed by a pair of timing events on the stream, and
//! once the host waited for the device the pairs are read
//! (`cuEventElapsedTime`) into kernel time and copy time, printed in the
//! summary at exit. Without `HYBRID_INFO` nothing is recorded.

use crate::cuda::{CuEvent, Driver, CUDA_SUCCESS, CU_EVENT_DEFAULT};

/// What a pair of events brackets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Span {
    Kernel,
    Copy,
}

/// Pairs past which the oldest are read before new ones are recorded.
const MAX_OPEN: usize = 1024;

#[derive(Default)]
pub struct Timeline {
    /// Events ready for reuse.
    free: Vec<CuEvent>,
    /// Pairs recorded and not read yet, oldest first.
    open: Vec<(Span, CuEvent, CuEvent)>,
    pub kernel_ms: f64,
    pub copy_ms: f64,
    pub kernels: u64,
    pub copies: u64,
}

// SAFETY: driver event handles, used under the owning GPU's mutex.
unsafe impl Send for Timeline {}

impl Timeline {
    fn event(&mut self, drv: &Driver) -> Option<CuEvent> {
        if let Some(e) = self.free.pop() {
            return Some(e);
        }
        let mut e: CuEvent = std::ptr::null_mut();
        (unsafe { (drv.cuEventCreate)(&mut e, CU_EVENT_DEFAULT) } == CUDA_SUCCESS).then_some(e)
    }

    /// Record the start of a span on the default stream (`None`: timing
    /// is best effort and silently skipped when an event cannot be made).
    pub fn start(&mut self, drv: &Driver) -> Option<CuEvent> {
        let e = self.event(drv)?;
        (unsafe { (drv.cuEventRecord)(e, std::ptr::null_mut()) } == CUDA_SUCCESS).then_some(e)
    }

    /// Record the end of the span begun with `start`.
    pub fn end(&mut self, drv: &Driver, span: Span, start: Option<CuEvent>) {
        let Some(start) = start else { return };
        if self.open.len() >= MAX_OPEN {
            // wait for the oldest pairs' end rather than grow without bound
            let (_, _, last) = self.open[self.open.len() - 1];
            unsafe { (drv.cuEventSynchronize)(last) };
            self.read(drv);
        }
        let Some(end) = self.event(drv) else { return };
        if unsafe { (drv.cuEventRecord)(end, std::ptr::null_mut()) } == CUDA_SUCCESS {
            self.open.push((span, start, end));
        }
    }

    /// After the host waited for everything queued: add up the open pairs.
    pub fn read(&mut self, drv: &Driver) {
        for (span, start, end) in std::mem::take(&mut self.open) {
            let mut ms = 0f32;
            if unsafe { (drv.cuEventElapsedTime)(&mut ms, start, end) } == CUDA_SUCCESS {
                match span {
                    Span::Kernel => {
                        self.kernel_ms += ms as f64;
                        self.kernels += 1;
                    }
                    Span::Copy => {
                        self.copy_ms += ms as f64;
                        self.copies += 1;
                    }
                }
            }
            self.free.push(start);
            self.free.push(end);
        }
    }
}
