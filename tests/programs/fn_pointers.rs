// Function pointers: fn(..) types of locals, parameters, returns, arrays and
// struct fields; function items, builtin methods (i32::max, f32::sqrt) and
// closures that capture nothing coerced to them, also two different ones
// in the branches of an if; a fn pointer passed to an iterator adapter.
fn double(x: f32) -> f32 {
    x * 2.0
}

fn triple(x: f32) -> f32 {
    x * 3.0
}

fn compose(f: fn(f32) -> f32, g: fn(f32) -> f32, x: f32) -> f32 {
    g(f(x))
}

struct Op {
    name: &'static str,
    f: fn(i32, i32) -> i32,
}

fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn pick(neg: bool) -> fn(f32) -> f32 {
    if neg {
        |x| -x
    } else {
        double
    }
}

fn main() {
    let f: fn(f32) -> f32 = double;
    println!("{}", f(1.5));
    println!("{}", compose(double, triple, 1.0));
    let table: [fn(f32) -> f32; 3] = [double, triple, |x| x + 0.5];
    for g in table {
        print!("{} ", g(2.0));
    }
    println!();
    let ops = [Op { name: "add", f: add }, Op { name: "mul", f: |a, b| a * b }, Op { name: "max", f: i32::max }];
    for op in &ops {
        println!("{} {}", op.name, (op.f)(6, 7));
    }
    println!("{} {}", pick(true)(4.0), pick(false)(4.0));
    let mut h: fn(f32) -> f32 = f32::sqrt;
    println!("{}", h(81.0));
    h = f32::abs;
    println!("{}", h(-2.0));
    let v: Vec<f32> = vec![1.0f32, 4.0, 9.0].into_iter().map(h).collect();
    println!("{:?}", v);
}
