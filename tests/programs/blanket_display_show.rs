//! `impl<T: Display> Show for T`: the blanket's method on number literals
//! (`5.show()` is `i32`'s, `2.5.show()` `f64`'s), typed numbers, strings
//! and a program type with its own `Display`.

use std::fmt;
use std::fmt::Display;

trait Show {
    fn show(&self) -> String;
    fn twice(&self) -> String {
        let s = self.show();
        format!("{s}{s}")
    }
}

impl<T: Display> Show for T {
    fn show(&self) -> String {
        format!("<{}>", self)
    }
}

struct Meters(f32);

impl fmt::Display for Meters {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}m", self.0)
    }
}

fn main() {
    println!("{}", 5.show());
    println!("{}", 2.5.show());
    println!("{}", 7u8.twice());
    println!("{}", "hi".show());
    let s = String::from("abc");
    println!("{}", s.show());
    println!("{}", Meters(1.5).twice());
    println!("{}", (-3i64).show());
}
