//@ exit-code: 101
//@ stderr: panicked at tests/programs/index_panic_columns.rs:13:21:
//@ stderr: index out of bounds: the len is 4 but the index is 6
// Found by the differential tester (tests/diff, seed 20): rustc locates the panic of an
// overloaded index (`Vec` indexing: the `#[track_caller]` `Index::index`) at the `[`, and a
// builtin one (arrays, slices) at the start of the expression.
fn main() {
    let v: Vec<i32> = (0..4).collect();
    let a = [1u8; 4];
    let i = std::hint::black_box(6usize);
    let s = &v[..];
    println!("{} {} {}", v[i - 5], s[i - 4], a[i - 3]);
    println!("{}", v[i]);
}
