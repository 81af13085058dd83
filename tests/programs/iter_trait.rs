// A user-written iterator trait: an associated type with a bound, default
// methods over `Self` (`count`, `sum_with`), generic functions over
// `I: Iter` using `I::Item` and an equality bound `Iter<Item = u32>`.
trait Iter {
    type Item: Copy;
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
    fn last(mut self, init: Self::Item) -> Self::Item
    where
        Self: Sized,
    {
        let mut v = init;
        loop {
            let (ok, x) = self.next();
            if !ok {
                return v;
            }
            v = x;
        }
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

struct Halves {
    x: f64,
    left: i32,
}

impl Iter for Halves {
    type Item = f64;
    fn next(&mut self) -> (bool, Self::Item) {
        if self.left == 0 {
            return (false, 0.0);
        }
        self.left -= 1;
        self.x *= 0.5;
        (true, self.x)
    }
}

fn sum_all<I: Iter<Item = u32>>(mut it: I) -> u32 {
    let mut s = 0;
    loop {
        let (ok, x) = it.next();
        if !ok {
            break;
        }
        s += x;
    }
    s
}

fn first<I: Iter>(mut it: I) -> I::Item {
    let (_, x) = it.next();
    x
}

fn pair<I>(mut it: I) -> (I::Item, I::Item)
where
    I: Iter,
{
    let (_, a) = it.next();
    let (_, b) = it.next();
    (a, b)
}

fn main() {
    let c = Counter { n: 0, end: 5 };
    println!("{}", c.count());
    println!("{}", sum_all(Counter { n: 0, end: 4 }));
    println!("{}", first(Counter { n: 2, end: 9 }));
    let h = Halves { x: 8.0, left: 3 };
    println!("{}", h.last(-1.0));
    let (a, b) = pair(Halves { x: 1.0, left: 5 });
    println!("{} {}", a, b);
    let h2 = Halves { x: 1.0, left: 7 };
    println!("{} {}", h2.count(), Counter { n: 10, end: 12 }.last(0));
    let v: <Counter as Iter>::Item = first(Counter { n: 0, end: 1 });
    println!("{}", v);
}
