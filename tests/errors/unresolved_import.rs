mod a {
    pub fn f() {}
}
use a::g;

fn main() {}
