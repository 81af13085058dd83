// Or-patterns whose alternatives bind the same names, nested in tuples, in
// `if let`, `while let` and `let` (parenthesized) and in
// `matches!` with a guard, `ref` bindings among them.

#[derive(Clone, Copy, Debug)]
enum Op { Add(i32), Sub(i32), Scale { k: i32 }, Nop }
#[derive(Clone, Copy, Debug)]
enum Res { Ok(u8), Err(u8) }
fn amount(op: Op, neg: bool) -> i32 {
    match (op, neg) {
        (Op::Add(n) | Op::Sub(n) | Op::Scale { k: n }, false) => n,
        (Op::Add(n) | Op::Sub(n), true) => -n,
        (Op::Scale { k: ref r }, true) => -*r * 100,
        (Op::Nop, _) => 0,
    }
}
fn main() {
    let ops = [Op::Add(3), Op::Sub(4), Op::Scale { k: 5 }, Op::Nop];
    for i in 0..4 {
        print!("{} {} ", amount(ops[i], false), amount(ops[i], true));
        if let Op::Add(x) | Op::Sub(x) = ops[i] { print!("[{}] ", x); }
        if matches!(ops[i], Op::Add(x) | Op::Scale { k: x } if x > 3) { print!("big "); }
    }
    println!();
    let rs = [Res::Ok(1), Res::Err(2)];
    for i in 0..2 {
        let (Res::Ok(v) | Res::Err(v)) = rs[i];
        print!("{} ", v);
        let (Res::Ok(w) | Res::Err(w)) = rs[i];
        print!("{} ", w * 2);
    }
    println!();
    let mut k = 0;
    let seq = [Op::Add(1), Op::Sub(2), Op::Nop, Op::Add(9)];
    while let Op::Add(x) | Op::Sub(x) = seq[k] { k += 1; print!("{} ", x); }
    println!("stopped {}", k);
}
