struct Mat<const R: usize, const C: usize> {
    d: [[f32; C]; R],
}

impl<const R: usize, const C: usize> Mat<R, C> {
    fn new() -> Self {
        Mat { d: [[0.0; C]; R] }
    }
}

fn main() {
    let m: Mat<2> = Mat::new(); println!("{}", m.d.len());
}
