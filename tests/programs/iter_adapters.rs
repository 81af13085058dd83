// A user-written iterator trait with generic adapters, the shape the std
// library's `Iterator` will take: `map` / `filter` default methods return
// adapter structs holding the closure, whose `impl<I: Iter, ..> Iter for
// MapIt<I, F>` has `type Item = B` with `B` inferred from the closure's
// result; `fold` and `count` are default methods over `Self`.
trait Iter {
    type Item;
    fn next(&mut self) -> (bool, Self::Item);
    fn count(mut self) -> usize
    where
        Self: Sized,
    {
        let mut n = 0;
        loop {
            let (ok, _x) = self.next();
            if !ok {
                break;
            }
            n += 1;
        }
        n
    }
    fn fold<A, G: FnMut(A, Self::Item) -> A>(mut self, init: A, mut g: G) -> A
    where
        Self: Sized,
    {
        let mut acc = init;
        loop {
            let (ok, x) = self.next();
            if !ok {
                return acc;
            }
            acc = g(acc, x);
        }
    }
    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> MapIt<Self, F>
    where
        Self: Sized,
    {
        MapIt { it: self, f }
    }
    fn filter<P: FnMut(&Self::Item) -> bool>(self, p: P) -> FilterIt<Self, P>
    where
        Self: Sized,
    {
        FilterIt { it: self, p }
    }
}

struct Counter {
    n: u32,
    end: u32,
}

impl Iter for Counter {
    type Item = u32;
    fn next(&mut self) -> (bool, u32) {
        if self.n < self.end {
            self.n += 1;
            (true, self.n)
        } else {
            (false, 0)
        }
    }
}

struct MapIt<I, F> {
    it: I,
    f: F,
}

impl<I: Iter, B, F: FnMut(I::Item) -> B> Iter for MapIt<I, F> {
    type Item = B;
    fn next(&mut self) -> (bool, B) {
        let (ok, x) = self.it.next();
        (ok, (self.f)(x))
    }
}

struct FilterIt<I, P> {
    it: I,
    p: P,
}

impl<I: Iter, P: FnMut(&I::Item) -> bool> Iter for FilterIt<I, P> {
    type Item = I::Item;
    fn next(&mut self) -> (bool, I::Item) {
        loop {
            let (ok, x) = self.it.next();
            if !ok || (self.p)(&x) {
                return (ok, x);
            }
        }
    }
}

fn total<I: Iter<Item = f64>>(it: I) -> f64 {
    it.fold(0.0, |a, x| a + x)
}

fn main() {
    let mut m = Counter { n: 0, end: 5 }.map(|x| x as f64 * 1.5);
    let (ok, y) = m.next();
    println!("{} {}", ok, y);
    println!("{}", m.count());
    let k = 3;
    let chained = Counter { n: 1, end: 6 }.map(|x| x * k).map(|y| y + 1);
    println!("{}", chained.fold(0, |a, x| a + x));
    let evens = Counter { n: 0, end: 10 }.filter(|x| *x % 2 == 0);
    println!("{}", evens.count());
    let squares = Counter { n: 0, end: 4 }.map(|x| (x * x) as f64);
    println!("{}", total(squares));
    let big = Counter { n: 0, end: 20 }.filter(|x| *x > 15).map(|x| x as i64 - 100);
    println!("{}", big.fold(1i64, |a, x| a * x / 10));
    let pairs = Counter { n: 0, end: 3 }.map(|x| (x, x as f32 * 0.25));
    println!("{}", pairs.fold(0.0f32, |a, p| a + p.1 + p.0 as f32));
}
