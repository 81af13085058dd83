// Macro calls among an `impl` block's items: getters and setters stamped
// out per field, a constant, and methods whose bodies use macros too.
macro_rules! accessors {
    ($($field:ident / $set:ident: $t:ty),* $(,)?) => {
        $(
            fn $field(&self) -> $t {
                self.$field
            }
            fn $set(&mut self, v: $t) {
                self.$field = v;
            }
        )*
    };
}

macro_rules! scaled {
    ($name:ident, $k:expr) => {
        fn $name(&self) -> f64 {
            let k = $k;
            (self.width * self.height) as f64 * k
        }
    };
}

struct Rect {
    width: u32,
    height: u32,
    scale: f64,
}

impl Rect {
    accessors!(width / set_width: u32, height / set_height: u32, scale / set_scale: f64);
    scaled!(area, 1.0);
    scaled!(half_area, 0.5);

    fn describe(&self) -> u32 {
        self.width() * 100 + self.height()
    }
}

// an impl block with a macro call among its items, itself produced by a
// macro: a trait impl's method stamped out with the operator as a `tt`
use std::ops::{Add, Mul};

#[derive(Clone, Copy)]
struct P {
    v: i64,
}

macro_rules! op_method {
    ($name:ident, $op:tt) => {
        fn $name(self, o: Self) -> Self {
            P { v: self.v $op o.v }
        }
    };
}

macro_rules! impl_op {
    ($tr:ident, $name:ident, $op:tt) => {
        impl $tr for P {
            type Output = P;
            op_method!($name, $op);
        }
    };
}

impl_op!(Add, add, +);
impl_op!(Mul, mul, *);

// a parameter named like a local the transcriber binds: renamed alike in
// the signature and the body
macro_rules! doubled_plus {
    ($n:ident) => {
        fn $n(&self, t: i64) -> i64 {
            let t = t * 2;
            t + self.v
        }
    };
}

impl P {
    doubled_plus!(first);
    doubled_plus!(second);
}

fn main() {
    println!("doubled_plus = {} {}", P { v: 1 }.first(10), P { v: 2 }.second(20));
    let p = P { v: 6 } + P { v: 7 } * P { v: 2 };
    println!("p = {}", p.v);
    let mut r = Rect { width: 3, height: 4, scale: 1.5 };
    println!("{} {} {}", r.width(), r.height(), r.scale());
    r.set_width(10);
    r.set_scale(r.scale() * 2.0);
    println!("{} {} {} {}", r.describe(), r.area(), r.half_area(), r.scale);
    r.set_height(r.height() + 1);
    println!("{}", r.area());
}
