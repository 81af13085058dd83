fn zeros<const N: usize>() -> usize {
    N
}

fn main() {
    let a = zeros();
    println!("{}", a);
}
