//@ exit-code: 101
//@ stderr: ) panicked at tests/programs/const_fold.rs:70:20:
//@ stderr: attempt to divide with overflow
//! Integer operations on constants at every width, `if`s whose condition is
//! a constant, and checks with constant operands: the Cranelift host folds
//! them while building CLIF; the results must stay rustc's.

fn widths() {
    let a: u8 = 200;
    let b: u8 = 7;
    println!("u8: {} {} {} {} {} {} {}", a / b, a % b, a & b, a | b, a ^ b, a >> 3, b << 5);
    println!("u8 cmp: {} {} {}", a > b, a < b, a == 200);
    let c: i8 = -100;
    let d: i8 = 7;
    println!("i8: {} {} {} {} {}", c / d, c % d, c >> 2, -c, !c);
    println!("i8 cmp: {} {} {}", c < d, c >= -100, c > 0);
    let e: u16 = 65000;
    let f: i16 = -32000;
    println!("16: {} {} {} {}", e / 3, e % 1000, f / 7, f % -9);
    let g: u32 = 4_000_000_000;
    let h: i32 = -2_000_000_000;
    println!("32: {} {} {} {} {}", g / 3, g >> 31, h / 3, h % 7, !g);
    let i: u64 = 18_000_000_000_000_000_000;
    let j: i64 = i64::MIN + 1;
    println!("64: {} {} {} {} {}", i / 7, i % 1000, j / -1, j % -1, i > 1 << 63);
    println!("neg div: {} {} {} {}", -7 / 2, -7 % 2, 7 % -2, 7 / -2);
    println!("usize: {} {}", usize::MAX / 2, usize::MAX >> 60);
    println!("bool: {} {} {}", !true, true & false, true ^ true);
}

fn branches(n: i64) -> i64 {
    let mut acc = n;
    if 3 % 2 == 1 {
        acc += 10;
    } else {
        acc += 1000;
    }
    if 16 / 4 > 4 {
        acc *= 1000;
    }
    let picked = if 5 - 6 < 0 { acc * 2 } else { acc * 3 };
    let mut k = 0;
    while 1 > 2 {
        k += 1;
    }
    let looped = loop {
        if 2 + 2 == 4 {
            break picked + k;
        }
    };
    if 1 == 1 {
        return looped;
    }
    -1
}

fn divisors(x: i64, minus_one: i64) -> (i64, i64, i64) {
    (x / 3, x % 1000, x / minus_one)
}

fn main() {
    widths();
    println!("branches: {}", branches(5));
    let runtime: i64 = std::hint::black_box(1);
    println!("divisors: {:?}", divisors(-7001, -runtime));
    let arr = [1, 2, 3, 4];
    println!("index: {}", arr[2] + arr[runtime as usize]);
    // the `MIN / -1` check of a division by the constant -1 stays
    let min = i64::MIN + runtime - 1;
    println!("{}", min / -1);
}
