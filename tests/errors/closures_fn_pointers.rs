fn main() {
    let fs = [|x: i32| x + 1, |x: i32| x * 2];
    println!("{}", fs[1](5));
}
