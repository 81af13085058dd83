macro_rules! plus_y {
    ($e:expr) => {
        $e + y
    };
}

fn main() {
    let x = plus_y!(1);
    println!("{}", x);
}
