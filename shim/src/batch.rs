//! Small arguments of one offload batched: the new mappings of arguments of
//! at most [`SMALL_ARG`] bytes share one device block from the pool, their
//! host bytes are gathered into one buffer, and one copy sends them all
//! (instead of an allocation and a copy each). [`Batch`] is the
//! `DeviceMemory` the mapping table sees during one `data_begin`;
//! [`Batch::flush`] sends the gathered bytes and hands the shared block's
//! parts to the pool, which frees the block when its last part is freed.
//! The way back is [`Return`]: during one `data_end`, copies back of small
//! arguments are deferred, and when they all lie in one short device span
//! (as the parts of one batch do) one copy brings the span back and the
//! host ranges are filled from it; frees wait until then.

use crate::mapping::{DeviceMemory, MapStats};

/// The largest argument that joins a batch.
pub const SMALL_ARG: u64 = 64 << 10;
/// Parts of a batch block start at multiples of this (the pool's smallest
/// class, so every part is as aligned as a block of its own).
const PART_ALIGN: u64 = 256;

fn part_size(bytes: u64) -> u64 {
    bytes.max(1).div_ceil(PART_ALIGN) * PART_ALIGN
}

/// Bytes a batch for these `(size, already mapped)` arguments needs, or
/// 0 when fewer than two would join it.
pub fn plan(args: impl Iterator<Item = (u64, bool)>) -> u64 {
    let small: Vec<u64> = args.filter(|&(size, mapped)| !mapped && size > 0 && size <= SMALL_ARG).map(|(s, _)| part_size(s)).collect();
    if small.len() < 2 {
        0
    } else {
        small.iter().sum()
    }
}

/// Device memory under a batch: `inner` does everything the batch does not.
pub struct Batch<'m> {
    inner: &'m mut dyn DeviceMemory,
    /// The shared block (0: no batch).
    block: u64,
    capacity: u64,
    used: u64,
    /// Part start addresses handed out.
    parts: Vec<u64>,
    /// The host bytes of `block[0..used]`.
    gathered: Vec<u8>,
    /// Copies gathered instead of sent.
    absorbed: u64,
}

impl<'m> Batch<'m> {
    /// A batch of `bytes` bytes (from [`plan`]; 0: every call goes to `inner`).
    pub fn new(inner: &'m mut dyn DeviceMemory, bytes: u64) -> Result<Batch<'m>, String> {
        let block = if bytes == 0 { 0 } else { inner.alloc(bytes)? };
        Ok(Batch { inner, block, capacity: bytes, used: 0, parts: Vec::new(), gathered: Vec::new(), absorbed: 0 })
    }

    fn holds(&self, device: u64) -> bool {
        self.block != 0 && device >= self.block && device < self.block + self.used
    }

    /// Send the gathered bytes in one copy and give the block's parts to
    /// the pool (`stats`: the table's, corrected to the copies really made).
    pub fn flush(self, stats: &mut MapStats) -> Result<(), String> {
        if self.block == 0 {
            return Ok(());
        }
        if self.parts.is_empty() {
            return self.inner.free(self.block);
        }
        if self.absorbed > 0 {
            self.inner.to_device(self.block, self.gathered.as_ptr(), self.used)?;
            stats.copies_to_device -= self.absorbed - 1;
        }
        self.inner.share(self.block, &self.parts)
    }
}

impl DeviceMemory for Batch<'_> {
    fn alloc(&mut self, bytes: u64) -> Result<u64, String> {
        let part = part_size(bytes);
        if self.block != 0 && bytes <= SMALL_ARG && self.used + part <= self.capacity {
            let device = self.block + self.used;
            self.used += part;
            self.gathered.resize(self.used as usize, 0);
            self.parts.push(device);
            return Ok(device);
        }
        self.inner.alloc(bytes)
    }
    fn free(&mut self, device: u64) -> Result<(), String> {
        self.inner.free(device)
    }
    fn to_device(&mut self, device: u64, host: *const u8, bytes: u64) -> Result<(), String> {
        if !self.holds(device) {
            return self.inner.to_device(device, host, bytes);
        }
        let at = (device - self.block) as usize;
        // SAFETY: the mapping table passes the host range it maps.
        let src = unsafe { std::slice::from_raw_parts(host, bytes as usize) };
        self.gathered[at..at + src.len()].copy_from_slice(src);
        self.absorbed += 1;
        Ok(())
    }
    fn to_host(&mut self, host: *mut u8, device: u64, bytes: u64) -> Result<(), String> {
        self.inner.to_host(host, device, bytes)
    }
    fn share(&mut self, block: u64, parts: &[u64]) -> Result<(), String> {
        self.inner.share(block, parts)
    }
}

/// The longest device span one batched copy back reads.
const RETURN_SPAN: u64 = 1 << 20;

/// Device memory under one `data_end`: small copies back and all frees are
/// deferred to [`Return::flush`].
pub struct Return<'m> {
    inner: &'m mut dyn DeviceMemory,
    /// (host, device, bytes) of the deferred copies back.
    copies: Vec<(usize, u64, u64)>,
    frees: Vec<u64>,
}

impl<'m> Return<'m> {
    pub fn new(inner: &'m mut dyn DeviceMemory) -> Return<'m> {
        Return { inner, copies: Vec::new(), frees: Vec::new() }
    }

    /// Do the deferred copies (one when they share a short span; `stats`:
    /// the table's, corrected to the copies really made), then the frees.
    pub fn flush(self, stats: &mut MapStats) -> Result<(), String> {
        let low = self.copies.iter().map(|c| c.1).min().unwrap_or(0);
        let high = self.copies.iter().map(|c| c.1 + c.2).max().unwrap_or(0);
        if self.copies.len() >= 2 && high - low <= RETURN_SPAN {
            let mut span = vec![0u8; (high - low) as usize];
            self.inner.to_host(span.as_mut_ptr(), low, high - low)?;
            for &(host, device, bytes) in &self.copies {
                let at = (device - low) as usize;
                // SAFETY: the mapping table passed the host range it maps.
                unsafe { std::ptr::copy_nonoverlapping(span.as_ptr().add(at), host as *mut u8, bytes as usize) };
            }
            stats.copies_to_host -= self.copies.len() as u64 - 1;
        } else {
            for &(host, device, bytes) in &self.copies {
                self.inner.to_host(host as *mut u8, device, bytes)?;
            }
        }
        for &device in &self.frees {
            self.inner.free(device)?;
        }
        Ok(())
    }
}

impl DeviceMemory for Return<'_> {
    fn alloc(&mut self, bytes: u64) -> Result<u64, String> {
        self.inner.alloc(bytes)
    }
    fn free(&mut self, device: u64) -> Result<(), String> {
        self.frees.push(device);
        Ok(())
    }
    fn to_device(&mut self, device: u64, host: *const u8, bytes: u64) -> Result<(), String> {
        self.inner.to_device(device, host, bytes)
    }
    fn to_host(&mut self, host: *mut u8, device: u64, bytes: u64) -> Result<(), String> {
        if bytes > SMALL_ARG {
            return self.inner.to_host(host, device, bytes);
        }
        self.copies.push((host as usize, device, bytes));
        Ok(())
    }
    fn share(&mut self, block: u64, parts: &[u64]) -> Result<(), String> {
        self.inner.share(block, parts)
    }
}
