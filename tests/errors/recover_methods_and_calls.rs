// An unknown method, a call with the wrong argument count and an unknown function.
fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {
    let v: Vec<i32> = vec![1, 2, 3];
    let n = v.lenght();
    let s = add(1);
    let t = subtract(4, 2);
    println!("{} {} {}", n, s, t);
}
