// Tuple struct constructors and tuple variants as function values: .map(Wrapper),
// .map(Some), let f = E::V; f(3), passed to generic functions with Fn bounds.
#[derive(Debug, Clone, Copy)]
struct Wrapper(i32);
#[derive(Debug, Clone, Copy)]
struct Pair(u8, f32);
#[derive(Debug)]
enum E { V(i32), W(i32, i32) }
fn apply<F: Fn(i32) -> R, R>(f: F, x: i32) -> R { f(x) }
fn apply2<F: Fn(u8, f32) -> R, R>(f: F) -> R { f(1, 2.5) }
fn main() {
    let a = Some(3).map(Wrapper);
    println!("{:?}", a);
    let f = E::V;
    println!("{:?} {:?}", f(3), f(4));
    let g = E::W;
    println!("{:?}", g(1, 2));
    println!("{:?}", apply(Some, 4));
    println!("{:?}", apply(E::V, 5));
    println!("{:?}", apply2(Pair));
    let r: Result<i32, i32> = Some(9).ok_or(0).map(Wrapper).map(|w| w.0).map_err(Wrapper).map_err(|w| w.0);
    println!("{:?}", r);
    // self-check
    assert!(a.unwrap().0 == 3 && r.unwrap() == 9);
    println!("ok");
}
