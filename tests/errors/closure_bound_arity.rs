fn apply<F: Fn(f32) -> f32>(f: F, x: f32) -> f32 {
    f(x)
}

fn main() {
    let y = apply(|a, b| a + b, 1.0);
    println!("{}", y);
}
