macro_rules! e {}
fn main() {
    e!(1);
}
