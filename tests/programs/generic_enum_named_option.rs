// A program's own `Option` (declared in a module, as a standard library
// written in Rust would declare it) and its variants imported by `use`.
mod lib {
    #[derive(Debug, Clone, Copy)]
    pub enum Option<T> {
        None,
        Some(T),
    }
    pub use self::Option::*;

    impl<T> Option<T> {
        pub fn unwrap_or(self, d: T) -> T {
            match self {
                Some(v) => v,
                None => d,
            }
        }
        pub fn is_some(&self) -> bool {
            matches!(self, Some(_))
        }
    }
}

use lib::Option;
use lib::{None, Some};

fn half(x: i32) -> Option<i32> {
    if x % 2 == 0 { Some(x / 2) } else { None }
}

fn main() {
    let n: Option<u8> = None;
    println!("{:?} {:?} {} {:?}", half(4), half(3), half(5).unwrap_or(-1), n);
    let m = None::<f32>;
    let k = Option::Some(2.5f64);
    println!("{:?} {:?} {} {}", m, k, k.is_some(), m.is_some());
}
