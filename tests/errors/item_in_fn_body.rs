fn main() {
    fn helper(x: i32) -> i32 {
        x + 1
    }
    let y = helper(1);
    println!("{}", y);
}
