struct Buf {
    v: [f64; 4],
}

trait FromF64 {
    fn from_f64(x: f64) -> Self;
}

impl FromF64 for f32 {
    fn from_f64(x: f64) -> f32 {
        x as f32
    }
}

impl FromF64 for i64 {
    fn from_f64(x: f64) -> i64 {
        x as i64
    }
}

impl Buf {
    fn get<T: FromF64>(&self, i: usize) -> T {
        T::from_f64(self.v[i])
    }
}

fn main() {
    let b = Buf { v: [1.5, 2.25, -3.75, 8.0] };
    let x = b.get::<f32>(1);
    let y: i64 = b.get(2);
    println!("{} {} {}", x, y, b.get::<i64>(3));
}
