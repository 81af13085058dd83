//@ exit-code: 101
//@ stderr: range end index 18446744073709551615 out of range for slice of length 3
// `v.drain(r)` of a `Range<usize>` / `RangeInclusive<usize>` held in a
// variable or returned by a function, inclusive ranges checked as rustc
// does (the end first), and `drain(..=usize::MAX)`'s index panic.

fn middle(n: usize) -> std::ops::Range<usize> {
    n / 4..n - n / 4
}

fn main() {
    let mut v: Vec<i32> = (0..10).collect();
    let r = 2..5;
    let d: Vec<i32> = v.drain(r).collect();
    println!("{:?} {:?}", d, v);
    let ri = 1..=2;
    let d2: Vec<i32> = v.drain(ri).collect();
    println!("{:?} {:?}", d2, v);
    let n = v.len();
    let mid: Vec<i32> = v.drain(middle(n)).collect();
    println!("{:?} {:?}", mid, v);
    let mut w = vec![String::from("a"), String::from("b"), String::from("c"), String::from("d")];
    let first_two: Vec<String> = w.drain(0..=1).collect();
    println!("{:?} {:?}", first_two, w);
    let k = 3;
    let rest: Vec<String> = w.drain(..=k - 3).collect();
    println!("{:?} {:?}", rest, w);
    let mut u = vec![7, 8, 9];
    let empty: Vec<i32> = u.drain(2..=1).collect();
    println!("{:?} {:?}", empty, u);
    u.drain(..=usize::MAX);
    println!("unreachable");
}
