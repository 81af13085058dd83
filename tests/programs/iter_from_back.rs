// DoubleEndedIterator of filter, filter_map, chain (its back is the second
// iterator, then the first), inspect and cloned; ExactSizeIterator of take
// and skip; compared with rustc.
fn main() {
    let v = [1, 2, 3, 4, 5, 6];
    let a: Vec<i32> = v.iter().filter(|x| **x % 2 == 0).rev().cloned().collect();
    let b: Vec<i32> = (0..3).chain(10..13).rev().collect();
    let c: Vec<i32> = v.iter().filter_map(|&x| if x > 3 { Some(x * 10) } else { None }).rev().collect();
    let d: Vec<i32> = v.iter().cloned().rev().inspect(|x| print!("{} ", x)).take(2).collect();
    println!();
    let mut ch = (0..2).chain(5..7);
    println!("{:?} {:?} {:?} {:?} {:?}", ch.next_back(), ch.next(), ch.next_back(), ch.next_back(), ch.next_back());
    println!("{} {} {} {} {} {} {}", a[0], b[0], b[5], c[0], d[1], v.iter().take(4).len(), v.iter().skip(4).len());
}
