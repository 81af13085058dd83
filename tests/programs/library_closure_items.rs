// Closures over iterator items without written parameter types: the
// bound's argument (a projection such as <slice::Iter<f32> as Iterator>::Item)
// is solved before the closure's body is checked.
// FIXME(closure parameters from projections): x * 2.0 with x: &f32 (no
// explicit deref) and tuple-pattern parameters |(i, x)| still need types.
fn main() {
    let v = vec![1.5f32, 2.5, 3.0];
    let a = [4u32, 5, 6, 7];
    let big = a.iter().filter(|x| **x > 4).count();
    let doubled: u32 = a.iter().map(|x| *x * 2).sum();
    let total: f32 = v.iter().map(|x| *x * 2.0).sum();
    println!("{} {} {} {:?}", big, doubled, total, a.iter().position(|x| *x == 6));
    println!("{}", v.iter().fold(0.0, |acc, x| acc + *x));
}
