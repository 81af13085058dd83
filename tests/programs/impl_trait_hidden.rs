// `-> impl Trait`: the hidden type's trait methods are callable, also
// through a local and for a generic function's instance; closures and
// iterators returned behind `impl Fn` / `impl Iterator`.
trait Shape {
    fn area(&self) -> f64;
    fn describe(&self) -> String {
        format!("area {}", self.area())
    }
}

struct Square {
    side: f64,
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

fn make(side: f64) -> impl Shape {
    Square { side }
}

fn adder(k: i32) -> impl Fn(i32) -> i32 {
    move |x| x + k
}

fn evens(n: u32) -> impl Iterator<Item = u32> {
    (0..n).filter(|x| x % 2 == 0)
}

fn scaled<T: Copy + std::ops::Mul<Output = T>>(k: T) -> impl Fn(T) -> T {
    move |x| x * k
}

fn main() {
    let s = make(3.0);
    println!("{} {}", s.area(), s.describe());
    println!("{}", make(1.5).area());
    let add5 = adder(5);
    println!("{}", add5(10));
    let total: u32 = evens(10).sum();
    println!("{}", total);
    let v: Vec<u32> = evens(7).map(|x| x * 10).collect();
    println!("{:?}", v);
    println!("{} {}", scaled(2.5f32)(4.0), scaled(3i64)(7));
}
