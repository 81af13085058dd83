// Macros with enums, match arms from `$p:pat => $e:expr` repetitions,
// matches! inside a transcriber, and a closure passed as an `expr` fragment.
#[derive(Debug, Clone, Copy)]
enum Shape { Circle(f64), Square(f64) }

macro_rules! area_of {
    ($s:expr, $($p:pat => $e:expr),+ $(,)?) => {
        match $s { $($p => $e),+ }
    };
}

macro_rules! apply {
    ($f:expr, $($x:expr),*) => {{ let f = $f; [$(f($x)),*] }};
}

macro_rules! is_variant {
    ($v:expr, $p:pat) => { matches!($v, $p) };
}

fn main() {
    let shapes = [Shape::Circle(1.0), Shape::Square(2.0)];
    for i in 0..2 {
        let a = area_of!(shapes[i], Shape::Circle(r) => 3.0 * r * r, Shape::Square(s) => s * s);
        println!("{:?} {}", shapes[i], a);
    }
    let k = 3;
    let r = apply!(|v: i32| v * k, 1, 2, 3);
    println!("{} {} {}", r[0], r[1], r[2]);
    println!("{} {}", is_variant!(shapes[0], Shape::Circle(_)), is_variant!(shapes[1], Shape::Circle(_)));
}
