#[derive(Clone, Copy)]
struct Vec2<T> {
    x: T,
    y: T,
}

impl<T: Copy> Vec2<T> {
    fn swap(self) -> Vec2<T> {
        Vec2 { x: self.y, y: self.x }
    }
}

impl Vec2<f32> {
    fn len(&self) -> f32 {
        (self.x * self.x + self.y * self.y).sqrt()
    }
    fn unit() -> Self {
        Self { x: 1.0, y: 0.0 }
    }
}

impl Vec2<i32> {
    fn manhattan(&self) -> i32 {
        self.x.abs() + self.y.abs()
    }
}

fn main() {
    let a = Vec2 { x: 3.0f32, y: 4.0 };
    let b = Vec2 { x: -2, y: 7 };
    println!("{} {} {}", a.len(), b.manhattan(), b.swap().x);
    let u = Vec2::<f32>::unit();
    println!("{} {}", u.x, u.swap().len());
}
