trait Shape {
    fn area(&self) -> f32;
    fn name(&self) -> &str {
        "shape"
    }
    fn scale(&mut self, k: f32);
}

struct Circle {
    r: f32,
}

struct Rect {
    w: f32,
    h: f32,
}

impl Shape for Circle {
    fn area(&self) -> f32 {
        3.0 * self.r * self.r
    }
    fn name(&self) -> &str {
        "circle"
    }
    fn scale(&mut self, k: f32) {
        self.r *= k;
    }
}

impl Shape for Rect {
    fn area(&self) -> f32 {
        self.w * self.h
    }
    fn scale(&mut self, k: f32) {
        self.w *= k;
        self.h *= k;
    }
}

fn describe(s: &dyn Shape) -> f32 {
    println!("{} with area {}", s.name(), s.area());
    s.area()
}

fn grow(s: &mut dyn Shape, k: f32) {
    s.scale(k);
}

fn main() {
    let c = Circle { r: 2.0 };
    let mut r = Rect { w: 3.0, h: 4.0 };
    let total = describe(&c) + describe(&r);
    println!("total {}", total);
    grow(&mut r, 2.0);
    let s: &dyn Shape = &r;
    println!("{} {}", s.name(), s.area());
    let shapes: [&dyn Shape; 2] = [&c, &r];
    let mut sum = 0.0;
    for s in shapes.iter() {
        sum += s.area();
    }
    println!("sum {}", sum);
}
