fn main() {
    let double = |x: i32| x * 2;
    println!("{}", double(4));
}
