macro_rules! make {
    ($n:ident) => {
        #[derive(Debug, Default)]
        struct $n {
            a: i32,
        }
    };
}

make!(Y);

fn main() {
    println!("{:?}", Y::default());
}
