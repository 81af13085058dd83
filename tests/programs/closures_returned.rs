// Closures returned from functions (`-> impl Fn(..)`), called directly and
// passed on to generic functions.

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn make_scaler(k: f32, b: f32) -> impl Fn(f32) -> f32 {
    move |x: f32| x * k + b
}

fn apply_twice<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(f(x))
}

fn main() {
    let add5 = make_adder(5);
    println!("{} {}", add5(1), apply_twice(add5, 10));
    let s = make_scaler(2.0, 0.5);
    println!("{}", s(4.0));
    println!("{}", make_adder(-3)(3));
}
