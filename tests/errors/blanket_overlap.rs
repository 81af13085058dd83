trait Base {
    fn id(&self) -> i32;
}

trait Describe {
    fn describe(&self) -> i32;
}

impl<T: Base> Describe for T {
    fn describe(&self) -> i32 {
        self.id()
    }
}

struct A;

impl Base for A {
    fn id(&self) -> i32 {
        1
    }
}

impl Describe for A {
    fn describe(&self) -> i32 {
        2
    }
}

fn main() {
    println!("{}", A.describe());
}
