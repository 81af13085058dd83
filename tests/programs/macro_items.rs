// Item-position macros: functions, structs, consts and impl blocks
// stamped out for several types with `$t:ty`, `$name:ident` and
// repetitions; a recursive item macro; `#[macro_export]` and `crate::`.
macro_rules! make_abs_fns {
    ($($name:ident: $t:ty),* $(,)?) => {
        $(
            fn $name(x: $t) -> $t {
                if x < (0 as $t) { -x } else { x }
            }
        )*
    };
}

make_abs_fns!(abs_i32: i32, abs_i64: i64, abs_f32: f32, abs_f64: f64);

macro_rules! vec2 {
    ($name:ident, $t:ty) => {
        #[derive(Clone, Copy)]
        struct $name {
            x: $t,
            y: $t,
        }

        impl $name {
            fn new(x: $t, y: $t) -> $name {
                $name { x, y }
            }
            fn dot(&self, o: &$name) -> $t {
                self.x * o.x + self.y * o.y
            }
            fn scale(&mut self, k: $t) {
                self.x = self.x * k;
                self.y = self.y * k;
            }
        }
    };
}

vec2!(Vec2f, f32);
vec2!(Vec2i, i64);

macro_rules! consts {
    ($($name:ident = $value:expr;)*) => {
        $(const $name: u32 = $value;)*
    };
}

consts! {
    ONE = 1;
    TWO = ONE + 1;
    TEN = 2 * (TWO + 3);
}

// recursive: one function per identifier, each returning its position
macro_rules! numbered {
    ($n:expr;) => {};
    ($n:expr; $first:ident $($rest:ident)*) => {
        fn $first() -> u32 {
            $n
        }
        numbered!($n + 1; $($rest)*);
    };
}

numbered!(0; zero one two three);

#[macro_export]
macro_rules! exported_sq {
    ($x:expr) => {
        $x * $x
    };
}

macro_rules! make_square_plus {
    ($x:expr) => {
        crate::exported_sq!($x) + 1
    };
}

mod inner {
    pub fn use_parent_macro() -> i32 {
        // textual scope: defined before this module, in its parent
        make_square_plus!(3)
    }
}

// macros in a const's initializer and in a signature's types
macro_rules! real {
    () => {
        f64
    };
}

macro_rules! kib {
    ($n:expr) => {
        $n * 1024
    };
}

const BUFFER: usize = kib!(2 + 2);

fn half(x: real!()) -> real!() {
    x / 2.0
}

// destructuring parameters in stamped-out functions and in a function
// whose body uses a macro
macro_rules! summer {
    ($name:ident, $t:ty) => {
        fn $name((a, b): ($t, $t), [c, d]: [$t; 2]) -> $t {
            a + b + c + d
        }
    };
}

summer!(sum_i32, i32);
summer!(sum_f64, f64);

fn plain((x, y): (i32, i32)) -> i32 {
    exported_sq!(x) + y
}

fn main() {
    println!("patterns = {} {} {}", sum_i32((1, 2), [3, 4]), sum_f64((0.5, 0.25), [1.0, 2.0]), plain((3, 4)));
    println!("outline = {} {}", BUFFER, half(5.0));
    println!("{} {} {} {}", abs_i32(-3), abs_i64(5), abs_f32(-1.5), abs_f64(-2.25));
    let mut a = Vec2f::new(1.0, 2.0);
    let b = Vec2f::new(3.0, 4.0);
    a.scale(2.0);
    println!("dot f32 = {}", a.dot(&b));
    let c = Vec2i::new(7, -2);
    println!("dot i64 = {}", c.dot(&Vec2i::new(1, 1)));
    println!("consts = {} {} {}", ONE, TWO, TEN);
    println!("numbered = {} {} {} {}", zero(), one(), two(), three());
    println!("exported = {}", crate::exported_sq!(1 + 2));
    println!("inner = {}", inner::use_parent_macro());
}
