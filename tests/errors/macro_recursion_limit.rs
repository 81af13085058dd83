macro_rules! forever {
    ($x:expr) => {
        forever!($x + 1)
    };
}

fn main() {
    let x = forever!(0);
    println!("{}", x);
}
