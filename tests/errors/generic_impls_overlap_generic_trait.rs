struct S<T>(T);

trait Tr<A> {
    fn f(&self, a: A);
}

impl<T> Tr<T> for S<T> {
    fn f(&self, _a: T) {}
}

impl<U: Copy> Tr<U> for S<U> {
    fn f(&self, _a: U) {}
}

fn main() {}
