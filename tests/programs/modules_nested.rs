// Nested inline modules: private by default, `pub`, `pub(crate)`,
// `pub(super)`, `pub(in path)`, and `self::`, `super::`, `crate::` paths.
const BASE: i32 = 100;

fn root_helper(x: i32) -> i32 {
    x + 1
}

mod outer {
    pub const SCALE: i32 = 3;

    fn private_double(x: i32) -> i32 {
        x * 2
    }

    pub fn api(x: i32) -> i32 {
        // a private item is visible in its own module and its descendants
        self::private_double(x) + inner::deep::leaf(x)
    }

    pub mod inner {
        pub(crate) fn crate_visible(x: i32) -> i32 {
            super::private_double(x) + crate::BASE
        }

        pub(super) fn for_outer_only(x: i32) -> i32 {
            x - 1
        }

        pub mod deep {
            pub(in crate::outer) fn leaf(x: i32) -> i32 {
                super::super::SCALE * x + crate::root_helper(0)
            }

            pub fn from_deep() -> i32 {
                super::for_outer_only(10) + super::super::private_double(5)
            }
        }
    }

    pub fn uses_inner() -> i32 {
        inner::for_outer_only(7)
    }
}

fn main() {
    println!("api(4) = {}", outer::api(4));
    println!("crate_visible(5) = {}", outer::inner::crate_visible(5));
    println!("from_deep() = {}", outer::inner::deep::from_deep());
    println!("uses_inner() = {}", crate::outer::uses_inner());
    println!("SCALE = {}", outer::SCALE);
    let total = self::outer::api(1) + outer::SCALE * BASE;
    println!("total = {}", total);
}
