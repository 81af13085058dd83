#![allow(unused_mut)]

#[allow(unused_variables)]
fn quiet(a: u32) {
    let b = 2;
}

#[allow(unused)]
fn quiet_dead() {
    let c = 3;
}

fn loud(d: u32) {
    let mut e = 4;
    println!("{}", e);
}

fn main() {
    quiet(1);
    loud(2);
}
