extern crate libc;
fn main() {
    let p = libc::malloc(16);
    println!("{}", p.is_null());
}
