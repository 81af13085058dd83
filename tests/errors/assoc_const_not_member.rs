trait Real: Copy {
    const ZERO: Self;
}

impl Real for f32 {
    const ZERO: f32 = 0.0;
    const TWO: f32 = 2.0;
}

fn main() {
    println!("{}", f32::ZERO);
}
