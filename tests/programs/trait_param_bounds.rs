//! Bounds on a trait's own parameters (`trait Scale<T: Copy>`) and impls of
//! the trait at several argument types, used through a generic function.
trait Scale<T: Copy> {
    fn scale(&self, k: T) -> Self;
}

impl Scale<f32> for f32 {
    fn scale(&self, k: f32) -> f32 {
        self * k
    }
}

impl Scale<u32> for f32 {
    fn scale(&self, k: u32) -> f32 {
        self * k as f32 + 0.5
    }
}

#[derive(Debug, Clone, Copy)]
struct V2 {
    x: f32,
    y: f32,
}

impl Scale<f32> for V2 {
    fn scale(&self, k: f32) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}

fn twice<T: Copy, S: Scale<T>>(s: S, k: T) -> S {
    s.scale(k).scale(k)
}

fn main() {
    println!("{}", 2.0f32.scale(3.0f32));
    println!("{}", 2.0f32.scale(3u32));
    println!("{:?}", twice(V2 { x: 1.0, y: -2.0 }, 1.5));
    println!("{}", twice(1.0f32, 2u32));
}
