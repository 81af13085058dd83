use std::ops::Add;
trait Num: Copy + Add<Output = Self> {
    fn one() -> Self;
}
impl Num for i32 {
    fn one() -> i32 { 1 }
}
fn inc<T: Num>(x: T) -> T { x + T::one() }
fn main() { println!("{}", inc(41)); }
