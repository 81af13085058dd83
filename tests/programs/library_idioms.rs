// Idiomatic library calls: `iter().rev().enumerate()`, `sort_by` with
// `partial_cmp` descending, `windows(2).all(..)`, `copied().fold`,
// `retain_mut`, `max_by(total_cmp)`, `String::with_capacity`,
// `chars().rev().collect::<String>()`, `split(',').map(parse)`,
// `to_uppercase`, `Vec<Option<T>>`.

fn main() {
    let v = vec![3.5f64, 1.0, 2.25, 9.0];
    for (i, x) in v.iter().rev().enumerate() {
        println!("{} {}", i, x);
    }
    let mut s = v.clone();
    s.sort_by(|a, b| b.partial_cmp(a).unwrap());
    println!("{:?}", s);
    println!("{}", s.windows(2).all(|w| w[0] >= w[1]));
    println!("{}", v.windows(2).all(|w| w[0] >= w[1]));
    let n = vec![1, 2, 3, 4];
    println!("{}", n.iter().copied().fold(0, |a, b| a + b));
    let mut m = vec![1, 2, 3, 4, 5, 6];
    m.retain_mut(|x| {
        *x *= 10;
        *x % 20 == 0
    });
    println!("{:?}", m);
    let mut words = vec![String::from("keep"), String::from("drop"), String::from("kept")];
    words.retain_mut(|w| {
        w.push('!');
        w.starts_with('k')
    });
    println!("{:?}", words);
    println!("{:?}", v.iter().max_by(|a, b| a.total_cmp(b)));
    println!("{:?}", v.iter().min_by(|a, b| a.total_cmp(b)));
    let mut st = String::with_capacity(10);
    st.push_str("hello");
    println!("{} {}", st, st.capacity() >= 10);
    println!("{}", st.chars().rev().collect::<String>());
    let parsed: Vec<Result<i32, std::num::ParseIntError>> = "1,2,x".split(',').map(|s| s.parse::<i32>()).collect();
    println!("{:?}", parsed);
    let good: Vec<i32> = "4, 5,6".split(',').map(|s| s.trim().parse::<i32>().unwrap()).collect();
    println!("{:?}", good);
    println!("{} {}", "abc Def".to_uppercase(), "abc Def".to_lowercase());
    let opts: Vec<Option<i32>> = vec![Some(1), None, Some(3)];
    println!("{:?}", opts);
    let total: i32 = opts.iter().filter_map(|o| *o).sum();
    println!("{} {}", total, opts.iter().filter(|o| o.is_none()).count());
    let firsts: Vec<i32> = opts.iter().map(|o| o.unwrap_or(-1)).collect();
    println!("{:?}", firsts);
}
