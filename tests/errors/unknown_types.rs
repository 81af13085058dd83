fn f(x: Missing) {}

fn g() -> AlsoMissing {
    loop {}
}

fn main() {}
