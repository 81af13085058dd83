// x.iter_mut() of slices, arrays and Vecs: the library's slice::IterMut
// (items &mut T), with for and enumerate.
fn scale(v: &mut [f32], k: f32) {
    for x in v.iter_mut() {
        *x *= k;
    }
}
fn main() {
    let mut v = vec![1.0f32, 2.0, 3.0];
    scale(&mut v, 2.0);
    let mut a = [1u32, 2, 3, 4];
    for (i, x) in a.iter_mut().enumerate() {
        *x += i as u32 * 10;
    }
    let s = &mut a[1..];
    for x in s.iter_mut() {
        *x = *x * 2;
    }
    let n = v.iter_mut().count();
    println!("{} {} {} {:?} {}", v[0], v[1], v[2], a, n);
}
