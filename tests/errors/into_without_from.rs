struct Fahrenheit(f64);

fn main() {
    let f: Fahrenheit = 5i32.into();
    println!("{}", f.0);
}
