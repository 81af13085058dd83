struct Celsius(f64);

impl From<Celsius> for Celsius {
    fn from(c: Celsius) -> Self {
        c
    }
}

fn main() {
    let c = Celsius::from(Celsius(1.0));
    println!("{}", c.0);
}
