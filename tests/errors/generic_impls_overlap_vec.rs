trait Tr {
    fn f(&self);
}

impl<T> Tr for Vec<T> {
    fn f(&self) {}
}

impl<U: Copy> Tr for Vec<U> {
    fn f(&self) {}
}

fn main() {}
