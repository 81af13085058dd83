fn main() {
    let c = 'q';
    match c {
        'a'..='z' => println!("lower"),
        'A'..='Z' => println!("upper"),
    }
}
