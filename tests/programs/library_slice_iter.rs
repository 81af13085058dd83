// s.iter() of slices, arrays and Vecs: the library's slice::Iter, with the
// Iterator adapters and for. FIXME(closure parameters from projections):
// closures over its items need their parameter types written (|x: &u32|).
fn main() {
    let v = vec![1.5f32, 2.5, 3.0];
    let a = [4u32, 5, 6, 7];
    let s: &[u32] = &a[1..];
    println!("{} {} {}", v.iter().sum::<f32>(), a.iter().count(), s.iter().count());
    for (i, x) in v.iter().enumerate() { println!("{} {}", i, x); }
    for x in s.iter() { print!("{} ", x); }
    println!();
    let big = a.iter().filter(|x: &&u32| **x > 4).count();
    let doubled: u32 = a.iter().map(|x: &u32| *x * 2).sum();
    println!("{} {} {:?}", big, doubled, a.iter().position(|x: &u32| *x == 6));
    let r = &v;
    println!("{:?} {:?}", r.iter().last(), r.iter().nth(1));
}
