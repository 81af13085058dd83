//! The host → device mapping table of one GPU (OpenMP's present table):
//! host range → (device pointer, size, reference count). Device memory is
//! reached through the `DeviceMemory` trait so the logic is tested without
//! a GPU.

use crate::abi::{MAP_FROM, MAP_TO};
use std::collections::BTreeMap;

/// Device memory operations a mapping table needs.
pub trait DeviceMemory {
    fn alloc(&mut self, bytes: u64) -> Result<u64, String>;
    fn free(&mut self, device: u64) -> Result<(), String>;
    fn to_device(&mut self, device: u64, host: *const u8, bytes: u64) -> Result<(), String>;
    fn to_host(&mut self, host: *mut u8, device: u64, bytes: u64) -> Result<(), String>;
    /// `block` (from `alloc`) is now `parts` (addresses inside it), each
    /// freed on its own with `free`; the block goes when the last one does.
    fn share(&mut self, block: u64, parts: &[u64]) -> Result<(), String>;
}

/// The "device" of host fallback: the data stays where it is, so nothing
/// is allocated or copied; the table over it still counts references and
/// rejects what the GPU's would (a partial overlap), so fallback and GPU
/// accept the same programs.
pub struct HostMemory;

impl DeviceMemory for HostMemory {
    fn alloc(&mut self, _bytes: u64) -> Result<u64, String> {
        Ok(1)
    }
    fn free(&mut self, _device: u64) -> Result<(), String> {
        Ok(())
    }
    fn to_device(&mut self, _device: u64, _host: *const u8, _bytes: u64) -> Result<(), String> {
        Ok(())
    }
    fn to_host(&mut self, _host: *mut u8, _device: u64, _bytes: u64) -> Result<(), String> {
        Ok(())
    }
    fn share(&mut self, _block: u64, _parts: &[u64]) -> Result<(), String> {
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mapping {
    pub host: usize,
    pub size: u64,
    /// 0 for a zero-size mapping.
    pub device: u64,
    pub refcount: u64,
    /// Whether any map of this range asked for FROM.
    pub copy_back: bool,
}

/// What `MappingTable::begin` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Begin {
    /// A new device allocation; `copied` if the host data went over.
    New { device: u64, copied: bool },
    /// The range was already mapped (inside an existing mapping).
    Present { device: u64 },
}

/// What `MappingTable::end` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The last reference went: copied back if FROM, device memory freed.
    Released { device: u64, copied_back: bool, size: u64 },
    /// Still referenced by an enclosing map.
    StillMapped,
}

#[derive(Default, Debug)]
pub struct MappingTable {
    by_host: BTreeMap<usize, Mapping>,
    pub stats: MapStats,
}

/// What a table moved and avoided moving (`HYBRID_INFO`'s summary at exit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapStats {
    pub copies_to_device: u64,
    pub bytes_to_device: u64,
    pub copies_to_host: u64,
    pub bytes_to_host: u64,
    /// Maps of a range already present (a preload's, or the same data
    /// passed twice): nothing moved for them.
    pub present: u64,
}

impl MappingTable {
    pub const fn new() -> MappingTable {
        let stats = MapStats { copies_to_device: 0, bytes_to_device: 0, copies_to_host: 0, bytes_to_host: 0, present: 0 };
        MappingTable { by_host: BTreeMap::new(), stats }
    }

    pub fn len(&self) -> usize {
        self.by_host.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_host.is_empty()
    }

    /// The mapping whose range holds `host` (one past the end included).
    fn containing(&self, host: usize) -> Option<&Mapping> {
        let (_, m) = self.by_host.range(..=host).next_back()?;
        ((host - m.host) as u64 <= m.size).then_some(m)
    }

    /// The device address of a host address inside a mapped range.
    pub fn lookup(&self, host: usize) -> Option<u64> {
        let m = self.containing(host)?;
        Some(if m.device == 0 { 0 } else { m.device + (host - m.host) as u64 })
    }

