mod a {
    pub mod b {
        pub(super) fn g() {}
    }
}
use a::b::g;

fn main() {}
