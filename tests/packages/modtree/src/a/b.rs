//! `a::b`, in `a/b.rs`.
pub struct Counter {
    value: i32,
}

impl Counter {
    pub fn new(start: i32) -> Counter {
        Counter { value: start }
    }
    pub fn bump(&mut self) {
        self.value += super::sum_to(2);
    }
    pub fn get(&self) -> i32 {
        self.value
    }
}

pub fn from_m() -> i32 {
    crate::m::twice(super::sum_to(3))
}
