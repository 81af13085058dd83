//! A per-GPU cache of device allocations, so an offload does not pay
//! `cuMemAlloc` and `cuMemFree` (which synchronizes the device) per mapped
//! argument: a freed block goes back to a list of its size class and the
//! next allocation of that class takes it. Size classes are powers of two
//! from 256 bytes (at most 2x the bytes asked for); the cache keeps at most
//! [`CACHE_LIMIT`] bytes and is emptied when the device runs out of memory.
//!
//! All work runs on one in-order stream, so a block freed while a kernel
//! that reads it is still queued is only written again by work queued after
//! that kernel.

use std::collections::HashMap;

/// The device allocator under the pool (`cuMemAlloc`/`cuMemFree`; a fake in tests).
pub trait RawDeviceAlloc {
    fn raw_alloc(&mut self, bytes: u64) -> Result<u64, String>;
    fn raw_free(&mut self, device: u64) -> Result<(), String>;
}

/// Bytes of free blocks the pool keeps at most; above it frees really.
pub const CACHE_LIMIT: u64 = 1 << 30;

/// The smallest size class.
const MIN_CLASS: u64 = 256;

/// The size class of an allocation of `bytes`.
pub fn size_class(bytes: u64) -> u64 {
    bytes.max(MIN_CLASS).next_power_of_two()
}

#[derive(Default)]
pub struct DevicePool {
    /// Free blocks by size class.
    free: HashMap<u64, Vec<u64>>,
    /// Blocks handed out: device address → size class.
    live: HashMap<u64, u64>,
    /// Blocks split into parts ([`Self::share`]): block → (class, parts left).
    shared: HashMap<u64, (u64, usize)>,
    /// Part address → its block.
    part_of: HashMap<u64, u64>,
    /// Bytes in `free`.
    cached: u64,
    pub stats: PoolStats,
}

/// What the pool did, for `HYBRID_INFO`'s summary and the tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStats {
    /// Allocations served from the cache.
    pub reused: u64,
    /// Allocations that went to the device allocator.
    pub allocated: u64,
    /// Blocks really freed.
    pub released: u64,
}

impl DevicePool {
    pub fn new() -> DevicePool {
        DevicePool::default()
    }

    /// A block of at least `bytes` bytes.
    pub fn alloc(&mut self, raw: &mut dyn RawDeviceAlloc, bytes: u64) -> Result<u64, String> {
        let class = size_class(bytes);
        if let Some(device) = self.free.get_mut(&class).and_then(Vec::pop) {
            self.cached -= class;
            self.live.insert(device, class);
            self.stats.reused += 1;
            return Ok(device);
        }
        let device = match raw.raw_alloc(class) {
            Ok(d) => d,
            // Out of memory with blocks cached: give them back and retry once.
            Err(_) if self.cached > 0 => {
                self.trim(raw)?;
                raw.raw_alloc(class)?
            }
            Err(e) => return Err(e),
        };
        self.live.insert(device, class);
        self.stats.allocated += 1;
        Ok(device)
    }

    /// Return a block from [`Self::alloc`] to the cache (or to the device
    /// allocator when the cache is full).
    pub fn free(&mut self, raw: &mut dyn RawDeviceAlloc, device: u64) -> Result<(), String> {
        let (device, class) = if let Some(block) = self.part_of.remove(&device) {
            let (class, left) = self.shared.get_mut(&block).expect("a part's block is shared");
            *left -= 1;
            if *left > 0 {
                return Ok(());
            }
            let class = *class;
            self.shared.remove(&block);
            (block, class)
        } else {
            match self.live.remove(&device) {
                Some(class) => (device, class),
                None => return Err(format!("device address {device:#x} was not allocated by the pool")),
            }
        };
        if self.cached + class > CACHE_LIMIT {
            self.stats.released += 1;
            return raw.raw_free(device);
        }
        self.free.entry(class).or_default().push(device);
        self.cached += class;
        Ok(())
    }

    /// Split live `block` into `parts` (addresses inside it, at least one),
    /// each then freed on its own; the block returns to the cache with the
    /// last.
    pub fn share(&mut self, block: u64, parts: &[u64]) -> Result<(), String> {
        let Some(class) = self.live.remove(&block) else {
            return Err(format!("device address {block:#x} was not allocated by the pool"));
        };
        if parts.is_empty() || parts.iter().any(|&p| p < block || p >= block + class) {
            return Err(format!("parts {parts:#x?} are not inside block {block:#x} of {class} bytes"));
        }
        self.shared.insert(block, (class, parts.len()));
        for &p in parts {
            self.part_of.insert(p, block);
        }
        Ok(())
    }

