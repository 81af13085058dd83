//! Blanket impls over iterators with associated types (`type Out = I::Item;`)
//! and methods found on library iterator instances whose item is still an
//! integer variable.

trait FirstOr {
    type Out;
    fn first_or(self, d: Self::Out) -> Self::Out;
}

impl<I: Iterator> FirstOr for I {
    type Out = I::Item;
    fn first_or(mut self, d: Self::Out) -> Self::Out {
        match self.next() {
            Some(x) => x,
            None => d,
        }
    }
}

trait CountBy {
    fn count_by(self, step: usize) -> usize;
}

impl<I: Iterator> CountBy for I {
    fn count_by(self, step: usize) -> usize {
        let mut n = 0;
        for _ in self {
            n += step;
        }
        n
    }
}

fn main() {
    let v = vec![3, 4, 5];
    println!("{}", v.iter().copied().first_or(9));
    let e: Vec<i32> = Vec::new();
    println!("{}", e.into_iter().first_or(7));
    let words = vec!["a", "bb"];
    println!("{}", words.iter().map(|w| w.len()).first_or(0));
    let f: f64 = vec![2.5f64].into_iter().first_or(1.0);
    println!("{}", f);
    println!("{}", v.iter().count_by(2));
    println!("{}", (0..4).count_by(3));
    println!("{}", v.iter().filter(|x| **x > 3).count_by(1));
}
