fn main() {
    let vv: Vec<Vec<i32>> = vec![vec![1, 2], vec![], vec![3, 4, 5]];
    let flat: Vec<i32> = vv.iter().flatten().copied().collect();
    println!("{:?}", flat);
    let total: i32 = vv.iter().flatten().sum();
    println!("{}", total);
    let opts = vec![Some(1), None, Some(3)];
    let somes: Vec<i32> = opts.iter().flatten().cloned().collect();
    println!("{:?}", somes);
    let fm: Vec<i32> = (1..4).flat_map(|n| 0..n).collect();
    println!("{:?}", fm);
    let fv: Vec<i32> = vec![1, 2, 3].iter().flat_map(|&x| vec![x, x * 10]).collect();
    println!("{:?}", fv);
    for x in vv.into_iter().flatten() {
        print!("{} ", x);
    }
    println!();
}
