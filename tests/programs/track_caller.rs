//@ exit-code: 101
//@ stderr: panicked at tests/programs/track_caller.rs:16:14:
// `#[track_caller]` on a generic function: each call site gets its own
// instance, whose panic reports the caller's location (rustc's `Location::caller()`).
#[track_caller]
fn must<T: Copy + PartialOrd>(x: T, limit: T) -> T {
    if x > limit {
        panic!("value over the limit");
    }
    x
}

fn main() {
    println!("{}", must(3, 5));
    println!("{}", must(2.5, 9.0));
    let v =  must(7u8, 5);
    println!("{}", v);
}
