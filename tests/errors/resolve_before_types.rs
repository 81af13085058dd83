fn scale(x: f32) -> f32 {
    x.frobnicate()
}

fn main() {
    let total = 0;
    total = 2;
    println!("{}", total + undefined);
    let s = scale(1.0);
    println!("{}", s);
}
