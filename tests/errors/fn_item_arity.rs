fn add(a: f32, b: f32) -> f32 {
    a + b
}

fn apply<F: Fn(f32) -> f32>(f: F, x: f32) -> f32 {
    f(x)
}

fn main() {
    println!("{}", apply(add, 1.0));
}
