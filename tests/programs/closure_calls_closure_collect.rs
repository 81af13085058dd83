//! `.map(|x| cl(x)).collect()`: a closure calling a captured closure, and closures
//! capturing locals, collected (once false E0282s: the receiver's trial lowering
//! made a second closure type of the same name).
fn main() {
    let v = vec![1i32, 2, 3, 4];
    let cl = |x: i32| -> i32 { x * 2 + 1 };
    let w = v.iter().map(|&x| cl(x)).collect::<Vec<_>>();
    println!("{:?}", w);
    let k = 3;
    let scaled = v.iter().map(|&x| x * k).collect::<Vec<_>>();
    println!("{:?}", scaled);
    let m = move |x: u8| -> u8 { x.wrapping_mul(7) };
    let bytes: Vec<u8> = (0..6u8).map(|x: u8| m(x)).rev().collect();
    println!("{:?}", bytes);
    let nested: Vec<i32> = v.iter().map(|&x| cl(cl(x)) - k).filter(|&y| y > 5).collect();
    println!("{:?}", nested);
    let total: i32 = v.iter().map(|&x| cl(x)).sum();
    println!("{}", total);
}
