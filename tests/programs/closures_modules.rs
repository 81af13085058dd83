// A closure's body resolves names where it is written, also when it is
// called inside an instance of a generic function of another module that
// has items of the same names.

mod algo {
    pub fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
        f(x) + helper()
    }

    pub fn helper() -> i32 {
        1000
    }
}

mod user {
    fn helper() -> i32 {
        1
    }

    pub fn run() -> i32 {
        fn scale(v: i32) -> i32 {
            v * 3
        }
        crate::algo::apply(|x| scale(x) + helper(), 2)
    }

    pub fn run_in_block() -> i32 {
        let k = 5;
        {
            fn helper() -> i32 {
                20
            }
            crate::algo::apply(move |x| x * k + helper(), 1)
        }
    }
}

fn main() {
    println!("{}", user::run());
    println!("{}", user::run_in_block());
    println!("{}", algo::apply(|x| x - algo::helper(), 7));
}
