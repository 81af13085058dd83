trait Real: Copy {
    const ZERO: Self;
    const ONE: Self;
    fn twice(self) -> Self;
}

impl Real for f32 {
    const ONE: f32 = 1.0;
    fn twice(self) -> f32 {
        self * 2.0
    }
}

fn main() {
    println!("{}", f32::ONE.twice());
}