    /// Map `size` bytes at `host` with OpenMP map type `map_type`.
    pub fn begin(&mut self, mem: &mut dyn DeviceMemory, host: usize, size: u64, map_type: i64) -> Result<Begin, String> {
        if let Some(m) = self.containing(host).copied() {
            let offset = (host - m.host) as u64;
            if offset + size <= m.size || (size == 0 && m.size == 0) {
                let m = self.by_host.get_mut(&m.host).expect("mapping present");
                m.refcount += 1;
                m.copy_back |= map_type & MAP_FROM != 0;
                let device = if m.device == 0 { 0 } else { m.device + offset };
                self.stats.present += 1;
                return Ok(Begin::Present { device });
            }
        }
        // A new range must not overlap an existing one.
        if size > 0 {
            let end = host.saturating_add(size as usize);
            let inside = self.by_host.range(host..end).next().map(|(_, m)| *m);
            let before = self.by_host.range(..host).next_back().map(|(_, m)| *m);
            let before = before.filter(|m| m.host + m.size as usize > host);
            if let Some(m) = inside.or(before) {
                return Err(format!(
                    "mapping host range {:#x}..{:#x} partially overlaps the mapped range {:#x}..{:#x}: not supported yet",
                    host,
                    end,
                    m.host,
                    m.host + m.size as usize
                ));
            }
        }
        let (device, copied) = if size == 0 {
            (0, false)
        } else {
            let device = mem.alloc(size)?;
            let copy = map_type & MAP_TO != 0;
            if copy {
                mem.to_device(device, host as *const u8, size)?;
                self.stats.copies_to_device += 1;
                self.stats.bytes_to_device += size;
            }
            (device, copy)
        };
        self.by_host.insert(host, Mapping { host, size, device, refcount: 1, copy_back: map_type & MAP_FROM != 0 });
        Ok(Begin::New { device, copied })
    }

