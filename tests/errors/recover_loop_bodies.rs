// Errors in the bodies of a `for` loop and a `while` loop.
fn main() {
    let mut sum = 0u64;
    for i in 0..10u64 {
        sum += i;
        let bad: i8 = i;
        println!("{}", bad);
    }
    let mut k = 0;
    while k < 3 {
        k += 1;
        let flag: bool = k;
        println!("{}", flag);
    }
    println!("{}", sum);
}
