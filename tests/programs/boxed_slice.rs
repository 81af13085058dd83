struct Noisy(u32);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn total(xs: &[i64]) -> i64 {
    xs.iter().sum()
}

fn make(n: usize) -> Box<[i64]> {
    let v: Vec<i64> = (0..n as i64).map(|i| i * i).collect();
    v.into_boxed_slice()
}

fn main() {
    let bs: Box<[i32]> = vec![4, 5, 6].into_boxed_slice();
    println!("{} {} {:?}", bs.len(), bs[1], bs);
    let mut squares = make(5);
    squares[0] = 100;
    println!("{} {}", total(&squares), squares.iter().max().unwrap());
    for x in squares.iter_mut() {
        *x += 1;
    }
    println!("{:?} {}", squares, squares.contains(&2));
    let back: Vec<i64> = squares.into_vec();
    println!("{}", back.len());
    let owned: Box<[Noisy]> = vec![Noisy(1), Noisy(2)].into_boxed_slice();
    println!("{}", owned.len());
    drop(owned);
    println!("end");
}
