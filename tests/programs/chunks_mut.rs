fn scale_rows(grid: &mut [f32], width: usize) {
    for (r, row) in grid.chunks_mut(width).enumerate() {
        for x in row.iter_mut() {
            *x *= (r + 1) as f32;
        }
    }
}

fn main() {
    let mut v = vec![1, 2, 3, 4, 5, 6, 7];
    for c in v.chunks_mut(3) {
        c[0] *= 10;
    }
    println!("{:?}", v);
    println!("{}", v.chunks_mut(3).len());
    let mut w = [1.0f32; 8];
    for (i, c) in w.chunks_exact_mut(3).enumerate() {
        c[1] = i as f32;
        c[2] += 0.5;
    }
    println!("{:?}", w);
    let mut grid = vec![1.0f32; 6];
    scale_rows(&mut grid, 2);
    println!("{:?}", grid);
    let mut data = [0u8; 10];
    let mut it = data.chunks_exact_mut(4);
    let mut k = 0;
    while let Some(c) = it.next() {
        k += 1;
        c.fill(k);
    }
    let rest = it.into_remainder();
    rest[0] = 9;
    println!("{:?}", data);
}
