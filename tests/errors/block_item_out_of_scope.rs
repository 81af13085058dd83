fn main() {
    {
        fn helper() -> i32 {
            1
        }
        println!("{}", helper());
    }
    println!("{}", helper());
}
