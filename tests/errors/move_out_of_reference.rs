// A value with a destructor cannot be moved out from behind a reference (E0507, as rustc).
struct Noisy {
    v: Vec<u8>,
    name: u32,
}
fn take(r: &Noisy) -> Noisy {
    *r
}
fn main() {
    let a = Noisy { v: Vec::new(), name: 1 };
    println!("{}", take(&a).name);
}
