struct V {
    x: f32,
}

fn main() {
    let a = V { x: 1.0 };
    let d = -a;
}
