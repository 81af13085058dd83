// The library's Iterator trait (library/core/iter.rs): a user iterator,
// `for` over it (desugared to `next` until `None`, labels kept), the
// default consumers and the map/filter/enumerate/skip/take adapters.
struct Countdown { n: u32 }
impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n == 0 { None } else { self.n -= 1; Some(self.n + 1) }
    }
}
fn main() {
    for x in (Countdown { n: 3 }) { println!("{}", x); }
    let c = Countdown { n: 5 };
    println!("{}", c.count());
    println!("{:?}", Countdown { n: 4 }.last());
    let total = Countdown { n: 10 }.map(|x| x * x).filter(|x| x % 2 == 0).fold(0, |a, x| a + x);
    println!("{}", total);
    for (i, x) in (Countdown { n: 3 }).enumerate() { println!("{} {}", i, x); }
    'outer: for x in (Countdown { n: 100 }).skip(2).take(5) {
        if x == 95 { continue 'outer; }
        if x == 94 { break; }
        println!("t {}", x);
    }
    println!("{:?} {} {}", Countdown { n: 9 }.position(|x| x == 4), Countdown { n: 3 }.any(|x| x > 2), Countdown { n: 3 }.all(|x| x > 2));
    let mut c = Countdown { n: 7 };
    println!("{:?} {:?}", c.nth(2), c.next());
}
