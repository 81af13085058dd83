// An unknown name and a type error in one body.
fn main() {
    let total = 10;
    let scaled = totl * 2;
    let label: u32 = "total";
    println!("{} {} {}", total, scaled, label);
}
