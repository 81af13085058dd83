fn show<T: Copy>(x: T) {
    println!("{}", x);
}

fn main() {
    show(1);
}
