fn each(n: u32, f: impl FnMut(u32)) {
    let mut f = f;
    for i in 0..n {
        f(i);
    }
}

fn main() {
    let mut total = 0;
    each(3, || total += 1);
    println!("{}", total);
}
