// ExactSizeIterator (`len`) and the back of iterators: `rev()` of
// enumerate() and zip() (rustc's: the longer side's extra items are
// dropped), of a mapped slice iterator; comparators over `&&T` items
// (`max_by(|a, b| a.cmp(b))`, `partial_cmp`), checked by hand.
fn main() {
    let a = [1, 2, 3, 4, 5];
    let b = [10, 20, 30];
    for (x, y) in a.iter().zip(b.iter()).rev() {
        print!("{}-{} ", x, y);
    }
    println!();
    for (i, x) in a.iter().enumerate().rev().skip(1) {
        print!("{}:{} ", i, x);
    }
    println!("{} {} {}", a.iter().len(), a.iter().zip(&b).len(), (0..7).len());
    let mut it = a.iter().map(|x| x * 2);
    it.next();
    println!("{} {:?}", it.len(), it.rev().next());
    let v = vec![2.5f32, -1.0, 7.0, 3.0];
    let m = v.iter().cloned().fold(f32::MIN, |a, b| a.max(b));
    let mx = v.iter().max_by(|a, b| a.partial_cmp(b).unwrap());
    let mn = v.iter().copied().min_by(|a, b| a.total_cmp(b));
    println!("{} {:?} {:?}", m, mx, mn);
    let w = [4, 8, 1];
    println!("{:?}", w.iter().max_by(|a, b| a.cmp(b)));
    let idx = v.iter().enumerate().max_by(|a, b| a.1.partial_cmp(b.1).unwrap()).map(|(i, _)| i);
    let n = v.iter().filter(|&&x| x > 0.0).count();
    let s: f32 = v.iter().rev().take(2).sum();
    let mut total = 0;
    for (i, x) in w.iter().enumerate().rev() {
        total = total * 10 + i * x;
    }
    let check = 2 * 1 * 100 + 8 * 10;
    println!("{:?} {} {} {} {}", idx, n, s, total, total == check);
}