    /// Free every cached block.
    pub fn trim(&mut self, raw: &mut dyn RawDeviceAlloc) -> Result<(), String> {
        for (_, blocks) in self.free.drain() {
            for device in blocks {
                self.stats.released += 1;
                raw.raw_free(device)?;
            }
        }
        self.cached = 0;
        Ok(())
    }

    /// Bytes of free blocks held.
    pub fn cached_bytes(&self) -> u64 {
        self.cached
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out increasing addresses; counts calls; fails above `limit` live bytes.
    #[derive(Default)]
    struct FakeAlloc {
        next: u64,
        live: HashMap<u64, u64>,
        limit: Option<u64>,
        allocs: u64,
        frees: u64,
    }

    impl RawDeviceAlloc for FakeAlloc {
        fn raw_alloc(&mut self, bytes: u64) -> Result<u64, String> {
            let used: u64 = self.live.values().sum();
            if self.limit.is_some_and(|l| used + bytes > l) {
                return Err("out of memory".into());
            }
            self.next += 0x1_0000;
            self.live.insert(self.next, bytes);
            self.allocs += 1;
            Ok(self.next)
        }
        fn raw_free(&mut self, device: u64) -> Result<(), String> {
            self.live.remove(&device).ok_or("double free")?;
            self.frees += 1;
            Ok(())
        }
    }

    #[test]
    fn a_freed_block_is_reused_without_the_device_allocator() {
        let (mut raw, mut pool) = (FakeAlloc::default(), DevicePool::new());
        let a = pool.alloc(&mut raw, 1024).unwrap();
        pool.free(&mut raw, a).unwrap();
        // 1000 round trips of one 1 KB argument: one real allocation, no free.
        for _ in 0..1000 {
            let b = pool.alloc(&mut raw, 1000).unwrap();
            assert_eq!(b, a);
            pool.free(&mut raw, b).unwrap();
        }
        assert_eq!((raw.allocs, raw.frees), (1, 0));
        assert_eq!(pool.stats, PoolStats { reused: 1000, allocated: 1, released: 0 });
        assert_eq!(pool.cached_bytes(), 1024);
    }

    #[test]
    fn a_shared_block_returns_with_its_last_part() {
        let (mut raw, mut pool) = (FakeAlloc::default(), DevicePool::new());
        let block = pool.alloc(&mut raw, 1024).unwrap();
        pool.share(block, &[block, block + 256, block + 512]).unwrap();
        pool.free(&mut raw, block + 256).unwrap();
        pool.free(&mut raw, block).unwrap();
        assert_eq!(pool.cached_bytes(), 0, "two of three parts freed: the block is still in use");
        assert!(pool.free(&mut raw, block + 256).is_err(), "a part freed twice");
        pool.free(&mut raw, block + 512).unwrap();
        assert_eq!(pool.cached_bytes(), 1024);
        assert_eq!(pool.alloc(&mut raw, 1000).unwrap(), block);
        assert!(pool.share(0xdead, &[0xdead]).is_err());
    }

    #[test]
    fn classes_are_powers_of_two_from_256_bytes() {
        assert_eq!(size_class(0), 256);
        assert_eq!(size_class(257), 512);
        assert_eq!(size_class(1 << 20), 1 << 20);
        let (mut raw, mut pool) = (FakeAlloc::default(), DevicePool::new());
        let small = pool.alloc(&mut raw, 100).unwrap();
        pool.free(&mut raw, small).unwrap();
        // another class does not take it
        let big = pool.alloc(&mut raw, 5000).unwrap();
        assert_ne!(big, small);
        assert_eq!(raw.live[&big], 8192);
    }

    #[test]
    fn out_of_memory_empties_the_cache_and_retries() {
        let mut raw = FakeAlloc { limit: Some(4096), ..FakeAlloc::default() };
        let mut pool = DevicePool::new();
        let a = pool.alloc(&mut raw, 2048).unwrap();
        pool.free(&mut raw, a).unwrap();
        // 4096 does not fit next to the cached 2048 block: the cache goes first.
        pool.alloc(&mut raw, 4096).unwrap();
        assert_eq!(pool.cached_bytes(), 0);
        assert_eq!(raw.frees, 1);
    }

    #[test]
    fn the_cache_is_bounded_and_unknown_blocks_are_refused() {
        let (mut raw, mut pool) = (FakeAlloc::default(), DevicePool::new());
        let blocks: Vec<u64> = (0..3).map(|_| pool.alloc(&mut raw, CACHE_LIMIT / 2).unwrap()).collect();
        for b in blocks {
            pool.free(&mut raw, b).unwrap();
        }
        assert_eq!(pool.cached_bytes(), CACHE_LIMIT);
        assert_eq!(raw.frees, 1);
        assert!(pool.free(&mut raw, 0xdead).unwrap_err().contains("not allocated by the pool"));
    }
}
