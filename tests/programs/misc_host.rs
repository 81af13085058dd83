#![allow(unused)]
// Host features side by side with rustc: consts, methods, tuples, recursion,
// unsafe fns, labeled breaks, inclusive and reversed ranges.
const K: usize = 2 * 3 + 1;
#[derive(Clone, Copy, Debug)]
#[repr(C)]
struct P { a: i32, b: [u8; 3] }
impl P {
    fn total(&self) -> i32 { self.a + self.b[0] as i32 }
    fn bump(&mut self) { self.a += 1; }
}
fn fill(xs: &mut [f32]) { for i in 0..xs.len() { xs[i] = i as f32; } }
fn first(xs: &[f32]) -> f32 { xs[0] }
#[inline]
fn tup() -> (i32, f64) { (3, 0.5) }
#[inline(never)]
#[no_mangle]
fn rec(n: u64) -> u64 { if n < 2 { n } else { rec(n - 1) + rec(n - 2) } }
pub unsafe fn unsafe_fn(p: *const i32) -> i32 { *p }
fn main() {
    let mut v = vec![0.0f32; K];
    fill(&mut v);
    let mut arr = [0.0f32; 4];
    fill(&mut arr);
    println!("{} {} {}", first(&v), v[6], arr[3]);
    let mut p = P { a: 5, b: [1, 2, 3] };
    let pp = &mut p;
    pp.bump();
    println!("{} {}", p.total(), pp_total(&p));
    let (x, y) = tup();
    let _ = tup();
    println!("{} {} {}", x, y, rec(20));
    let q = &p as *const P;
    unsafe { println!("{}", (*q).a); }
    let n = 5;
    let r = unsafe { unsafe_fn(&n) };
    println!("{}", r);
    let m = { let t = 4; t * t };
    let label = 'a: loop { loop { break 'a 42; } };
    println!("{} {}", m, label);
    let mut s = 0i64;
    for i in (0..=10).rev() { s += i; }
    for i in (0..=10).step_by(3) { s += i * 100; }
    println!("{}", s);

}
fn pp_total(p: &P) -> i32 { p.total() * 2 }
