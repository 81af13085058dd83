fn norm<T: Real>(x: T) -> T {
    x
}

fn main() {
    println!("{}", norm(1.0));
}
