// Derived == borrows its operands: values with destructors compared through an index or a reference are not moved (and dropped once).
#[derive(PartialEq, Debug)]
struct User {
    name: Noisy,
    age: u32,
}
fn main() {
    let users = vec![User { name: Noisy { n: 1 }, age: 3 }];
    let copy = vec![User { name: Noisy { n: 1 }, age: 3 }];
    println!("{}", users[0] == copy[0]);
    let a = &users[0];
    let b = &copy[0];
    println!("{}", *a == *b);
}
#[derive(PartialEq, Debug)]
struct Noisy {
    n: u32,
}
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.n);
    }
}
