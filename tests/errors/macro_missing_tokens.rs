macro_rules! two {
    ($a:expr, $b:expr) => {
        $a + $b
    };
}

fn main() {
    let x = two!(1);
    println!("{}", x);
}
