// Trait objects of `Display` and `Debug` on the host: `&dyn Display`
// parameters, `Box<dyn Display>` in a `Vec` and returned from a function,
// a struct field of one printed from its own `Display` impl, `&dyn Debug`
// of a `Vec` temporary (its lifetime extended by the `let`), a `Vec` of
// `&dyn Debug`, and `format!` of objects.

use std::fmt::{self, Debug, Display};

struct Point {
    x: i32,
    y: i32,
}

impl Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

struct Labeled {
    label: String,
    value: Box<dyn Display>,
}

impl Display for Labeled {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} = {}", self.label, self.value)
    }
}

fn bracket(x: &dyn Display) -> String {
    format!("[{}]", x)
}

fn make(n: i32) -> Box<dyn Display> {
    if n % 2 == 0 {
        Box::new(n * 10)
    } else {
        Box::new(format!("odd {}", n))
    }
}

fn dump(items: &[&dyn Debug]) {
    for (i, it) in items.iter().enumerate() {
        println!("{}: {:?}", i, it);
    }
}

fn main() {
    println!("{} {} {}", bracket(&5), bracket(&"hi"), bracket(&Point { x: 1, y: -2 }));
    let items: Vec<Box<dyn Display>> = vec![Box::new(1), Box::new(2.5), Box::new(String::from("s")), Box::new(Point { x: 3, y: 4 })];
    for it in &items {
        println!("{}", it);
    }
    let joined: Vec<String> = items.iter().map(|b| format!("<{}>", b)).collect();
    println!("{:?}", joined);
    for n in 1..5 {
        print!("{} ", make(n));
    }
    println!();
    let l = Labeled { label: String::from("pi"), value: Box::new(3.14159) };
    println!("{}", l);
    let d: &dyn Debug = &vec![1, 2, 3];
    println!("{:?}", d);
    let opt = Some("x");
    let halves = vec![0.5];
    let all: Vec<&dyn Debug> = vec![&1u8, &"q", &opt, &(2, 'c'), &halves];
    dump(&all);
    let s = format!("{}|{:?}", items[3], d);
    println!("{}", s);
}
