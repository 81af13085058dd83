trait Base {}
trait Other {}

trait Describe {
    fn describe(&self) -> i32;
}

impl<T: Base> Describe for T {
    fn describe(&self) -> i32 {
        1
    }
}

impl<T: Other> Describe for T {
    fn describe(&self) -> i32 {
        2
    }
}

fn main() {}
