use std::fmt::Write;
fn main() {
    let mut v: Vec<u8> = Vec::new();
    let _ = write!(v, "{}", 3);
}
