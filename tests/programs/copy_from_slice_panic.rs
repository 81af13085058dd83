//@ exit-code: 101
//@ stderr: ) panicked at tests/programs/copy_from_slice_panic.rs:12:14:
//@ stderr: copy_from_slice: source slice length (3) does not match destination slice length (4)
// copy_from_slice between slices of different lengths panics with rustc's
// message at the call.
fn main() {
    let src = [1.0f32, 2.0, 3.0];
    let mut dst = [0.0f32; 4];
    dst[1..].copy_from_slice(&src);
    println!("{:?}", dst);
    let n = src.len() + 1;
    dst[..n].copy_from_slice(&src);
    println!("unreachable {:?}", dst);
}
