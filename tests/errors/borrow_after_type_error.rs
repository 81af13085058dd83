fn first() {
    let total = 0;
    total = 1;
    let ok: u32 = true;
}

fn second() {
    let a = 1;
    a = 2;
    let b = 3;
    b = 4;
}

fn main() {
    first();
    second();
}
