// Iterator::sum and ::product through the library's Sum/Product traits
// (an empty float sum is -0.0, as rustc's).
struct Upto { i: u32, n: u32 }
impl Iterator for Upto {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { if self.i >= self.n { None } else { self.i += 1; Some(self.i) } }
}
fn main() {
    let s: u32 = Upto { i: 0, n: 10 }.sum();
    let p = Upto { i: 0, n: 5 }.product::<u32>();
    let f: f64 = Upto { i: 0, n: 4 }.map(|x| x as f64 * 0.5).sum();
    let e: f32 = Upto { i: 0, n: 0 }.map(|x| x as f32).sum();
    println!("{} {} {} {}", s, p, f, e);
}
