// IntoIterator: `for x in &v`, `for x in &mut v`, arrays and Vecs by value,
// `into_iter()`, `zip(&b)` and `chain(&a)` taking collections, on slices,
// arrays and Vecs; checked against index loops.
fn total(xs: &[f32]) -> f32 {
    let mut s = 0.0;
    for x in xs {
        s += *x;
    }
    s
}

fn scale(xs: &mut [f32], k: f32) {
    for x in xs {
        *x *= k;
    }
}

fn main() {
    let mut v = vec![1.0f32, 2.0, 3.0];
    for x in &v {
        print!("{} ", x);
    }
    println!();
    for x in &mut v {
        *x *= 2.0;
    }
    scale(&mut v, 0.5);
    scale(&mut v[1..], 4.0);
    println!("{} {} {} total {}", v[0], v[1], v[2], total(&v));
    let arr = [10, 20, 30];
    for x in arr {
        print!("{} ", x);
    }
    for x in &arr {
        print!("{} ", x);
    }
    println!();
    let s: i32 = arr.into_iter().map(|x| x + 1).sum();
    let w = vec![4u32, 5, 6];
    let mut t = 0;
    for x in w {
        t += x;
    }
    println!("{} {}", s, t);
    let b = [1.0f32, 0.5, 0.25];
    let dot: f32 = v.iter().zip(&b).map(|(x, y)| x * y).sum();
    let mut check = 0.0f32;
    for i in 0..3 {
        check += v[i] * b[i];
    }
    println!("dot {} {}", dot, dot == check);
    let ones: Vec<f32> = vec![1.0, 1.0, 1.0];
    let d2: f32 = b.iter().zip(ones.iter()).map(|(x, y)| *x * *y).sum();
    let d3: f32 = b.iter().zip(&ones).map(|(x, y)| x - y).sum();
    println!("{} {}", d2, d3);
    for (i, x) in (&arr).into_iter().enumerate() {
        print!("{}:{} ", i, x);
    }
    for x in (0..3).into_iter() {
        print!("{} ", x);
    }
    println!();
    let ch: i32 = arr.iter().chain(&arr).copied().sum();
    let mut grid = [[0u8; 3]; 2];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r * 3 + c) as u8;
        }
    }
    let mut cells = 0u32;
    for row in &grid {
        for cell in row {
            cells = cells * 2 + *cell as u32;
        }
    }
    println!("{} {}", ch, cells);
}
