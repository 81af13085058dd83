fn moving_average(xs: &[f64], k: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for w in xs.windows(k) {
        out.push(w.iter().sum::<f64>() / k as f64);
    }
    out
}

fn main() {
    let v: Vec<i32> = (1..=10).collect();
    for c in v.chunks(3) {
        println!("{:?}", c);
    }
    let sums: Vec<i32> = v.chunks(4).map(|c| c.iter().sum()).collect();
    println!("{:?}", sums);
    println!("{}", v.chunks(3).count());
    let mut it = v.chunks_exact(3);
    while let Some(c) = it.next() {
        println!("exact {:?}", c);
    }
    println!("rem {:?}", it.remainder());
    for w in v.windows(4) {
        print!("{} ", w[0] * w[3]);
    }
    println!();
    println!("{:?}", moving_average(&[1.0, 2.0, 3.0, 4.0, 5.0], 2));
    let increasing = v.windows(2).all(|w| w[0] < w[1]);
    println!("increasing {increasing}");
    println!("{:?}", v.chunks(4).rev().collect::<Vec<&[i32]>>());
    println!("{:?}", v.windows(3).rev().next());
    println!("{:?}", v.iter().rev().take(3).collect::<Vec<&i32>>());
    let arr = [5u8, 6, 7];
    println!("{}", arr.windows(5).count());
    if let Some((first, rest)) = v.split_first() {
        println!("first {first} rest {:?}", rest);
    }
    if let Some((last, init)) = v.split_last() {
        println!("last {last} init {}", init.len());
    }
    let empty: [i32; 0] = [];
    println!("{:?} {:?}", empty.split_first(), empty.chunks(2).next());
    let words = vec!["alpha", "beta", "gamma"];
    println!("{}", words.concat());
    println!("{}", words.join(", "));
    let owned: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    println!("{}", owned.join("-"));
    println!("{}", owned.concat().len());
    let parts = ["x", "y"];
    println!("[{}]", parts.join(""));
    let line: Vec<String> = v.chunks(5).map(|c| format!("{:?}", c)).collect();
    println!("{}", line.join(" | "));
}
