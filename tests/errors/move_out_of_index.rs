// A value with a destructor cannot be moved out of a Vec by indexing (E0507, as rustc).
struct Noisy {
    v: Vec<u8>,
    name: u32,
}
fn main() {
    let v = vec![Noisy { v: Vec::new(), name: 1 }];
    let x = v[0];
    println!("{}", x.name);
}
