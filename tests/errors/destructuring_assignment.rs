// rustc accepts this; hybridc says "not supported yet" (was a false E0070)
fn main() {
    let (mut a, mut b) = (1, 2);
    (a, b) = (b, a);
    println!("{} {}", a, b);
}
