// Found by the differential tester (tests/diff, seed 1148): a closure stored in a local whose
// body names a const or a function of the program, passed to an adapter (`.map(cl)`) and
// consumed by a library method, was E0282 "type annotations needed" (its result type was
// tried with its paths resolved in the library).
const C3: u8 = 4;
fn f() -> u8 {
    2
}
mod m {
    pub const K: i64 = -7;
}
fn main() {
    let cl = |x: u8| -> u8 { x.wrapping_add(C3) };
    println!("{:?}", (0..3u8).map(cl).min());
    let g = move |x: u8| x * f() + C3;
    println!("{:?} {}", (0..3u8).map(g).max(), (0..3u8).map(g).count());
    let h = |x: i64| x * m::K;
    let s: i64 = (1..4i64).map(h).sum();
    println!("{}", s);
    let v: Vec<u8> = (0..4u8).map(cl).filter(|x| *x > 4).collect();
    println!("{:?}", v);
}
