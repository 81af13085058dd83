trait Shape {
    type Out;
    fn area(&self) -> Self::Out;
}

fn total<S: Shape<Output = f32>>(s: &S) -> f32 {
    s.area()
}

fn main() {}
