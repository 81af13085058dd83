//@ exit-code: 101
//@ stderr: ) panicked at tests/programs/vec_remove_panic.rs:14:15:
//@ stderr: removal index (is 5) should be < len (is 3)
// Vec::remove past the end panics with rustc's message at the call.
fn main() {
    let mut v = vec![1, 2, 3, 4];
    let x = v.remove(1);
    println!("removed {} -> {:?}", x, v);
    let y = v.swap_remove(0);
    println!("swap_removed {} -> {:?}", y, v);
    v.insert(2, 9);
    v.truncate(3);
    println!("{:?}", v);
    let z = v.remove(5);
    println!("unreachable {}", z);
}
