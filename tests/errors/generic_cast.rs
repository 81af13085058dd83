fn f<T: Copy>(x: T) -> f64 {
    x as f64
}

fn main() {
    println!("{}", f(2));
}
