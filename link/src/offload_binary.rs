//! LLVM's OffloadBinary container (llvm/Object/OffloadBinary.h, version 1),
//! written byte for byte as `OffloadBinary::write` in LLVM 19 does:
//! header, one entry, the string map, the string table, the image at an
//! 8-aligned offset, the whole padded to 8 bytes.

use crate::{DeviceImage, ImageKind};

pub const MAGIC: [u8; 4] = [0x10, 0xFF, 0x10, 0xAD];
pub const VERSION: u32 = 1;
/// `alignof(Header)`: every binary starts and ends 8-aligned.
pub const ALIGNMENT: u64 = 8;
pub const HEADER_SIZE: u64 = 32;
pub const ENTRY_SIZE: u64 = 40;
pub const STRING_ENTRY_SIZE: u64 = 16;
/// `OffloadKind::OFK_OpenMP`.
pub const OFFLOAD_KIND_OPENMP: u16 = 1;

impl ImageKind {
    /// LLVM's `ImageKind` value.
    pub fn llvm_value(self) -> u16 {
        match self {
            ImageKind::Cubin => 3,
            ImageKind::Ptx => 5,
        }
    }
}

fn align_to(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

/// One OffloadBinary for `image`, and the offset of the image bytes in it.
pub fn write_offload_binary(image: &DeviceImage) -> (Vec<u8>, u64) {
    let strings = [("triple", image.triple.as_str()), ("arch", image.arch.as_str())];
    // An ELF-style string table: a leading NUL, then each string once.
    let mut strtab = vec![0u8];
    let string_offset = |s: &str, strtab: &mut Vec<u8>| -> u64 {
        let off = strtab.len() as u64;
        strtab.extend_from_slice(s.as_bytes());
        strtab.push(0);
        off
    };
    let table_start = HEADER_SIZE + ENTRY_SIZE + STRING_ENTRY_SIZE * strings.len() as u64;
    let map: Vec<(u64, u64)> = strings
        .iter()
        .map(|(k, v)| {
            let k = string_offset(k, &mut strtab);
            let v = string_offset(v, &mut strtab);
            (table_start + k, table_start + v)
        })
        .collect();
    let image_offset = align_to(table_start + strtab.len() as u64, ALIGNMENT);
    let image_size = image.bytes.len() as u64;
    let total = align_to(image_offset + image_size, ALIGNMENT);

    let mut out = Vec::with_capacity(total as usize);
    // Header.
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&total.to_le_bytes());
    out.extend_from_slice(&HEADER_SIZE.to_le_bytes()); // entry offset
    out.extend_from_slice(&ENTRY_SIZE.to_le_bytes());
    // Entry.
    out.extend_from_slice(&image.kind.llvm_value().to_le_bytes());
    out.extend_from_slice(&OFFLOAD_KIND_OPENMP.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // flags
    out.extend_from_slice(&(HEADER_SIZE + ENTRY_SIZE).to_le_bytes()); // string offset
    out.extend_from_slice(&(strings.len() as u64).to_le_bytes());
    out.extend_from_slice(&image_offset.to_le_bytes());
    out.extend_from_slice(&image_size.to_le_bytes());
    // String map and table.
    for (k, v) in map {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&strtab);
    out.resize(image_offset as usize, 0);
    out.extend_from_slice(&image.bytes);
    out.resize(total as usize, 0);
    (out, image_offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u64_at(b: &[u8], off: usize) -> u64 {
        u64::from_le_bytes(b[off..off + 8].try_into().unwrap())
    }

    fn cstr_at(b: &[u8], off: usize) -> &str {
        let end = b[off..].iter().position(|&c| c == 0).unwrap();
        std::str::from_utf8(&b[off..off + end]).unwrap()
    }

    #[test]
    fn layout_matches_llvm() {
        let image = DeviceImage {
            bytes: b".version 8.0\n".to_vec(),
            kind: ImageKind::Ptx,
            triple: "nvptx64-nvidia-cuda".into(),
            arch: "sm_90".into(),
        };
        let (b, image_offset) = write_offload_binary(&image);
        assert_eq!(&b[0..4], &MAGIC);
        assert_eq!(u64_at(&b, 8), b.len() as u64);
        assert_eq!(b.len() % 8, 0);
        assert_eq!(u64_at(&b, 16), 32);
        assert_eq!(u16::from_le_bytes([b[32], b[33]]), 5);
        assert_eq!(u16::from_le_bytes([b[34], b[35]]), 1);
        assert_eq!(u64_at(&b, 40), 72);
        assert_eq!(u64_at(&b, 48), 2);
        assert_eq!(u64_at(&b, 56), image_offset);
        assert_eq!(image_offset % 8, 0);
        assert_eq!(u64_at(&b, 64), image.bytes.len() as u64);
        assert_eq!(cstr_at(&b, u64_at(&b, 72) as usize), "triple");
        assert_eq!(cstr_at(&b, u64_at(&b, 80) as usize), "nvptx64-nvidia-cuda");
        assert_eq!(cstr_at(&b, u64_at(&b, 88) as usize), "arch");
        assert_eq!(cstr_at(&b, u64_at(&b, 96) as usize), "sm_90");
        let start = image_offset as usize;
        assert_eq!(&b[start..start + image.bytes.len()], &image.bytes[..]);
    }
}
