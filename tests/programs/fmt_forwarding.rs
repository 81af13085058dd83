use std::fmt;
struct W(i32);
struct V(W);
impl fmt::Display for W {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { self.0.fmt(f) }
}
impl fmt::Display for V {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { fmt::Display::fmt(&self.0, f) }
}
fn main() {
    println!("[{:>5}] [{:<4}] [{}]", W(3), V(W(4)), W(5));
}
