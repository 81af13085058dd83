// Mutant 26774 of seed 16 (tests/fuzz_front.rs): a refutable `for` pattern; the exhaustiveness
// error's suggestion sliced the source between the desugared match's arms, which are not in
// source order (a panic in lower/exhaust.rs).
struct Countdown {
}
impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
    }
}
fn take_two(it: &mut Countdown) -> u32 {
    for (i, 0) in it.enumerate() {
    }
}
fn main() {
}
