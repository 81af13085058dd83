// `swap` borrows the array mutably: it must be declared `mut` (rustc's E0596).
fn main() {
    let a = [1, 2, 3];
    a.swap(0, 2);
    println!("{}", a[0]);
}
