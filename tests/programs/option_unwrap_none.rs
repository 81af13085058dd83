//@ exit-code: 101
//@ stderr: panicked at tests/programs/option_unwrap_none.rs:19:22:
//@ stderr: called `Option::unwrap()` on a `None` value
// `Option::unwrap` on `None`: rustc's message, at the caller's location
// (the library's `unwrap` is `#[track_caller]`).
fn lookup(v: &[u32], x: u32) -> Option<usize> {
    for i in 0..v.len() {
        if v[i] == x {
            return Some(i);
        }
    }
    None
}

fn main() {
    let v = [3, 1, 4, 1, 5];
    println!("{}", lookup(&v, 4).unwrap());
    let missing = lookup(&v, 9);
    let at = missing.unwrap();
    println!("unreachable {}", at);
}
