enum Mode {
    Fast,
    Slow,
}
fn main() {}
