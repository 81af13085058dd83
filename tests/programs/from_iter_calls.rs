use std::iter::FromIterator;

fn letters(n: u8) -> String {
    String::from_iter((0..n).map(|i| (b'a' + i) as char))
}

fn main() {
    let s = String::from_iter(vec!['h', 'i']);
    println!("{}", s);
    let words = String::from_iter(["x", "y", "z"].iter().copied());
    println!("{}", words);
    let owned = String::from_iter(vec![String::from("ab"), String::from("cd")]);
    println!("{} {}", owned, owned.len());
    println!("{}", letters(5));
    let v: Vec<i32> = Vec::from_iter(1..4);
    println!("{:?}", v);
    let w: Vec<i32> = Vec::from_iter(vec![1, 2].into_iter().map(|x| x * 10));
    println!("{:?} {}", w, w.len());
    let named = <String as FromIterator<char>>::from_iter("rev".chars().rev());
    println!("{}", named);
    let t: String = FromIterator::from_iter(vec!['o', 'k']);
    println!("{}", t);
    let u: Vec<f64> = FromIterator::from_iter(v.iter().map(|&x| x as f64 / 2.0));
    println!("{:?}", u);
}
