//! One closure in a generic function, collected in three instances: each
//! instance's closure type is its own (`{closure@.. in pairs::<f64>}`).
fn pairs<T: Copy + std::fmt::Debug>(t: T) -> Vec<(i32, T)> {
    (0..3).map(|i| (i, t)).collect::<Vec<_>>()
}

fn tagged<T: Copy>(items: &[T], tag: u8) -> Vec<(u8, T)> {
    items.iter().map(|&x| (tag, x)).collect()
}

fn main() {
    println!("{:?}", pairs(1.5f64));
    println!("{:?}", pairs(7u8));
    println!("{:?}", pairs('x'));
    println!("{:?}", tagged(&[1i64, 2], 9));
    println!("{:?}", tagged(&[true], 1));
}
