fn first<T: Copy>(xs: &[T]) -> T {
    xs[0]
}
fn main() {
    println!("{}", first(&[1, 2]));
}
