use std::fmt::{Debug, Display};

fn show<T: Display + Copy>(x: T) {
    println!("[{}]", x);
}

fn dbg<T: Debug>(x: T) {
    println!("{:?}", x);
}

fn main() {
    show(1);
    show(2.5f32);
    dbg(true);
    dbg((1, 2.0));
}
