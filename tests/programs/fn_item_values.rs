// Function items as values: user functions, generic functions, associated
// functions and methods, and builtin methods of primitives (`f32::max`,
// `i32::abs`) passed to `Fn` bounds, iterator adapters and stored in locals.
fn double(x: f32) -> f32 {
    x * 2.0
}
fn apply<F: Fn(f32) -> f32>(f: F, x: f32) -> f32 {
    f(x)
}
fn square<T: std::ops::Mul<Output = T> + Copy>(x: T) -> T {
    x * x
}
struct P {
    x: i32,
}
impl P {
    fn new(x: i32) -> P {
        P { x }
    }
    fn get(&self) -> i32 {
        self.x
    }
}
fn main() {
    println!("{}", apply(double, 2.0));
    println!("{}", apply(f32::sqrt, 16.0));
    println!("{}", apply(square, 3.0));
    let v: Vec<f32> = vec![1.0f32, -2.5].into_iter().map(f32::abs).collect();
    println!("{:?}", v);
    let w: Vec<i32> = [3, -4].iter().copied().map(i32::abs).collect();
    println!("{:?}", w);
    let m = [1.5f32, 7.0, 2.0].iter().copied().fold(0.0, f32::max);
    println!("{}", m);
    let f = double;
    println!("{}", f(4.0));
    let mk = P::new;
    let get = P::get;
    let p = mk(41);
    println!("{}", get(&p) + 1);
    let c = u32::div_ceil;
    println!("{}", c(7, 2));
}
