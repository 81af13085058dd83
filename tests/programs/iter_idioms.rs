// Everyday iterator idioms: zip with iter_mut, collect of a reversed range,
// enumerate+filter over tuple patterns, skip+step_by+copied+collect,
// rposition, rfind and rfold (DoubleEndedIterator), compared with rustc.
fn main() {
    let x = vec![1.0f32, 2.0, 3.0, 4.0];
    let mut y = vec![0.0f32; 4];
    for (a, b) in x.iter().zip(y.iter_mut()) { *b = *a * 2.0; }
    let r: Vec<usize> = (0..5).rev().collect();
    let ev: f32 = x.iter().enumerate().filter(|(i, _)| i % 2 == 0).map(|(_, v)| v).sum();
    let sk: Vec<f32> = x.iter().skip(1).step_by(2).copied().collect();
    let mut z = [0u32; 4];
    for (i, v) in z.iter_mut().enumerate() { *v = (i * i) as u32; }
    let pos = z.iter().rposition(|&v| v < 5);
    println!("{} {} {} {} {} {:?}", y[3], r[0], ev, sk[1], z[3], pos);
    let mut check = 0.0f32;
    for i in (0..4).step_by(2) {
        check += x[i];
    }
    println!("ok={}", ev == check && y.iter().zip(x.iter()).all(|(b, a)| *b == 2.0 * a));
    more();
}
fn more() {
    let z = [0u32, 1, 4, 9];
    println!("{:?} {:?} {}", z.iter().rfind(|v| **v < 5), (0..10).rfind(|v| v % 3 == 0), z.iter().rfold(0, |a, v| a * 10 + v));
}
