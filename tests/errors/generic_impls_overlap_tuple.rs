trait Tr<A> {
    fn f(&self, a: A);
}

impl<T> Tr<T> for (T, T) {
    fn f(&self, _a: T) {}
}

impl<T: Clone> Tr<T> for (T, T) {
    fn f(&self, _a: T) {}
}

fn main() {}
