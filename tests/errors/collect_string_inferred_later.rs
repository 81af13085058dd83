fn show(s: String) {
    println!("{s}");
}

fn main() {
    let s = "abc".chars().rev().collect();
    show(s);
}
