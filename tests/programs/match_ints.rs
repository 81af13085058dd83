// `match` on integers, bools and tuples: literals (negative too), inclusive
// and exclusive ranges, consts and `i32::MAX` as patterns, or-patterns,
// `x @ pat` bindings, guards, nested tuples, `match` as a value.

const LIMIT: i32 = 100;

fn classify(n: i32) -> i32 {
    match n {
        i32::MIN..=-100 => -2,
        -99..=-1 => -1,
        0 => 0,
        1 | 2 | 3 => 1,
        x @ 4..=9 => x * 10,
        10..20 => 200,
        LIMIT => 1000,
        x if x % 2 == 0 => 2,
        i32::MAX => 9999,
        _ => 3,
    }
}

fn byte_kind(b: u8) -> u8 {
    match b {
        0 => 0,
        1..=31 | 127 => 1,
        32..=126 => 2,
        128..=u8::MAX => 3,
    }
}

fn fizz(n: u32) -> u32 {
    match (n % 3, n % 5) {
        (0, 0) => 15,
        (0, _) => 3,
        (_, 0) => 5,
        _ => n,
    }
}

fn logic(a: bool, b: bool, c: bool) -> i32 {
    match (a, (b, c)) {
        (true, (true, _)) => 1,
        (true, (false, true)) => 2,
        (true, (false, false)) => 3,
        (false, (x, y)) if x == y => 4,
        (false, _) => 5,
    }
}

fn main() {
    let inputs = [-500, -100, -99, -1, 0, 1, 3, 4, 9, 10, 19, 20, 21, 22, 100, 2147483647, 55];
    for i in 0..inputs.len() {
        print!("{} ", classify(inputs[i]));
    }
    println!();
    let mut counts = [0u32; 4];
    for b in 0..=255u8 {
        counts[byte_kind(b) as usize] += 1;
    }
    println!("{} {} {} {}", counts[0], counts[1], counts[2], counts[3]);
    let mut s = 0;
    for n in 1..=30 {
        s += fizz(n);
    }
    println!("fizz sum {}", s);
    for k in 0..8 {
        print!("{} ", logic(k & 4 != 0, k & 2 != 0, k & 1 != 0));
    }
    println!();
    let big: u64 = 1 << 40;
    let label = match big {
        0 => 0,
        1..=0xffff_ffff => 1,
        _ => 2,
    };
    println!("label {}", label);
    let flag = true;
    let v = match flag {
        true => 1.5,
        false => -1.5,
    };
    println!("{}", v);
}
