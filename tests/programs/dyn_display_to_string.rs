use std::fmt;
struct P(i32, i32);
impl fmt::Display for P {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.0, self.1)
    }
}
fn show(d: &dyn fmt::Display) -> String {
    d.to_string()
}
fn main() {
    let p = P(1, 2);
    let d: &dyn fmt::Display = &p;
    println!("{}", d.to_string());
    println!("[{}]", show(&7));
    let b: Box<dyn fmt::Display> = Box::new(P(3, 4));
    let s = b.to_string();
    println!("{} {}", s, s.len());
    println!("[{:>8}]", d);
    println!("[{:<8}]", b);
    let items: Vec<Box<dyn fmt::Display>> = vec![Box::new(5), Box::new("hi"), Box::new(P(0, 9))];
    for it in &items {
        println!("[{:>6}]", it);
    }
    let joined: Vec<String> = items.iter().map(|x| x.to_string()).collect();
    println!("{}", joined.join("|"));
}
