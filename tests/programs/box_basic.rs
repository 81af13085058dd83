struct Point {
    x: f64,
    y: f64,
}

impl Point {
    fn norm2(&self) -> f64 {
        self.x * self.x + self.y * self.y
    }
    fn scale(&mut self, k: f64) {
        self.x *= k;
        self.y *= k;
    }
}

struct Noisy {
    name: &'static str,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn make(n: i32) -> Box<i32> {
    Box::new(n * 10)
}

fn total(v: &[Box<i32>]) -> i32 {
    let mut s = 0;
    for b in v {
        s += **b;
    }
    s
}

fn main() {
    let b = Box::new(5);
    println!("{} {}", *b, *b + 1);
    let mut c = Box::new(7u64);
    *c += 3;
    *c = *c * 2;
    println!("{}", c);
    let mut p = Box::new(Point { x: 3.0, y: 4.0 });
    println!("{} {} {}", p.x, p.y, p.norm2());
    p.scale(2.0);
    p.x += 1.0;
    println!("{} {} {}", p.x, p.y, p.norm2());
    let bb = Box::new(Box::new(41));
    println!("{}", **bb + 1);
    let mut v: Vec<Box<i32>> = Vec::new();
    for i in 1..5 {
        v.push(make(i));
    }
    println!("{}", total(&v));
    println!("{:?}", v);
    {
        let _n = Box::new(Noisy { name: "inner" });
        println!("in scope");
    }
    let moved = Box::new(Noisy { name: "moved" });
    let keep = moved;
    println!("moved {}", keep.name);
    let s = Box::new(String::from("boxed string"));
    println!("{} {}", s, s.len());
    let cl = b.clone();
    println!("{}", cl);
    let r: &i32 = &b;
    println!("{}", r);
    println!("end");
}
