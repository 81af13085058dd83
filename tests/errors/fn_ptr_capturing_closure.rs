fn main() {
    let k = 3.0f32;
    let f: fn(f32) -> f32 = |x| x * k;
    println!("{}", f(2.0));
}
