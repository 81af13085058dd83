fn used() -> u32 {
    1
}

fn never_called() -> u32 {
    only_from_dead()
}

fn only_from_dead() -> u32 {
    2
}

fn as_value(x: u32) -> u32 {
    x * 2
}

fn generic_unused<T: Copy>(t: T) -> T {
    t
}

#[allow(dead_code)]
fn allowed_dead() {}

mod inner {
    fn private_dead() {}
    pub fn called() -> u32 {
        3
    }
}

fn main() {
    let f: fn(u32) -> u32 = as_value;
    println!("{} {} {}", used(), f(2), inner::called());
}
