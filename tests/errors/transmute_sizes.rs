fn main() {
    let x = unsafe { std::mem::transmute::<u32, f64>(1) };
    println!("{}", x);
}
