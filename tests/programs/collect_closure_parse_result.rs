// `map` closures typed only by the `collect`/`sum` target: `parse()` inside
// (one `F` for every trial lowering of the closure, carried into the
// instances), and `x / k as f64` in a function's return position.

fn scale(v: &[f64], k: i32) -> Vec<f64> {
    v.iter().map(|x| x / k as f64).collect()
}
fn main() {
    let s = "1,2,3";
    let v = s.split(',').map(|t| t.parse().unwrap()).collect::<Vec<i32>>();
    println!("{:?}", v);
    let w: Vec<Result<i32, _>> = s.split(',').map(|t| t.parse::<i32>()).collect();
    println!("{:?}", w.len());
    let u: Vec<i64> = "4 5".split(' ').map(|t| t.parse().unwrap()).collect();
    println!("{:?}", u);
    println!("{:?}", scale(&[1.0, 2.0], 2));
    let m: Vec<f64> = [3.0f64, 6.0].iter().map(|x| x / 3 as f64).collect();
    println!("{:?}", m);
    more();
}
fn parse_all(s: &str) -> Vec<u8> {
    s.split_whitespace().map(|t| t.parse().unwrap()).collect()
}
fn halves(v: &Vec<f64>, k: usize) -> Vec<f64> {
    v.iter().map(|x| x / k as f64).collect()
}
fn more() {
    println!("{:?}", parse_all("7 8 9"));
    println!("{:?}", halves(&vec![2.0, 5.0], 2));
    let total: i32 = "10,20".split(',').map(|t| t.parse::<i32>().unwrap()).sum();
    println!("{}", total);
    let w: Vec<i32> = "3;4".split(';').map(|t| t.trim().parse().expect("num")).collect();
    println!("{:?}", w);
}
