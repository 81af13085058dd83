// `use` forms: a glob, a rename, a group with `self` and a nested path,
// `pub use` re-exports (also through a glob), `use` of a const and of a
// std path, imports at module level.
use std::f32::consts::PI;

mod math {
    pub mod ops {
        pub fn add(a: i32, b: i32) -> i32 {
            a + b
        }
        pub fn mul(a: i32, b: i32) -> i32 {
            a * b
        }
        pub const SEVEN: i32 = 7;
    }

    pub mod trig {
        pub fn circle_area(r: f32) -> f32 {
            super::super::PI * r * r
        }
    }

    // re-exports: `math::add` is `math::ops::add`
    pub use self::ops::add;
    pub use self::trig::circle_area as area;
}

mod prelude {
    pub use crate::math::ops::*;
    pub use crate::math::area;
}

mod user {
    use super::math::{self, ops::mul, trig};
    use crate::prelude::*;

    pub fn compute() -> i32 {
        // `math` from the group's `self`, `mul` from `ops::mul`, `add` and
        // `SEVEN` from the glob of the prelude
        math::add(mul(2, 3), add(SEVEN, 1))
    }

    pub fn area_ratio() -> f32 {
        trig::circle_area(2.0) / area(1.0)
    }
}

use math::ops::add as plus;
use math::{add, ops};

fn main() {
    println!("plus(2, 3) = {}", plus(2, 3));
    println!("add(4, 5) = {}", add(4, 5));
    println!("ops::mul(6, 7) = {}", ops::mul(6, 7));
    println!("ops::SEVEN = {}", ops::SEVEN);
    println!("user::compute() = {}", user::compute());
    println!("area(1.5) = {:.4}", math::area(1.5));
    println!("ratio = {:.3}", user::area_ratio());
    println!("prelude::mul = {}", prelude::mul(3, 3));
}
