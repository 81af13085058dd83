//! Generic impls of generic traits for builtin shapes (`impl<T> Scale<T> for Vec<T>`, for `(T, T)`, `&'a [T]`, `&'a T`): method calls, `Trait::f(..)`, two impls for `Vec<T>` chosen by the trait argument, and bounds of generic functions.
trait Scale<F> {
    fn scaled(&self, by: F) -> Self;
}

impl<T: Copy + std::ops::Mul<Output = T>> Scale<T> for Vec<T> {
    fn scaled(&self, by: T) -> Self {
        let mut out = Vec::new();
        for x in self {
            out.push(*x * by);
        }
        out
    }
}

impl<T: Copy + std::ops::Mul<Output = T>> Scale<T> for (T, T) {
    fn scaled(&self, by: T) -> Self {
        (self.0 * by, self.1 * by)
    }
}

trait Holds<T> {
    fn holds(&self, x: &T) -> bool;
}

impl<'a, T: PartialEq> Holds<T> for &'a [T] {
    fn holds(&self, x: &T) -> bool {
        self.iter().any(|y| y == x)
    }
}

impl<'a, T: PartialEq> Holds<T> for &'a T {
    fn holds(&self, x: &T) -> bool {
        *self == x
    }
}

trait Tag<K> {
    fn tag(&self, key: K) -> String;
}

impl<T: std::fmt::Debug> Tag<i32> for Vec<T> {
    fn tag(&self, key: i32) -> String {
        format!("#{key} {:?}", self)
    }
}

impl<T: std::fmt::Debug> Tag<bool> for Vec<T> {
    fn tag(&self, key: bool) -> String {
        format!("{key}: {} items", self.len())
    }
}

fn twice<T: Copy, S: Scale<T>>(s: &S, by: T) -> S {
    s.scaled(by).scaled(by)
}

fn main() {
    let v = vec![1, 2, 3];
    println!("{:?}", v.scaled(10));
    println!("{:?}", Scale::scaled(&v, 2));
    let w: Vec<f64> = vec![0.5, 1.5];
    println!("{:?}", w.scaled(2.0));
    println!("{:?}", (3, 4).scaled(3));
    println!("{:?}", (1.5f32, 2.0f32).scaled(2.0));
    println!("{}", (&v[..]).holds(&2));
    println!("{}", (&v[1..]).holds(&1));
    let r = &5;
    println!("{}", r.holds(&5));
    println!("{}", v.tag(7));
    println!("{}", v.tag(true));
    println!("{}", Tag::tag(&w, false));
    println!("{:?}", twice(&v, 3));
    println!("{:?}", twice(&(1, 2), 5));
}
