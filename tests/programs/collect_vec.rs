// `collect()` into a Vec on the host: with a turbofish, from a `let` type,
// a return type and an argument type; of adapters over ranges, slices and
// other Vecs; checked against push loops.
fn squares(n: u64) -> Vec<u64> {
    (0..n).map(|i| i * i).collect()
}

fn total(v: Vec<f32>) -> f32 {
    v.iter().sum()
}

fn main() {
    let v = (0..5).map(|i| i * 3).collect::<Vec<_>>();
    let w: Vec<f32> = v.iter().map(|&x| x as f32 * 0.5).collect();
    let e: Vec<i32> = v.iter().filter(|x| **x % 2 == 0).copied().collect();
    println!("{} {} {} {}", v.len(), v[4], w[3], e.len());
    let s = squares(6);
    println!("{} {}", s[5], total((0..4).map(|i| i as f32).collect()));
    let z: Vec<(usize, f32)> = w.iter().copied().enumerate().collect();
    println!("{} {}", z[2].0, z[2].1);
    let mut digits = 0;
    for x in v.iter().rev().collect::<Vec<_>>() {
        digits = digits * 10 + x;
    }
    let evens: Vec<u32> = (0..20u32).step_by(2).filter(|x| x % 3 != 0).collect();
    let mut check = Vec::new();
    for x in 0..20u32 {
        if x % 2 == 0 && x % 3 != 0 {
            check.push(x);
        }
    }
    let same = evens.len() == check.len() && evens.iter().zip(check.iter()).all(|(a, b)| a == b);
    println!("{} {} {}", digits, evens.len(), same);
    let flat: Vec<i32> = (1..4).flat_map(|n: i32| 0..n).collect();
    println!("{} {}", flat.len(), flat[5]);
}
