fn flip<T: Copy>(x: T) -> T {
    -x
}

fn main() {
    println!("{}", flip(3));
}
