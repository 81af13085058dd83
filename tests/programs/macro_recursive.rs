// Recursive macros: a tt-muncher that evaluates a tiny postfix language,
// nested repetitions, a macro that defines a macro, optional fragments and
// a deep (but bounded) recursion.
macro_rules! rpn {
    (@stack [$top:expr $(, $rest:expr)*]) => { $top };
    (@stack [$b:expr, $a:expr $(, $rest:expr)*] + $($tail:tt)*) => {
        rpn!(@stack [$a + $b $(, $rest)*] $($tail)*)
    };
    (@stack [$b:expr, $a:expr $(, $rest:expr)*] * $($tail:tt)*) => {
        rpn!(@stack [$a * $b $(, $rest)*] $($tail)*)
    };
    (@stack [$b:expr, $a:expr $(, $rest:expr)*] - $($tail:tt)*) => {
        rpn!(@stack [$a - $b $(, $rest)*] $($tail)*)
    };
    (@stack [$($stack:expr),*] $n:literal $($tail:tt)*) => {
        rpn!(@stack [$n $(, $stack)*] $($tail)*)
    };
    ($($tokens:tt)+) => {
        rpn!(@stack [] $($tokens)+)
    };
}

macro_rules! matrix_sum {
    ($([$($x:expr),*]),*) => {
        0 $($(+ $x)*)*
    };
}

macro_rules! row_sums {
    ($([$($x:expr),*]),*) => {
        [$(0 $(+ $x)*),*]
    };
}

macro_rules! make_adder {
    ($name:ident, $k:expr) => {
        macro_rules! $name {
            ($v:expr) => {
                $v + $k
            };
        }
    };
}

make_adder!(add_ten, 10);

macro_rules! greet {
    ($name:literal $(, $times:expr)?) => {{
        let mut n = 1;
        $(n = $times;)?
        for _ in 0..n {
            println!("hello, {}", $name);
        }
        n
    }};
}

macro_rules! depth {
    () => { 0u32 };
    (x $($rest:tt)*) => { 1u32 + depth!($($rest)*) };
}

fn fib(n: u64) -> u64 {
    macro_rules! memo_step {
        ($a:ident, $b:ident) => {
            let t = $a + $b;
            $a = $b;
            $b = t;
        };
    }
    let mut a = 0u64;
    let mut b = 1u64;
    for _ in 0..n {
        memo_step!(a, b);
    }
    a
}

fn main() {
    println!("rpn 3 4 + 2 * = {}", rpn!(3 4 + 2 *));
    println!("rpn 10 2 3 * - = {}", rpn!(10 2 3 * -));
    println!("matrix sum = {}", matrix_sum!([1, 2, 3], [4, 5], [6]));
    let rows = row_sums!([1, 2, 3], [4, 5], [6], []);
    println!("row sums = {} {} {} {}", rows[0], rows[1], rows[2], rows[3]);
    println!("add_ten = {}", add_ten!(5) * 2);
    let once = greet!("world");
    let thrice = greet!("macros", 3);
    println!("greeted {} then {}", once, thrice);
    println!("depth = {}", depth!(x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x));
    println!("fib(50) = {}", fib(50));
}
