// A dispatch table of fn pointers in a Vec and in a struct, chosen at run
// time; a fn pointer returned from a match and passed on.
fn add(a: i64, b: i64) -> i64 {
    a + b
}
fn sub(a: i64, b: i64) -> i64 {
    a - b
}

struct Calc {
    ops: Vec<(u8, fn(i64, i64) -> i64)>,
}

impl Calc {
    fn run(&self, op: u8, a: i64, b: i64) -> Option<i64> {
        for (c, f) in &self.ops {
            if *c == op {
                return Some(f(a, b));
            }
        }
        None
    }
}

fn choose(i: usize) -> fn(i64, i64) -> i64 {
    let table: [fn(i64, i64) -> i64; 3] = [add, sub, |a, b| a * b];
    table[i % 3]
}

fn fold_with(xs: &[i64], f: fn(i64, i64) -> i64, init: i64) -> i64 {
    let mut acc = init;
    for &x in xs {
        acc = f(acc, x);
    }
    acc
}

fn main() {
    let mut ops: Vec<fn(i64, i64) -> i64> = Vec::new();
    ops.push(add);
    ops.push(sub);
    ops.push(i64::max);
    for (i, f) in ops.iter().enumerate() {
        println!("op{} = {}", i, f(10, 3));
    }
    let xs = [1, 2, 3, 4, 5];
    for i in 0..4 {
        println!("fold {} = {}", i, fold_with(&xs, choose(i), 1));
    }
    let c = Calc { ops: vec![(b'+', add as fn(i64, i64) -> i64), (b'-', sub as fn(i64, i64) -> i64)] };
    println!("{:?} {:?}", c.run(b'+', 2, 3), c.run(b'*', 2, 3));
}
