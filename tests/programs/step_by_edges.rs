// step_by at the edges (issue 16): the usize step is not truncated to the range's
// type, no early stop when end - start overflows a signed type, nth of ranges in O(1).
fn main() {
    let a: Vec<u8> = (0u8..255).step_by(300).collect();
    let b: Vec<u8> = (0u8..=255).step_by(256 + 100).collect();
    let c: Vec<i8> = (-128i8..=127).step_by(255).collect();
    let d: Vec<i64> = (i64::MIN..i64::MAX).step_by(usize::MAX / 2).collect();
    let e: Vec<i8> = (-100i8..100).rev().step_by(60).collect();
    let f: Vec<u16> = (10u16..=20).step_by(3).collect();
    let g: Vec<i32> = (0..10).step_by(4).map(|x| x * 2).collect();
    let h: Vec<u8> = (250u8..=255).step_by(2).collect();
    let i: i32 = (-5..=5).step_by(5).sum();
    println!("{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}", a, b, c, d, e, f, g, h, i);
    for x in (0u64..u64::MAX).step_by(usize::MAX) { println!("{}", x); }
    for x in (250u8..=255).step_by(2) { println!("{}", x); }
    for x in (-3i32..=3).step_by(3) { println!("{}", x); }
    for i in (-100i8..100).step_by(50) { println!("{}", i); }
    for i in (0u8..=255).step_by(300) { println!("{}", i); }
    for i in (0u8..255).step_by(256 + 100) { println!("{}", i); }
    for i in (-128i8..=127).step_by(255) { println!("{}", i); }
    for i in (i64::MIN..i64::MAX).step_by(usize::MAX / 2) { println!("{}", i); }
    let mut r = -100i8..100;
    println!("{} {:?} {:?} {:?}", r.len(), r.nth(150), r.nth(48), r.nth(0));
    let mut q = 0u8..=255;
    println!("{:?} {:?} {:?}", q.nth(255), q.nth(0), (0u8..=255).nth(256));
}
