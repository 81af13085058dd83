//! `Vec<T>` for generated host code: the layout `{ ptr, len, cap }` (three
//! `u64`, len and cap in elements), aligned allocations, growth by doubling.
//! A `Vec`'s buffer is freed by its drop glue (`hybrid_vec_dealloc`).

use crate::rt::fatal;
use std::alloc::{alloc, alloc_zeroed, dealloc, realloc, Layout};

#[repr(C)]
#[derive(Debug)]
pub struct RawVec {
    pub ptr: *mut u8,
    pub len: u64,
    pub cap: u64,
}

fn layout(elem_size: u64, align: u64, count: u64) -> Layout {
    let align = align.max(1) as usize;
    let bytes = elem_size.checked_mul(count).filter(|&b| b <= isize::MAX as u64);
    match bytes.and_then(|b| Layout::from_size_align(b as usize, align).ok()) {
        Some(l) => l,
        None => fatal(format_args!("capacity overflow: a Vec of {count} elements of {elem_size} bytes (align {align})")),
    }
}

/// A well-aligned non-null pointer for zero-byte allocations, like Rust's.
fn dangling(align: u64) -> *mut u8 {
    align.max(1) as usize as *mut u8
}

unsafe fn allocate(layout: Layout, zeroed: bool) -> *mut u8 {
    if layout.size() == 0 {
        return dangling(layout.align() as u64);
    }
    let p = if zeroed { alloc_zeroed(layout) } else { alloc(layout) };
    if p.is_null() {
        fatal(format_args!("memory allocation of {} bytes failed", layout.size()));
    }
    p
}

/// `hybrid_vec_from_elem(out, elem, elem_size, align, n)`: `vec![elem; n]`.
#[no_mangle]
pub unsafe extern "C" fn hybrid_vec_from_elem(out: *mut RawVec, elem: *const u8, elem_size: u64, align: u64, n: u64) {
    let l = layout(elem_size, align, n);
    let elem = std::slice::from_raw_parts(elem, elem_size as usize);
    let all_zero = elem.iter().all(|&b| b == 0);
    let ptr = allocate(l, all_zero);
    if !all_zero && elem_size > 0 {
        let size = elem_size as usize;
        for i in 0..n as usize {
            std::ptr::copy_nonoverlapping(elem.as_ptr(), ptr.add(i * size), size);
        }
    }
    out.write(RawVec { ptr, len: n, cap: if elem_size == 0 { u64::MAX } else { n } });
}

/// `hybrid_vec_with_capacity(out, elem_size, align, cap)`.
#[no_mangle]
pub unsafe extern "C" fn hybrid_vec_with_capacity(out: *mut RawVec, elem_size: u64, align: u64, cap: u64) {
    let ptr = allocate(layout(elem_size, align, cap), false);
    out.write(RawVec { ptr, len: 0, cap: if elem_size == 0 { u64::MAX } else { cap } });
}

/// `hybrid_vec_push(vec, elem, elem_size, align)`: grows by doubling (at
/// least 4 elements, like Rust's `RawVec` for small elements).
#[no_mangle]
pub unsafe extern "C" fn hybrid_vec_push(vec: *mut RawVec, elem: *const u8, elem_size: u64, align: u64) {
    let v = &mut *vec;
    if v.len == v.cap {
        let new_cap = v.cap.saturating_mul(2).max(4);
        let new_layout = layout(elem_size, align, new_cap);
        let ptr = if v.cap == 0 || elem_size == 0 {
            allocate(new_layout, false)
        } else {
            let old = layout(elem_size, align, v.cap);
            let p = realloc(v.ptr, old, new_layout.size());
            if p.is_null() {
                fatal(format_args!("memory allocation of {} bytes failed", new_layout.size()));
            }
            p
        };
        v.ptr = ptr;
        v.cap = new_cap;
    }
    std::ptr::copy_nonoverlapping(elem, v.ptr.add((v.len * elem_size) as usize), elem_size as usize);
    v.len += 1;
}

/// `hybrid_vec_dealloc(ptr, bytes, align)`: free a buffer of `bytes` (its
/// capacity times the element size) that `hybrid_vec_*` allocated.
#[no_mangle]
pub unsafe extern "C" fn hybrid_vec_dealloc(ptr: *mut u8, bytes: u64, align: u64) {
    if bytes != 0 {
        dealloc(ptr, layout(bytes, align, 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_elem_push_and_alignment() {
        unsafe {
            let mut v = RawVec { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
            let x = 2.5f64;
            hybrid_vec_from_elem(&mut v, (&x as *const f64).cast(), 8, 8, 3);
            assert_eq!((v.len, v.cap), (3, 3));
            assert_eq!(v.ptr as usize % 8, 0);
            let y = 7.0f64;
            hybrid_vec_push(&mut v, (&y as *const f64).cast(), 8, 8);
            assert_eq!((v.len, v.cap), (4, 6));
            let s = std::slice::from_raw_parts(v.ptr as *const f64, 4);
            assert_eq!(s, &[2.5, 2.5, 2.5, 7.0]);

            let mut w = RawVec { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
            hybrid_vec_with_capacity(&mut w, 4, 4, 0);
            for i in 0..100i32 {
                hybrid_vec_push(&mut w, (&i as *const i32).cast(), 4, 4);
            }
            let s = std::slice::from_raw_parts(w.ptr as *const i32, 100);
            assert!(s.iter().enumerate().all(|(i, &x)| x == i as i32));

            let z = 0.0f32;
            hybrid_vec_from_elem(&mut w, (&z as *const f32).cast(), 4, 16, 1000);
            assert_eq!(w.ptr as usize % 16, 0);
            assert!(std::slice::from_raw_parts(w.ptr as *const f32, 1000).iter().all(|&x| x == 0.0));
        }
    }
}
