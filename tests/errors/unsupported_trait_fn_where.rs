trait Make {
    fn make<T>(x: T) -> Self
    where
        T: Copy;
}

struct S;

impl Make for S {
    fn make<T>(_x: T) -> S
    where
        T: Copy,
    {
        S
    }
}

fn main() {
    let _s: S = Make::make(1);
}
