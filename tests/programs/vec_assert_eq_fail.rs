//@ exit-code: 101
//@ stderr: ) panicked at tests/programs/vec_assert_eq_fail.rs:13:5:
//@ stderr: assertion `left == right` failed: after 2 steps
//@ stderr:   left: [[1, 2], [3, 4, 5]]
//@ stderr:  right: [[1, 2], [3, 4]]
// assert_eq! of two Vecs prints both with {:?}, as rustc does.
fn main() {
    let mut a = vec![vec![1, 2], vec![3]];
    let b = vec![vec![1, 2], vec![3, 4]];
    a[1].push(4);
    assert_eq!(a, b);
    a[1].push(5);
    assert_eq!(a, b, "after {} steps", 2);
}
