mod m {
    pub struct S {
        pub x: i32,
    }
}

fn f(s: n::S) {}

fn main() {}
