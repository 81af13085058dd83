fn stop(x: u32) -> u32 {
    if x > 3 {
        return 1;
    }
    panic!("no");
    let y = x + 1;
    y
}

fn main() {
    println!("{}", stop(5));
    return;
    let z = 3;
    println!("{}", z);
}
