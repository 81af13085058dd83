// A width in `{}` of a `&dyn Display`: the object's `fmt` ignores the spec
// in hybridc, so it is "not supported yet" (rustc pads the value).

use std::fmt::Display;

fn main() {
    let x: &dyn Display = &42;
    println!("{:>6}|", x);
}
