// Arrays, slices, Vec via vec!, raw pointers to arrays, & and &mut.
fn sum(xs: &[i64]) -> i64 {
    let mut s = 0;
    for i in 0..xs.len() {
        s += xs[i];
    }
    s
}

fn scale(xs: &mut [f64], k: f64) {
    for i in 0..xs.len() {
        xs[i] *= k;
    }
}

fn fill(p: *mut [i32; 8], v: i32) {
    for i in 0..8 {
        unsafe { (*p)[i] = v + i as i32 };
    }
}

fn bump(x: &mut i32) {
    *x += 10;
}

fn main() {
    let a = [1i64, 2, 3, 4, 5];
    println!("{} {}", sum(&a), a.len());
    let mut v = vec![0.5f64; 6];
    v[2] = 4.0;
    scale(&mut v, 3.0);
    println!("{} {} {}", v[0], v[2], v.len());
    let mut grid = [[0u8; 4]; 3];
    grid[1][2] = 7;
    grid[2][3] = grid[1][2] + 1;
    println!("{} {}", grid[1][2], grid[2][3]);
    let mut buf = [0i32; 8];
    fill(&mut buf, 100);
    println!("{} {}", buf[0], buf[7]);
    let mut x = 5;
    bump(&mut x);
    bump(&mut x);
    println!("{}", x);
    let copy = buf;
    buf[0] = -1;
    println!("{} {}", copy[0], buf[0]);
    let r = &buf;
    println!("{}", r[3]);
    let squares = vec![0u64; 10];
    let mut sq = squares;
    for i in 0..10 {
        sq[i] = (i * i) as u64;
    }
    println!("{} {}", sq[9], sq.len());
}
