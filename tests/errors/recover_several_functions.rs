// Several errors in each of two functions: rustc's order (source order within each kind).
fn scale(x: f32) -> f32 {
    let factor: f32 = 2;
    let offset: f32 = "0.5";
    x * factor + offset
}

fn main() {
    let a: u16 = -1i32;
    let b = scale(1.0);
    let c: String = b;
    println!("{} {}", a, c);
}
