//! A package whose modules live in files: `m.rs`, `a/mod.rs` with `a/b.rs`,
//! and `c.rs` with `c/d.rs`.
mod a;
mod c;
mod m;

use a::b::Counter;

fn main() {
    println!("m::twice(21) = {}", m::twice(21));
    println!("a::sum_to(10) = {}", a::sum_to(10));
    let mut k = Counter::new(5);
    k.bump();
    k.bump();
    println!("counter = {}", k.get());
    println!("c::d::LIMIT = {}", c::d::LIMIT);
    println!("c::clamp(99) = {}", c::clamp(99));
    println!("a::b::from_m() = {}", a::b::from_m());
}
