// Slice methods of the library (`impl<T> [T]`) on arrays, slices and Vecs:
// first/last/get/get_mut, contains, swap, fill, reverse, copy_from_slice,
// split_at(_mut), starts_with/ends_with, rotate; checked against loops.
fn main() {
    let mut a = [4, 8, 15, 16, 23, 42];
    println!("{:?} {:?} {:?} {:?}", a.first(), a.last(), a.get(2), a.get(6));
    let empty: [i32; 0] = [];
    println!("{:?} {:?} {}", empty.first(), empty.last(), empty.is_empty());
    if let Some(x) = a.get_mut(1) {
        *x += 100;
    }
    if let Some(x) = a.first_mut() {
        *x = -4;
    }
    if let Some(x) = a.last_mut() {
        *x *= 2;
    }
    println!("mutated: {:?}", &a);
    println!("contains 15: {} contains 7: {}", a.contains(&15), a.contains(&7));
    a.swap(0, 5);
    println!("swapped: {:?}", &a);
    a.reverse();
    println!("reversed: {:?}", &a);
    let s = &mut a[1..5];
    s.reverse();
    println!("inner reversed: {:?}", &a);
    let (l, r) = a.split_at(2);
    println!("left: {:?}", l);
    println!("right: {:?}", r);
    {
        let (l, r) = a.split_at_mut(3);
        l[0] = r[0] + r[1];
        r.fill(7);
    }
    println!("split_at_mut: {:?}", &a);
    let mut b = [0; 6];
    b.copy_from_slice(&a);
    println!("copied equal: {}", b == a);
    b[2..4].copy_from_slice(&[1, 2]);
    println!("partial copy: {:?}", &b);
    println!("starts {} {} ends {} {}", b.starts_with(&[a[0], a[1]]), b.starts_with(&[9]), b.ends_with(&[7, 7]), b.ends_with(&[]));
    b.rotate_left(2);
    println!("rotate_left 2: {:?}", &b);
    b.rotate_right(1);
    println!("rotate_right 1: {:?}", &b);

    // the same methods through a Vec (auto-deref to a slice)
    let mut v = vec![1.5f64, -2.0, 3.25, 0.0];
    v.swap(1, 3);
    v.reverse();
    println!("{:?} first={:?} last={:?}", v, v.first(), v.last());
    let w = v.to_vec();
    v.fill(9.5);
    println!("{:?} {:?} {}", v, w, w.contains(&3.25));

    // self-check against a loop
    let mut c = [0u32; 16];
    for i in 0..16 {
        c[i] = (i as u32 * 37) % 11;
    }
    let mut d = c;
    d.reverse();
    let mut ok = true;
    for i in 0..16 {
        ok &= d[i] == c[15 - i];
    }
    println!("reverse check: {}", ok);
}
