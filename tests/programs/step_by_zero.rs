//@ exit-code: 101
//@ stderr: assertion failed: step != 0
// `step_by(0)` of a `for` loop's range panics with `Iterator::step_by`'s
// message (rustc's location is inside core; hybridc names the `step_by` call).
fn main() {
    let zero = std::hint::black_box(0usize);
    println!("before");
    for i in (0..10).step_by(zero) {
        println!("{}", i);
    }
}
