struct Meter {
    value: u32,
}

impl Meter {
    fn unused_alone(&self) -> u32 { self.value }
    fn new(value: u32) -> Meter {
        Meter { value }
    }
    fn read(&self) -> u32 {
        self.value
    }
}

struct Pair<T> {
    a: T,
    b: T,
}

impl<T: Copy> Pair<T> {
    fn first(&self) -> T { self.a }
    fn second(&self) -> T { self.b }
    fn helper_of_dead(&self) -> T { self.second() }
    fn both(&self) -> (T, T) {
        (self.a, self.b)
    }
}

struct Quiet;

impl Quiet {
    #[allow(dead_code)]
    fn allowed(&self) {}
    pub fn public_one(&self) {}
    fn called(&self) -> u8 {
        7
    }
}

#[allow(dead_code)]
impl Quiet {
    fn in_allowed_impl(&self) {}
}

fn main() {
    let m = Meter::new(3);
    let p = Pair { a: 1u8, b: 2u8 };
    let f: fn(&Quiet) -> u8 = Quiet::called;
    println!("{} {:?} {}", m.read(), p.both(), f(&Quiet));
}
