// Dropped Vecs give their memory back: 2 GiB allocated in turn, 32 MiB live
// at a time (tests/cli.rs runs it under a 1 GiB address-space limit).
fn fill(n: usize, x: u8) -> Vec<u8> {
    vec![x; n]
}

fn main() {
    let mut total = 0u64;
    for i in 0..64 {
        let v = fill(32 << 20, (i % 7) as u8);
        total += v[i * 1000] as u64 + v.len() as u64;
        let nested: Vec<Vec<u8>> = vec![vec![1u8; 1 << 20]; 4];
        total += nested[3][5] as u64;
    }
    println!("total {}", total);
}
