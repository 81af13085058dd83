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

fn report<T: Describe>(x: &T) -> i32 {
    x.describe()
}

struct A;

fn main() {
    println!("{}", report(&A));
}
