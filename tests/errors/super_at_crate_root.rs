fn f() {}

fn main() {
    super::f();
}
