// Structs, impl blocks with methods and associated functions, tuples, consts.
const SCALE: f64 = 2.5;
const N: usize = 4;

#[derive(Clone, Copy, Debug)]
struct Vec3 {
    x: f64,
    y: f64,
    z: f64,
}

impl Vec3 {
    fn new(x: f64, y: f64, z: f64) -> Vec3 {
        Vec3 { x, y, z }
    }
    fn dot(&self, o: &Vec3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    fn scale(&mut self, k: f64) {
        self.x *= k;
        self.y *= k;
        self.z *= k;
    }
    fn len(self) -> f64 {
        self.dot(&self).sqrt()
    }
}

struct Particle {
    pos: Vec3,
    id: u32,
    tags: [i16; N],
}

fn min_max(xs: &[i32]) -> (i32, i32) {
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for i in 0..xs.len() {
        lo = lo.min(xs[i]);
        hi = hi.max(xs[i]);
    }
    (lo, hi)
}

fn main() {
    let mut v = Vec3::new(1.0, 2.0, 2.0);
    println!("{} {}", v.len(), v.dot(&Vec3 { x: 1.0, y: 0.0, z: -1.0 }));
    v.scale(SCALE);
    println!("{} {} {}", v.x, v.y, v.z);
    let mut p = Particle { pos: v, id: 7, tags: [0; N] };
    p.tags[2] = -3;
    p.pos.z += 1.0;
    let r = &mut p;
    r.id += 1;
    r.pos.scale(0.5);
    println!("{} {} {} {}", p.id, p.tags[2], p.pos.z, p.pos.len());
    let t = min_max(&[4, -9, 12, 0]);
    println!("{} {}", t.0, t.1);
    let pair = (3u8, 4.5f32);
    println!("{} {}", pair.0, pair.1);
    let arr = [1.5f64, 2.5, 3.0];
    let s: f64 = arr.iter().sum();
    println!("{}", s);
    let _ = min_max(&[1]);
}
