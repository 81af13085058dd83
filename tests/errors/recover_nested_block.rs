// An error inside a nested block, and one after the block.
fn main() {
    let n = 4;
    if n > 2 {
        let half: u8 = n as f32;
        println!("{}", half);
    }
    let done: bool = 1;
    println!("{}", done);
}
