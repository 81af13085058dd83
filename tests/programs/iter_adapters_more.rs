// More iterator adapters of the library (library/core/iter/adapters.rs):
// zip, chain, rev (DoubleEndedIterator of ranges, slice iterators, Map),
// take_while, skip_while, filter_map, flat_map, copied, cloned, peekable,
// step_by on any iterator, inspect, and a hand-written check of each.
fn main() {
    let v = [3i32, 1, 4, 1, 5, 9, 2, 6];
    let mut s = 0i32;
    for (a, b) in v.iter().zip(v.iter().skip(1)) {
        s += *a * *b;
    }
    let mut check = 0;
    for i in 0..v.len() - 1 {
        check += v[i] * v[i + 1];
    }
    println!("zip {} {}", s, s == check);
    for x in (0..3).chain(7..9) {
        print!("{} ", x);
    }
    println!();
    for x in (0..5).rev() {
        print!("{} ", x);
    }
    let r = (0..5).rev();
    for x in r.map(|x: i32| x * 10) {
        print!("{} ", x);
    }
    for x in (1..=4).rev().map(|x: i32| x * x).rev() {
        print!("{} ", x);
    }
    println!();
    for x in v.iter().rev() {
        print!("{} ", x);
    }
    println!();
    for x in v.iter().take_while(|x| **x < 5) {
        print!("{} ", x);
    }
    print!("| ");
    for x in v.iter().skip_while(|x| **x < 5) {
        print!("{} ", x);
    }
    println!();
    for x in v.iter().filter_map(|x| if *x % 2 == 0 { Some(*x * 100) } else { None }) {
        print!("{} ", x);
    }
    println!();
    for x in (1..4).flat_map(|n: i32| 0..n) {
        print!("{} ", x);
    }
    println!();
    let c: i32 = v.iter().copied().fold(0, |a, x| a + x);
    let d: i32 = v.iter().cloned().fold(0, |a, x| a + x);
    println!("{} {}", c, d);
    let mut p = v.iter().peekable();
    let mut rises = 0;
    while let Some(x) = p.next() {
        if let Some(n) = p.peek() {
            if **n > *x {
                rises += 1;
            }
        }
    }
    let mut q = (1..10).peekable();
    let small = q.next_if(|x| *x < 5);
    let big = q.next_if(|x| *x > 5);
    println!("rises {} {:?} {:?} {:?}", rises, small, big, q.next());
    for x in (0..20).step_by(6) {
        print!("{} ", x);
    }
    for x in v.iter().step_by(3) {
        print!("{} ", x);
    }
    for x in (0..10).map(|x: i32| x * 2).step_by(4) {
        print!("{} ", x);
    }
    println!();
    let t: i32 = (0..4).inspect(|x| print!("<{}>", x)).fold(0, |a, x| a + x);
    println!(" {}", t);
    println!("{:?} {:?}", (0..10).rev().step_by(4).last(), v.iter().rev().skip(2).next());
}
