fn f<T: Copy>(x: T, n: i32) -> i32 {
    if n == 0 { 0 } else { f((x, x), n - 1) }
}
fn main() { println!("{}", f(1, 3)); }
