enum Light { Red, Green }
fn main() {
    let l = Light::Yellow;
    match l {
        Light::Red => println!("red"),
        Light::Green => println!("green"),
    }
}
