trait Iter {
    type Item;
    fn next(&mut self) -> Self::Item;
}

fn first<I: Iter>(it: &mut I) -> I::Elem {
    it.next()
}

fn main() {}
