fn main() {
    // FIXME(fn pointers): rustc coerces a closure that captures nothing to `fn(i32) -> i32`
    let f: fn(i32) -> i32 = |x| x + 1;
    println!("{}", f(2));
}
