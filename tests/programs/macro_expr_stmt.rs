// Expression and statement macros: fragments, precedence, repetitions,
// several rules, hygiene, local macros, macros inside builtin macros.
macro_rules! square {
    ($e:expr) => {
        $e * $e
    };
}

macro_rules! max_of {
    ($x:expr) => { $x };
    ($x:expr, $($rest:expr),+) => {{
        let a = $x;
        let b = max_of!($($rest),+);
        if a > b { a } else { b }
    }};
}

macro_rules! sum {
    () => { 0 };
    ($($x:expr),+ $(,)?) => { 0 $(+ $x)+ };
}

macro_rules! swap {
    ($a:ident, $b:ident) => {
        let tmp = $a;
        $a = $b;
        $b = tmp;
    };
}

macro_rules! point {
    ($name:ident = ($x:literal, $y:literal)) => {
        let $name = Point { x: $x, y: $y };
    };
}

macro_rules! count {
    () => { 0usize };
    ($head:tt $($tail:tt)*) => { 1usize + count!($($tail)*) };
}

macro_rules! show {
    ($($label:literal => $value:expr);* $(;)?) => {
        $( println!("{} = {}", $label, $value); )*
    };
}

#[derive(Clone, Copy, Debug)]
struct Point {
    x: i32,
    y: i32,
}

// hygiene reaches the transcriber's own format strings
macro_rules! show_twice {
    ($e:expr) => {
        let x = $e * 2;
        println!("inside: {x} {} {x:>4}", x);
    };
}

fn main() {
    let x = 7;
    show_twice!(x + 1);
    println!("outside: {x}");
    let four = square!(1 + 1);
    println!("square!(1 + 1) = {}", four);
    println!("2 * square!(3) = {}", 2 * square!(3));
    println!("max_of = {}", max_of!(3, 9, 4, 1));
    println!("sum = {} {} {}", sum!(), sum!(1, 2, 3), sum!(10, 20,));
    let mut tmp = 1;
    let mut other = 2;
    swap!(tmp, other);
    println!("tmp = {}, other = {}", tmp, other);
    point!(p = (3, -4));
    println!("p = ({}, {})", p.x, p.y);
    println!("count = {}", count!(a b (c d) [e] f));
    macro_rules! twice {
        ($s:stmt) => {
            $s;
            $s;
        };
    }
    let mut n = 0;
    twice!(n += 5);
    println!("n = {}", n);
    show! {
        "a" => 1 + 2;
        "b" => square!(4);
    }
    let v = vec![square!(2), sum!(1, 1), max_of!(7, 8)];
    assert_eq!(v.len(), 3);
    println!("v = {} {} {}", v[0], v[1], v[2]);
    let total: i64 = {
        let x = 5i64;
        square!(x) + 1
    };
    println!("total = {}", total);
}
