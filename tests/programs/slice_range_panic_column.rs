//@ exit-code: 101
//@ stderr: panicked at tests/programs/slice_range_panic_column.rs:10:15:
//@ stderr: range end index 6 out of range for slice of length 4
// Found by the differential tester (tests/diff, seed 20): a panic of range slicing (rustc's
// `#[track_caller]` `Index<Range>`) is located at the `[`, not at the `&`.
fn main() {
    let a = [1u8; 4];
    let i = std::hint::black_box(6usize);
    println!("{:?}", &a[1..i - 3]);
    let t = &a[1..i];
    println!("{:?}", t);
}
