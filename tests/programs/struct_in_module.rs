// A struct with methods defined in one module and used from another
// module and from main: associated functions, `&self`/`&mut self` methods,
// a struct of another module as a field, types named by paths.
mod geom {
    #[derive(Clone, Copy)]
    pub struct Vec2 {
        pub x: f32,
        pub y: f32,
    }

    impl Vec2 {
        pub fn new(x: f32, y: f32) -> Vec2 {
            Vec2 { x, y }
        }
        pub fn dot(&self, o: &Vec2) -> f32 {
            self.x * o.x + self.y * o.y
        }
        pub fn scale(&mut self, k: f32) {
            self.x = self.x * k;
            self.y = self.y * k;
        }
        pub fn len2(&self) -> f32 {
            self.squared()
        }
        fn squared(&self) -> f32 {
            self.dot(self)
        }
    }
}

mod physics {
    use crate::geom::Vec2;

    pub struct Body {
        pub pos: Vec2,
        pub vel: super::geom::Vec2,
    }

    impl Body {
        pub fn step(&mut self, dt: f32) {
            self.pos = Vec2::new(self.pos.x + self.vel.x * dt, self.pos.y + self.vel.y * dt);
        }
    }

    pub fn energy(b: &Body) -> f32 {
        0.5 * b.vel.len2()
    }
}

fn main() {
    let mut v = geom::Vec2::new(3.0, 4.0);
    println!("len2 = {}", v.len2());
    v.scale(0.5);
    println!("scaled = ({}, {})", v.x, v.y);
    let mut b = physics::Body { pos: geom::Vec2::new(0.0, 0.0), vel: v };
    let mut i = 0;
    while i < 4 {
        b.step(0.25);
        i += 1;
    }
    println!("pos = ({}, {})", b.pos.x, b.pos.y);
    println!("energy = {}", physics::energy(&b));
    println!("dot = {}", b.pos.dot(&b.vel));
}
