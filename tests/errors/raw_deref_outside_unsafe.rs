fn set(p: *mut f64) {
    *p = 1.0;
}
fn main() {
    let mut x = 0.0;
    set(&mut x);
    println!("{}", x);
}
