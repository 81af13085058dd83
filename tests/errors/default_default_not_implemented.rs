struct P {
    x: i32,
}

fn main() {
    let p: P = Default::default();
    let _ = p.x;
}
