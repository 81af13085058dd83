fn main() {
    let x = nothere::f();
}
