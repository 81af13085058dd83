//@ exit-code: 101
//@ stderr: thread 'main' (
//@ stderr: ) panicked at tests/programs/assert_fail.rs:12:5:
//@ stderr: assertion `left == right` failed
//@ stderr:   left: 6
//@ stderr:  right: 7
fn main() {
    let a = [1, 2, 3];
    let s = a[0] + a[1] + a[2];
    assert!(s == 6);
    println!("sum {}", s);
    assert_eq!(s, 7);
    println!("unreachable");
}
