// Ranges as values: the library's ops::Range / RangeInclusive (a..b, a..=b)
// are iterators (generic over its Step trait of the integers), with
// contains/len/is_empty and every Iterator adapter and consumer.
// FIXME(literal inference through bounds): (1..=10).sum::<u32>() and
// (10..13).enumerate() need suffixed literals (rustc infers them).
fn main() {
    let s: u32 = (1..=10u32).sum();
    let sq: u64 = (0..5u64).map(|x| x * x).sum();
    let evens = (0..20).filter(|x| x % 2 == 0).count();
    let r = 3..7;
    println!("{} {} {} {} {} {}", s, sq, evens, r.contains(&5), r.len(), (5..2).is_empty());
    println!("{:?} {:?}", (0..10).position(|x| x * x > 20), (1..4).fold(1, |a, x| a * x));
    let mut it = 0..3;
    println!("{:?} {:?} {:?} {:?}", it.next(), it.next(), it.next(), it.next());
    for (i, x) in (10..13u32).enumerate() { println!("{} {}", i, x); }
    println!("{}", (1..=4).map(|x| x as f64 * 0.5).product::<f64>());
}
