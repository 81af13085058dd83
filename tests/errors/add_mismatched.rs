fn main() {
    let a = 3u32;
    let b = 1.5f32;
    println!("{}", a + b);
}
