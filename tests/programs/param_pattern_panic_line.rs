//@ exit-code: 101
//@ stderr: ) panicked at tests/programs/param_pattern_panic_line.rs:13:5:
//@ stderr: index out of bounds: the len is 3 but the index is 6
// A panic in a function whose parameter is a destructuring pattern names
// the body's line (the pattern was parsed after the body and took over the
// body's origin: the line before was reported).
fn f((a, b): (i32, i32), c: i32) -> i32 {
    let v = [1, 2, 3];
    let i = (a + b + c) as usize;
    if i < 3 {
        println!("in range");
    }
    v[i]
}

fn main() {
    println!("{}", f((0, 1), 1));
    println!("{}", f((1, 2), 3));
}
