#[derive(Debug, Clone, Copy)]
struct Celsius(f64);

#[derive(Debug, Clone, Copy)]
struct Fahrenheit(f64);

impl From<Celsius> for Fahrenheit {
    fn from(c: Celsius) -> Self {
        Fahrenheit(c.0 * 9.0 / 5.0 + 32.0)
    }
}

fn show(f: Fahrenheit) {
    println!("{:.1}F", f.0);
}

fn convert<T: Into<Fahrenheit>>(t: T) -> f64 {
    t.into().0
}

fn main() {
    let c = Celsius(100.0);
    let f: Fahrenheit = c.into();
    println!("{:?}", f);
    show(Celsius(37.0).into());
    println!("{}", convert(Celsius(-40.0)));
    println!("{}", convert(Fahrenheit(1.0)));
    let x: i64 = 5i32.into();
    println!("{}", x);
    let y: f64 = 2.5f32.into();
    println!("{}", y);
    let same: i32 = i32::from(9);
    println!("{}", same);
    let z = Fahrenheit::from(Fahrenheit(3.0));
    println!("{:?}", z);
    let u: u64 = From::from(7u8);
    println!("{}", u);
}
