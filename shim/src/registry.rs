//! What `__tgt_register_lib` registered: the device images (PTX or cubin,
//! left in the executable's memory) and the offload entries mapping each
//! kernel's region id (its host-fallback entry address) to its name.

use crate::abi::{BinDesc, OffloadEntry, ENTRY_FLAG_USES_BARRIER};
use crate::rt::{ffi_guard, info};
use std::ffi::CStr;
use std::sync::{Mutex, MutexGuard};

/// One device image: `len` bytes at `start`, in the executable's static data.
#[derive(Clone, Copy, Debug)]
pub struct Image {
    pub start: usize,
    pub len: usize,
}

impl Image {
    /// A NUL-terminated copy, as `cuModuleLoadDataEx` wants PTX text.
    pub fn nul_terminated(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.len + 1);
        if self.len > 0 {
            bytes.extend_from_slice(unsafe { std::slice::from_raw_parts(self.start as *const u8, self.len) });
        }
        if bytes.last() != Some(&0) {
            bytes.push(0);
        }
        bytes
    }
}

#[derive(Clone, Debug)]
pub struct Kernel {
    /// The region id: the host-fallback entry's address.
    pub addr: usize,
    /// The kernel's symbol in the device image.
    pub name: String,
    /// Indexes into `Registry::images` of the images that define it, in
    /// the descriptor's order (a cubin before the PTX of the same module:
    /// the first one the GPU accepts is used).
    pub images: Vec<usize>,
    /// The entry's `size` field: bytes of static block-shared memory the
    /// host fallback allocates (zeroed) per block as `ThreadCtx::shared`
    /// (`link::OffloadEntry::shared_bytes`, the module's `shared_bytes()`).
    pub static_shared_bytes: usize,
    /// The entry's `flags` has `ENTRY_FLAG_USES_BARRIER`: the compiler found
    /// `sync_threads` in the kernel or its callees
    /// (`link::OffloadEntry::uses_barrier`); host fallback runs its blocks
    /// with real barriers.
    pub uses_barrier: bool,
}

#[derive(Default)]
pub struct Registry {
    pub images: Vec<Image>,
    pub kernels: Vec<Kernel>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry { images: Vec::new(), kernels: Vec::new() });

pub fn registry() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

impl Registry {
    pub fn kernel_by_addr(&self, addr: usize) -> Option<&Kernel> {
        self.kernels.iter().find(|k| k.addr == addr)
    }
}

unsafe fn entries<'a>(begin: *const OffloadEntry, end: *const OffloadEntry) -> &'a [OffloadEntry] {
    if begin.is_null() || end.is_null() || end <= begin {
        return &[];
    }
    std::slice::from_raw_parts(begin, end.offset_from(begin) as usize)
}

unsafe fn entry_name(e: &OffloadEntry) -> String {
    if e.name.is_null() {
        String::new()
    } else {
        CStr::from_ptr(e.name).to_string_lossy().into_owned()
    }
}

/// Record the images and entries of `desc`.
pub unsafe fn register(desc: &BinDesc) {
    let mut reg = registry();
    let first_image = reg.images.len();
    let mut image_entry_names: Vec<Vec<String>> = Vec::new();
    if desc.num_images > 0 && !desc.images.is_null() {
        for img in std::slice::from_raw_parts(desc.images, desc.num_images as usize) {
            let start = img.image_start as usize;
            let len = (img.image_end as usize).saturating_sub(start);
            reg.images.push(Image { start, len });
            image_entry_names.push(entries(img.entries_begin, img.entries_end).iter().map(|e| entry_name(e)).collect());
        }
    }
    for e in entries(desc.host_entries_begin, desc.host_entries_end) {
        let name = entry_name(e);
        let images = (0..image_entry_names.len()).filter(|&i| image_entry_names[i].contains(&name)).map(|i| first_image + i).collect();
        reg.kernels.push(Kernel {
            addr: e.addr as usize,
            name,
            images,
            static_shared_bytes: e.size,
            uses_barrier: e.flags & ENTRY_FLAG_USES_BARRIER != 0,
        });
    }
    let (n_images, n_kernels) = (reg.images.len() - first_image, reg.kernels.len());
    drop(reg);
    info(|| format!("registered {n_images} device image(s) and {n_kernels} kernel(s)"));
}

/// `__tgt_register_lib(desc)`, called by the constructor `link/` emits.
#[no_mangle]
pub unsafe extern "C" fn __tgt_register_lib(desc: *const BinDesc) {
    if desc.is_null() {
        return;
    }
    ffi_guard("__tgt_register_lib", || register(&*desc));
}

/// `__tgt_unregister_lib(desc)`: nothing to release; images live in the
/// executable and device state goes away with the process.
#[no_mangle]
pub extern "C" fn __tgt_unregister_lib(_desc: *const BinDesc) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_flags_set_uses_barrier() {
        let mut entries = [
            OffloadEntry { addr: 0x1000 as *mut _, name: c"plain".as_ptr(), size: 0, flags: 0, reserved: 0 },
            OffloadEntry { addr: 0x2000 as *mut _, name: c"syncs".as_ptr(), size: 64, flags: ENTRY_FLAG_USES_BARRIER, reserved: 0 },
        ];
        let range = entries.as_mut_ptr_range();
        let desc = BinDesc { num_images: 0, images: std::ptr::null_mut(), host_entries_begin: range.start, host_entries_end: range.end };
        unsafe { register(&desc) };
        let reg = registry();
        let plain = reg.kernel_by_addr(0x1000).unwrap();
        assert!(!plain.uses_barrier && plain.name == "plain");
        let syncs = reg.kernel_by_addr(0x2000).unwrap();
        assert!(syncs.uses_barrier && syncs.static_shared_bytes == 64);
    }
}
