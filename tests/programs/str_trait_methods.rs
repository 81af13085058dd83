//! `cmp`, `partial_cmp`, `eq`, `lt`, .. of `&str` values without the `&` (rustc's `Self` is `str`),
//! with `&&str` and `&String` arguments (deref coercions), and `max`/`min`/`sort` of `&str`s.
use std::cmp::Ordering;

fn largest<'a>(words: &[&'a str]) -> &'a str {
    let mut best = words[0];
    for w in words {
        if w.cmp(&best) == Ordering::Greater {
            best = w;
        }
    }
    best
}

fn order<T: Ord>(a: &T, b: &T) -> Ordering {
    a.cmp(b)
}

fn main() {
    let a: &str = "apple";
    let b: &str = "banana";
    println!("{:?}", a.cmp(b));
    println!("{:?}", b.cmp(a));
    println!("{:?}", a.cmp(a));
    println!("{:?}", a.partial_cmp(b));
    println!("{}", a.eq(b));
    println!("{}", a.ne(b));
    println!("{}", a.lt(b));
    println!("{}", a.le(a));
    println!("{}", a.gt(b));
    println!("{}", b.ge(a));
    println!("{:?}", a.cmp(&b));
    println!("{:?}", b.cmp(&&a));
    println!("{}", a.max(b));
    println!("{}", a.min(b));
    println!("{}", "pear".clamp("apple", "banana"));
    let mut v = vec!["pear", "fig", "apple", "kiwi"];
    v.sort();
    println!("{:?}", v);
    v.sort_by(|x, y| y.cmp(x));
    println!("{:?}", v);
    println!("{:?}", v.iter().max());
    println!("{:?}", v.iter().min());
    println!("{}", largest(&v));
    println!("{:?}", order(&a, &b));
    let s = String::from("fig");
    println!("{:?}", s.as_str().cmp("fig"));
    println!("{:?}", "figs".cmp(&s));
    println!("{}", a.eq(&s));
    println!("{}", s.eq(a));
    println!("{}", s.ne(&a));
    println!("{}", std::cmp::max("x", "y"));
}