    /// Drop one reference to the mapping of `host`; on the last one copy
    /// back (if any map asked FROM) and free.
    pub fn end(&mut self, mem: &mut dyn DeviceMemory, host: usize, map_type: i64) -> Result<End, String> {
        let key = match self.containing(host) {
            Some(m) => m.host,
            None => return Err(format!("host address {host:#x} is not mapped to the device")),
        };
        let m = self.by_host.get_mut(&key).expect("mapping present");
        m.copy_back |= map_type & MAP_FROM != 0;
        m.refcount -= 1;
        if m.refcount > 0 {
            return Ok(End::StillMapped);
        }
        let m = self.by_host.remove(&key).expect("mapping present");
        let copied_back = m.copy_back && m.size > 0;
        if copied_back {
            mem.to_host(m.host as *mut u8, m.device, m.size)?;
            self.stats.copies_to_host += 1;
            self.stats.bytes_to_host += m.size;
        }
        if m.device != 0 {
            mem.free(m.device)?;
        }
        Ok(End::Released { device: m.device, copied_back, size: m.size })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{MAP_LITERAL, MAP_TARGET_PARAM};
    use std::collections::HashMap;

    /// Device memory simulated in host vectors; addresses inside a block
    /// reach it, and shared blocks count their parts.
    #[derive(Default)]
    struct FakeMemory {
        next: u64,
        blocks: std::collections::BTreeMap<u64, Vec<u8>>,
        part_of: HashMap<u64, u64>,
        parts_left: HashMap<u64, usize>,
        to_device: usize,
        to_host: usize,
    }

    impl FakeMemory {
        fn bytes(&mut self, device: u64, n: u64) -> &mut [u8] {
            let (&start, block) = self.blocks.range_mut(..=device).next_back().expect("a device address");
            let at = (device - start) as usize;
            &mut block[at..at + n as usize]
        }
    }

    impl DeviceMemory for FakeMemory {
        fn alloc(&mut self, bytes: u64) -> Result<u64, String> {
            self.next += 0x10000;
            self.blocks.insert(self.next, vec![0; bytes as usize]);
            Ok(self.next)
        }
        fn free(&mut self, device: u64) -> Result<(), String> {
            if let Some(block) = self.part_of.remove(&device) {
                let left = self.parts_left.get_mut(&block).unwrap();
                *left -= 1;
                if *left > 0 {
                    return Ok(());
                }
                self.parts_left.remove(&block);
                return self.free(block);
            }
            self.blocks.remove(&device).map(|_| ()).ok_or_else(|| "double free".to_string())
        }
        fn to_device(&mut self, device: u64, host: *const u8, bytes: u64) -> Result<(), String> {
            self.to_device += 1;
            let src = unsafe { std::slice::from_raw_parts(host, bytes as usize) };
            self.bytes(device, bytes).copy_from_slice(src);
            Ok(())
        }
        fn to_host(&mut self, host: *mut u8, device: u64, bytes: u64) -> Result<(), String> {
            self.to_host += 1;
            let dst = unsafe { std::slice::from_raw_parts_mut(host, bytes as usize) };
            dst.copy_from_slice(self.bytes(device, bytes));
            Ok(())
        }
        fn share(&mut self, block: u64, parts: &[u64]) -> Result<(), String> {
            self.parts_left.insert(block, parts.len());
            for &p in parts {
                self.part_of.insert(p, block);
            }
            Ok(())
        }
    }

    const TO: i64 = MAP_TO | MAP_TARGET_PARAM;
    const TOFROM: i64 = MAP_TO | MAP_FROM | MAP_TARGET_PARAM;

    #[test]
    fn to_from_roundtrip_copies_only_what_must_move() {
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let input = [1u8, 2, 3, 4];
        let mut output = [0u8; 4];
        let a = table.begin(&mut mem, input.as_ptr() as usize, 4, TO).unwrap();
        let b = table.begin(&mut mem, output.as_mut_ptr() as usize, 4, MAP_FROM | MAP_TARGET_PARAM).unwrap();
        assert!(matches!(a, Begin::New { copied: true, .. }));
        assert!(matches!(b, Begin::New { copied: false, .. }));
        assert_eq!(mem.to_device, 1);
        // The "kernel": write the output on the device.
        let dev_out = table.lookup(output.as_ptr() as usize).unwrap();
        mem.blocks.get_mut(&dev_out).unwrap().copy_from_slice(&[9, 8, 7, 6]);
        // Interior pointers map to base + offset.
        assert_eq!(table.lookup(input.as_ptr() as usize + 2), Some(table.lookup(input.as_ptr() as usize).unwrap() + 2));
        let e1 = table.end(&mut mem, input.as_ptr() as usize, TO).unwrap();
        let e2 = table.end(&mut mem, output.as_mut_ptr() as usize, MAP_FROM).unwrap();
        assert!(matches!(e1, End::Released { copied_back: false, .. }));
        assert!(matches!(e2, End::Released { copied_back: true, .. }));
        assert_eq!(output, [9, 8, 7, 6]);
        assert_eq!(mem.to_host, 1);
        assert!(table.is_empty() && mem.blocks.is_empty());
    }

    #[test]
    fn same_pointer_twice_reuses_the_mapping() {
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let mut data = [5u8; 16];
        let p = data.as_mut_ptr() as usize;
        let a = table.begin(&mut mem, p, 16, TO).unwrap();
        let b = table.begin(&mut mem, p, 16, TOFROM).unwrap();
        let Begin::New { device, .. } = a else { panic!() };
        assert_eq!(b, Begin::Present { device });
        let c = table.begin(&mut mem, p + 4, 8, TO).unwrap();
        assert_eq!(c, Begin::Present { device: device + 4 });
        assert_eq!(mem.blocks.len(), 1);
        assert_eq!(table.end(&mut mem, p + 4, TO).unwrap(), End::StillMapped);
        assert_eq!(table.end(&mut mem, p, TO).unwrap(), End::StillMapped);
        mem.blocks.get_mut(&device).unwrap()[0] = 42;
        assert!(matches!(table.end(&mut mem, p, TOFROM).unwrap(), End::Released { copied_back: true, .. }));
        assert_eq!(data[0], 42);
        assert!(table.is_empty());
    }

    /// `with_preload_mut` around 100 offloads that pass the same data
    /// (TO+FROM each): one copy over, one copy back, one allocation.
    #[test]
    fn a_preload_makes_the_offloads_inside_move_nothing() {
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let mut grid = [1u8; 64];
        let p = grid.as_mut_ptr() as usize;
        let preload = MAP_TO | MAP_FROM; // hybrid_preload_begin's map type
        assert!(matches!(table.begin(&mut mem, p, 64, preload).unwrap(), Begin::New { copied: true, .. }));
        for step in 0..100u8 {
            let Begin::Present { device } = table.begin(&mut mem, p, 64, TOFROM).unwrap() else { panic!("not present") };
            mem.blocks.get_mut(&device).unwrap()[0] = step; // the kernel
            assert_eq!(table.end(&mut mem, p, TOFROM).unwrap(), End::StillMapped);
        }
        assert_eq!((mem.to_device, mem.to_host), (1, 0));
        assert_eq!(table.stats, MapStats { copies_to_device: 1, bytes_to_device: 64, copies_to_host: 0, bytes_to_host: 0, present: 100 });
        assert_eq!(grid[0], 1, "the host copy is not written while preloaded");
        assert!(matches!(table.end(&mut mem, p, preload).unwrap(), End::Released { copied_back: true, .. }));
        assert_eq!((mem.to_device, mem.to_host), (1, 1));
        assert_eq!(grid[0], 99);
        assert!(table.is_empty() && mem.blocks.is_empty());
    }

    #[test]
    fn zero_size_maps_to_null() {
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let x = 0u8;
        let p = &x as *const u8 as usize;
        assert_eq!(table.begin(&mut mem, p, 0, TOFROM).unwrap(), Begin::New { device: 0, copied: false });
        assert_eq!(table.lookup(p), Some(0));
        assert!(mem.blocks.is_empty());
        assert!(matches!(table.end(&mut mem, p, TOFROM).unwrap(), End::Released { copied_back: false, .. }));
        assert!(table.end(&mut mem, p, TOFROM).is_err());
        let _ = MAP_LITERAL;
    }

    #[test]
    fn partial_overlap_is_an_error() {
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let data = [0u8; 32];
        let p = data.as_ptr() as usize;
        table.begin(&mut mem, p + 8, 8, TO).unwrap();
        assert!(table.begin(&mut mem, p, 32, TO).is_err());
        assert!(table.begin(&mut mem, p + 12, 8, TO).is_err());
        // Adjacent ranges are fine.
        table.begin(&mut mem, p + 16, 8, TO).unwrap();
        table.begin(&mut mem, p, 8, TO).unwrap();
        assert_eq!(table.len(), 3);
    }

    /// Three small arguments and a large one in one offload: the small
    /// ones share one block and one copy; each unmaps on its own, and the
    /// block goes with the last.
    #[test]
    fn small_arguments_move_in_one_copy() {
        use crate::batch::{plan, Batch, SMALL_ARG};
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let (a, b, mut c) = ([1u8; 100], [2u8; 300], [3u8; 8]);
        let big = vec![4u8; SMALL_ARG as usize + 1];
        let args: [(usize, u64, i64); 4] = [
            (a.as_ptr() as usize, 100, TO),
            (b.as_ptr() as usize, 300, TO),
            (c.as_mut_ptr() as usize, 8, TOFROM),
            (big.as_ptr() as usize, big.len() as u64, TO),
        ];
        let bytes = plan(args.iter().map(|&(h, s, _)| (s, table.lookup(h).is_some())));
        assert_eq!(bytes, 256 + 512 + 256, "parts of whole 256-byte units; the large one stays out");
        let mut batch = Batch::new(&mut mem, bytes).unwrap();
        for &(h, s, t) in &args {
            table.begin(&mut batch, h, s, t).unwrap();
        }
        batch.flush(&mut table.stats).unwrap();
        assert_eq!(mem.to_device, 2, "one copy for the three small ones, one for the large one");
        assert_eq!(table.stats.copies_to_device, 2);
        assert_eq!(table.stats.bytes_to_device, 408 + big.len() as u64);
        let dc = table.lookup(c.as_ptr() as usize).unwrap();
        assert_eq!(dc, table.lookup(a.as_ptr() as usize).unwrap() + 768, "c is the third part");
        assert_eq!(mem.bytes(table.lookup(b.as_ptr() as usize).unwrap(), 300), &[2u8; 300][..]);
        mem.bytes(dc, 8).copy_from_slice(&[7; 8]); // the kernel
        for &(h, _, t) in args.iter().rev() {
            assert!(matches!(table.end(&mut mem, h, t).unwrap(), End::Released { .. }));
        }
        assert_eq!(c, [7; 8]);
        assert_eq!(mem.to_host, 1);
        assert!(table.is_empty() && mem.blocks.is_empty(), "the shared block is freed with its last part");
        // one plan() call more: one small argument alone is not batched
        assert_eq!(plan([(100, false), (SMALL_ARG + 1, false), (8, true)].into_iter()), 0);
    }

    /// Two small `&mut` arguments of one batch come back in one copy; the
    /// frees wait for it.
    #[test]
    fn small_arguments_come_back_in_one_copy() {
        use crate::batch::{plan, Batch, Return};
        let mut mem = FakeMemory::default();
        let mut table = MappingTable::new();
        let (mut a, mut b) = ([1u8; 40], [2u8; 300]);
        let args = [(a.as_mut_ptr() as usize, 40u64), (b.as_mut_ptr() as usize, 300u64)];
        let mut batch = Batch::new(&mut mem, plan(args.iter().map(|&(_, s)| (s, false)))).unwrap();
        for &(h, s) in &args {
            table.begin(&mut batch, h, s, TOFROM).unwrap();
        }
        batch.flush(&mut table.stats).unwrap();
        let (da, db) = (table.lookup(args[0].0).unwrap(), table.lookup(args[1].0).unwrap());
        mem.bytes(da, 40).copy_from_slice(&[5; 40]);
        mem.bytes(db, 300).copy_from_slice(&[6; 300]);
        let mut back = Return::new(&mut mem);
        for &(h, _) in args.iter().rev() {
            table.end(&mut back, h, TOFROM).unwrap();
        }
        back.flush(&mut table.stats).unwrap();
        assert_eq!((a, b), ([5; 40], [6; 300]));
        assert_eq!((mem.to_device, mem.to_host), (1, 1));
        assert_eq!((table.stats.copies_to_device, table.stats.copies_to_host), (1, 1));
        assert!(mem.blocks.is_empty());
    }
}
