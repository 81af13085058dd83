// A format width or precision of 65535 (the largest rustc accepts) is a
// width, not "none".
fn main() {
    let s = format_lengths();
    println!("{}", s);
}

fn format_lengths() -> i32 {
    print!("{:65535}|", 1);
    println!();
    print!("{:.65535}|", 1.5);
    println!();
    print!("[{:0}] [{:.0}] [{:1}]", 7, 2.5, 8);
    println!();
    3
}
