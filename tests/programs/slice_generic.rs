// Slice methods called in generic functions: bounds follow from the
// caller's (`Ord + Copy` gives `Clone` for to_vec), each instance concrete.
fn sorted<T: Ord + Copy>(v: &[T]) -> Vec<T> {
    let mut w = v.to_vec();
    w.sort();
    w
}
fn largest<T: PartialOrd + Copy>(v: &mut [T]) -> T {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    *v.last().unwrap()
}
fn has<T: PartialEq>(v: &[T], x: T) -> bool {
    v.contains(&x)
}
fn main() {
    let v = vec![3u8, 1, 2];
    println!("{:?}", sorted(&v));
    let mut f = [2.5f32, 9.0, -1.0];
    println!("{}", largest(&mut f));
    println!("{}", has(&v, 2));
    let mut m = vec![vec![0.0f32; 3]; 2];
    m[1][2] = 5.0;
    m[0].fill(1.0);
    m[1].swap(0, 2);
    println!("{:?}", m);
}
