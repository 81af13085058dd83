mod shapes {
    struct Point {
        x: f32,
    }
}

fn main() {
    let p = shapes::Point { x: 1.0 };
}
