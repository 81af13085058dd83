//! Evaluation order of format arguments, call arguments, method receivers,
//! struct literal fields, compound assignments and binary operators, checked
//! against rustc's output.
//@ exit-code: 101
//@ stderr: s111 1120

struct P {
    a: i32,
    b: i32,
}

#[derive(Debug)]
struct Q {
    x: i32,
    y: (u8, bool),
}

fn mk(x: i32) -> Q {
    println!("mk({x})");
    Q { x, y: (x as u8, x > 0) }
}

fn pick<'a>(a: &'a mut String, b: &'a mut String, first: bool) -> &'a mut String {
    println!("pick({first})");
    if first {
        a
    } else {
        b
    }
}

struct Acc {
    total: i32,
}

impl Acc {
    fn add(&mut self, x: i32, y: i32) -> i32 {
        self.total += x * y;
        self.total
    }
}

fn s(x: i32) -> String {
    println!("s({x})");
    format!("s{x}")
}

fn f(x: i32) -> i32 {
    println!("f({x})");
    x * 10
}

fn idx(i: usize) -> usize {
    println!("idx({i})");
    i
}

fn pair(a: i32, b: i32) -> i32 {
    a - b
}

fn acc(a: &mut Acc, tag: i32) -> &mut Acc {
    println!("receiver {tag}");
    a
}

fn main() {
    println!("{} {}", s(3), f(4));
    println!("{1} {0} {x}", f(1), f(2), x = f(3));
    print!("{}-{}\n", f(5), s(6));
    eprintln!("{} {}", f(7), f(8));
    let t = format!("[{}|{}]", f(9), s(10));
    println!("{t}");
    let mut out = String::new();
    use std::fmt::Write;
    write!(out, "{}{}", s(11), f(12)).unwrap();
    println!("{out}");
    let w = 6;
    println!("{:>w$}|{:>1$}", f(13), idx(5));
    assert!(f(14) > 0, "never {}", f(15));
    assert_eq!(f(16), 160, "never {}", f(17));

    let p = P { b: f(20), a: f(21) };
    println!("{} {}", p.a, p.b);
    println!("{}", pair(f(30), f(31)));
    let mut a = Acc { total: 0 };
    let r = acc(&mut a, 1).add(f(40), f(41));
    println!("{r}");
    let mut v = vec![1, 2, 3];
    v[idx(1)] += f(50);
    println!("{:?}", v);
    let mut arr = [0i32; 3];
    arr[idx(2)] = f(60);
    arr[idx(0)] -= f(61) + f(62);
    println!("{:?}", arr);
    let x = f(70) + f(71) * f(72);
    let y = (f(73) - f(74)) / f(75);
    println!("{x} {y}");
    let b = f(80) < f(81) && f(82) > 0;
    println!("{b}");
    let z = [f(90), f(91)][idx(1)];
    println!("{z}");
    let msg = if f(100) > 0 { s(101) } else { s(102) };
    println!("{} {}", msg, f(103));
    println!("{:?} {} {:?}", mk(1), f(104), mk(2));
    println!("{:#?}|{}", mk(3), s(105));
    let nested = format!("<{}>", format!("{}{}", f(106), s(107)));
    println!("{nested}");
    let (mut one, mut two) = (String::new(), String::new());
    write!(pick(&mut one, &mut two, false), "{}", f(108)).unwrap();
    writeln!(pick(&mut one, &mut two, true), "{}", s(109)).unwrap();
    println!("{one:?} {two:?}");
    let n = 3;
    println!("{n} {0} {n:>1$}", f(110), idx(4));
    panic!("{} {}", s(111), f(112));
}
