// Blanket impls: `impl<T: Base> Describe for T` gives every `Base` type
// `describe` (method calls, `Describe::describe(&x)`, bounds of generic
// functions, and inside generic bodies bounded by `Base` only);
// `impl<T: Display> Show for T` over the standard trait.
use std::fmt::Display;

trait Base {
    fn id(&self) -> i32;
}

trait Describe {
    fn describe(&self) -> i32;
    fn twice(&self) -> i32 {
        self.describe() * 2
    }
}

impl<T: Base> Describe for T {
    fn describe(&self) -> i32 {
        self.id() * 10
    }
}

struct A;
struct B {
    v: i32,
}

impl Base for A {
    fn id(&self) -> i32 {
        4
    }
}

impl Base for B {
    fn id(&self) -> i32 {
        self.v
    }
}

impl Base for u8 {
    fn id(&self) -> i32 {
        *self as i32 + 1
    }
}

fn report<T: Describe>(x: &T) -> i32 {
    x.describe() + 1
}

fn via_base<T: Base>(x: &T) -> i32 {
    x.describe() + x.twice()
}

trait Show {
    fn show(&self);
}

impl<T: Display> Show for T {
    fn show(&self) {
        println!("<{}>", self);
    }
}

fn main() {
    println!("{}", A.describe());
    let b = B { v: 7 };
    println!("{} {}", b.describe(), b.twice());
    println!("{} {}", report(&b), via_base(&A));
    println!("{}", Describe::describe(&b));
    println!("{}", 5u8.describe());
    3.5f64.show();
    42i32.show();
    true.show();
}
