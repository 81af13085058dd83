// A failed `let` gives its name an error value: its uses report nothing more.
fn main() {
    let v = missing_value;
    let w = v + 1;
    println!("{}", w.len());
    let k: i64 = v;
    let s: &str = 5;
    println!("{} {}", k, s);
}
