fn apply<F>(f: F, x: f32) -> f32
where
    F: Fn(f32) -> f32,
{
    f(x)
}

fn main() {
    let double = |v: f64| v * 2.0;
    println!("{}", apply(double, 1.0));
}
