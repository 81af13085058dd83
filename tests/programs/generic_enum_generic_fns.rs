// Generic functions over generic enums (bounds checked on `Opt<T>` with `T`
// a parameter), derived `==` inside a generic body, arrays and deep nesting
// of instances, and closures whose result type infers a generic function's
// type argument (`apply(|x| x as f32 * 1.5)` gives `U = f32`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opt<T> {
    Some(T),
    None,
}

#[derive(Debug, Clone, Copy)]
struct Pair<T> {
    a: T,
    b: T,
}

fn same<T: PartialEq + Copy>(a: Opt<T>, b: Opt<T>) -> bool {
    a == b
}

fn wrap_all<T: Copy>(v: [T; 3]) -> [Opt<T>; 3] {
    [Opt::Some(v[0]), Opt::None, Opt::Some(v[2])]
}

fn flatten<T>(o: Opt<Opt<T>>) -> Opt<T> {
    match o {
        Opt::Some(inner) => inner,
        Opt::None => Opt::None,
    }
}

fn both<A: Copy, B: Copy>(a: Opt<A>, b: Opt<B>) -> Opt<(A, B)> {
    match (a, b) {
        (Opt::Some(x), Opt::Some(y)) => Opt::Some((x, y)),
        _ => Opt::None,
    }
}

fn apply<U, F: FnOnce(i32) -> U>(f: F) -> U {
    f(2)
}

fn map_pair<T: Copy, U, F: Fn(T) -> U>(p: Pair<T>, f: F) -> Pair<U> {
    Pair { a: f(p.a), b: f(p.b) }
}

fn keep_if<T: Copy, P: Fn(T) -> bool>(v: T, p: P) -> Opt<T> {
    if p(v) { Opt::Some(v) } else { Opt::None }
}

fn main() {
    println!("{} {} {}", same(Opt::Some(1), Opt::Some(1)), same(Opt::Some(1.5), Opt::None), same::<u8>(Opt::None, Opt::None));
    println!("{:?}", wrap_all([1u8, 2, 3]));
    let deep: Opt<Opt<Opt<i32>>> = Opt::Some(Opt::Some(Opt::None));
    println!("{:?} {:?} {:?}", deep, flatten(deep), flatten(flatten(deep)));
    println!("{:?} {:?}", both(Opt::Some(1u16), Opt::Some(false)), both(Opt::<i8>::None, Opt::Some(2.0f64)));
    let a = apply(|x| x as f32 * 1.5);
    let b = apply(|x| Opt::Some(x > 1));
    println!("{} {:?}", a, b);
    let p = map_pair(Pair { a: 1, b: 4 }, |v| Opt::Some(v * 10));
    println!("{:?}", p);
    let q = map_pair(Pair { a: 0.5f32, b: -2.0 }, |v| keep_if(v, |x| x > 0.0));
    println!("{:?}", q);
    let pairs = [Opt::Some(Pair { a: 1.5f32, b: 2.5 }), Opt::None];
    let mut total = 0.0;
    for i in 0..pairs.len() {
        if let Opt::Some(Pair { a, b }) = pairs[i] {
            total += a * b;
        }
    }
    println!("{} {:?}", total, pairs);
}
