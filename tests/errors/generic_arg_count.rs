fn pick<T>(a: T, _b: T) -> T {
    a
}

fn main() {
    println!("{}", pick::<i32, i32>(1, 2));
}
