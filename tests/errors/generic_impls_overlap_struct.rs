struct W<T>(T);

trait Show {
    fn show(&self) -> i32;
}

impl<T> Show for W<T> {
    fn show(&self) -> i32 {
        1
    }
}

impl<T: Copy> Show for W<T> {
    fn show(&self) -> i32 {
        2
    }
}

fn main() {}
