// Generic tuple structs as constructors and patterns (`W(2.5, 1)`,
// `let W(x, k) = w`), generic struct patterns, derived `==` on them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct W<T>(T, u8);

#[derive(Debug, Clone, Copy)]
struct Pair<T> {
    a: T,
    b: T,
}

fn swap<T: Copy>(p: Pair<T>) -> Pair<T> {
    let Pair { a, b } = p;
    Pair { a: b, b: a }
}

fn main() {
    let w = W(2.5f32, 1);
    let W(x, k) = w;
    let p = Pair { a: 1, b: 2 };
    let Pair { a, b } = p;
    match p {
        Pair { a: 1, b } => println!("one {}", b),
        Pair { .. } => println!("other"),
    }
    println!("{:?} {} {} {} {} {} {}", w, x, k, a, b, w == W(2.5, 1), w != W(2.5, 2));
    println!("{:?} {:?}", swap(p), swap(Pair { a: W(1u8, 2), b: W(3, 4) }));
    let ws = [W(1i64, 0), W(-1, 1)];
    let mut s = 0;
    for i in 0..ws.len() {
        let W(v, m) = ws[i];
        s += v * (m as i64 + 1);
    }
    println!("{}", s);
}
