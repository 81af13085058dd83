//! `<`, `<=`, `==`, `cmp` and `max` on `&str` (byte-lexicographic, as rustc's `impl Ord for str`).
use std::cmp::Ordering;

fn smallest<'a>(words: &[&'a str]) -> &'a str {
    let mut best = words[0];
    for &w in words {
        if w < best {
            best = w;
        }
    }
    best
}

fn main() {
    let a = "apple";
    let b = "banana";
    println!("{} {} {} {}", a < b, a == b, "x" >= "w", "ab" <= "abc");
    println!("{} {}", "" < "a", "Zebra" < "apple");
    let s = String::from("abc");
    println!("{}", s.as_str() < "abd");
    println!("{:?} {:?} {:?}", a.cmp(&b), b.cmp(&a), "same".cmp(&"same"));
    println!("{:?}", "é".partial_cmp(&"z"));
    println!("{}", smallest(&["pear", "fig", "kiwi", "date"]));
    let mut words = vec!["delta", "alpha", "charlie", "bravo", "al"];
    words.sort();
    println!("{:?}", words);
    let longest_last = std::cmp::max("abc", "abd");
    println!("{}", longest_last);
    match "m".cmp(&"n") {
        Ordering::Less => println!("less"),
        _ => println!("not less"),
    }
}
