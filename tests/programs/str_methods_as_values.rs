fn main() {
    let s = "1,2,3,40";
    let v: Vec<Result<i32, std::num::ParseIntError>> = s.split(',').map(str::parse::<i32>).collect();
    println!("{:?}", v);
    let ok: Vec<i32> = s.split(',').map(str::parse::<i32>).map(Result::unwrap).collect();
    println!("{:?}", ok);
    let floats: Vec<f64> = "0.5 1.25".split(' ').map(str::parse::<f64>).map(|r| r.unwrap()).collect();
    println!("{:?}", floats);
    let lens: Vec<usize> = vec!["ab", "cde", ""].into_iter().map(str::len).collect();
    println!("{:?}", lens);
    let trimmed: Vec<&str> = vec![" x ", "y  "].into_iter().map(str::trim).collect();
    println!("{:?}", trimmed);
    let sum: i32 = s.split(',').map(|t| t.parse::<i32>().unwrap()).sum();
    println!("{}", sum);
}
