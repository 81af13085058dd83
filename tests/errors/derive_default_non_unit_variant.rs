#[derive(Default)]
enum E {
    #[default]
    A(i32),
    B,
}

fn main() {
    let _e = E::B;
}
