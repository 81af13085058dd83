// while, loop with break value, labels, continue, for over ranges.
fn collatz(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        if n % 2 == 0 {
            n /= 2;
        } else {
            n = 3 * n + 1;
        }
        steps += 1;
    }
    steps
}

fn first_square_above(limit: i32) -> i32 {
    let mut k = 0;
    let found = loop {
        k += 1;
        if k * k > limit {
            break k * k;
        }
    };
    found
}

fn main() {
    println!("{} {} {}", collatz(27), collatz(1), collatz(97));
    println!("{}", first_square_above(1000));
    let mut pairs = 0;
    'outer: for i in 0..10 {
        for j in 0..10 {
            if j > i {
                continue 'outer;
            }
            if i + j == 15 {
                break 'outer;
            }
            pairs += 1;
        }
    }
    println!("{}", pairs);
    let mut down = 0;
    for i in (0..10).rev() {
        down = down * 10 + i;
    }
    println!("{}", down);
    let mut stepped = 0;
    for i in (3..40).step_by(7) {
        stepped += i;
    }
    println!("{}", stepped);
    let mut odd_sum = 0;
    for i in 0..20 {
        if i % 2 == 0 {
            continue;
        }
        odd_sum += i;
    }
    let sign = if odd_sum > 50 { 1 } else { -1 };
    let kind = if sign > 0 && odd_sum < 1000 || false { 2 } else { 3 };
    println!("{} {} {}", odd_sum, sign, kind);
}
