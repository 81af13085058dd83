// Patterns on generic enums through references (default binding modes,
// `ref`/`ref mut`), `@` bindings, or-patterns with bindings, `..`, guards,
// `let else`, `matches!`, and `{:#?}` of nested generic values.
#[derive(Debug, Clone, Copy)]
enum Opt<T> {
    Some(T),
    None,
}

#[derive(Debug, Clone, Copy)]
enum Msg<T, U> {
    Move { x: T, y: T, speed: U },
    Many(T, T, T, U),
    One(T),
    Quit,
}

fn get(o: &Opt<i32>) -> i32 {
    match o {
        Opt::Some(x) => *x,
        Opt::None => 0,
    }
}

fn bump(o: &mut Opt<u32>) {
    match o {
        Opt::Some(v) => *v += 10,
        Opt::None => *o = Opt::Some(1),
    }
}

fn classify(m: &Msg<i32, f32>) -> i32 {
    match *m {
        Msg::Move { x: 0, y, .. } => y,
        Msg::Move { x, speed, .. } if speed > 1.0 => x * 100,
        Msg::Move { x, y, speed: _ } => x + y,
        Msg::Many(first, .., last) if last > 0.5 => first,
        Msg::Many(a, b, ..) | Msg::Many(_, a, b, _) if a > b => a - b,
        Msg::Many(..) => -1,
        Msg::One(n @ (1 | 2 | 3)) => n * 10,
        Msg::One(n @ 4..=9) => n,
        Msg::One(ref n) => -*n,
        Msg::Quit => 999,
    }
}

fn first_some(v: &[Opt<i32>]) -> i32 {
    for i in 0..v.len() {
        let Opt::Some(x) = v[i] else { continue };
        return x;
    }
    -1
}

fn main() {
    let a = Opt::Some(4);
    let n: Opt<i32> = Opt::None;
    println!("{} {}", get(&a), get(&n));
    let mut u = Opt::Some(5u32);
    let mut e: Opt<u32> = Opt::None;
    bump(&mut u);
    bump(&mut e);
    bump(&mut e);
    println!("{:?} {:?}", u, e);
    if let Opt::Some(ref mut v) = u {
        *v *= 2;
    }
    println!("{:?}", u);
    let msgs = [
        Msg::Move { x: 0, y: 7, speed: 0.5 },
        Msg::Move { x: 3, y: 1, speed: 2.0 },
        Msg::Move { x: 3, y: 1, speed: 1.0 },
        Msg::Many(1, 2, 3, 0.75),
        Msg::Many(9, 4, 3, 0.0),
        Msg::Many(1, 9, 4, 0.0),
        Msg::Many(5, 5, 5, 0.0),
        Msg::One(2),
        Msg::One(6),
        Msg::One(12),
        Msg::Quit,
    ];
    for i in 0..msgs.len() {
        print!("{} ", classify(&msgs[i]));
    }
    println!();
    let opts = [Opt::None, Opt::None, Opt::Some(8), Opt::Some(9)];
    println!("{} {}", first_some(&opts), first_some(&opts[..2]));
    let moving = msgs.len() - 1;
    let count = {
        let mut c = 0;
        for i in 0..msgs.len() {
            if matches!(msgs[i], Msg::Move { speed, .. } if speed >= 1.0) {
                c += 1;
            }
        }
        c
    };
    println!("{} {}", count, matches!(msgs[moving], Msg::Quit));
    let nested = Opt::Some(Msg::<u8, bool>::Move { x: 1, y: 2, speed: true });
    println!("{:#?}", nested);
    let inner = &nested;
    match inner {
        Opt::Some(Msg::Move { x, .. }) | Opt::Some(Msg::One(x)) => println!("x = {}", x),
        Opt::Some(_) | Opt::None => println!("no x"),
    }
    let pair: (Opt<i8>, Opt<i8>) = (Opt::Some(-3), Opt::None);
    match pair {
        (Opt::Some(a), Opt::Some(b)) => println!("both {} {}", a, b),
        (Opt::Some(a), Opt::None) | (Opt::None, Opt::Some(a)) => println!("one {}", a),
        (Opt::None, Opt::None) => println!("none"),
    }
    println!("{:?}", [Opt::Some((1u8, 2.5f32)), Opt::None]);
}
