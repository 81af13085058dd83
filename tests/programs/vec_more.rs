//! Vec::extend, drain, dedup_by_key, dedup_by, rchunks, split_off, append, rev().enumerate(), stable sorts.
fn main() {
    let mut v: Vec<i32> = Vec::new();
    v.extend(0..5);
    let s = [10, 20, 30];
    v.extend(s.iter());
    v.extend(s.iter().map(|x| x * 2));
    v.extend(vec![7, 8]);
    println!("{:?}", v);
    let d: Vec<i32> = v.drain(1..4).collect();
    println!("{:?} {:?}", d, v);
    let d2: Vec<i32> = v.drain(..2).collect();
    println!("{:?} {:?}", d2, v);
    let d3: Vec<i32> = v.drain(5..).collect();
    println!("{:?} {:?}", d3, v);
    let all: Vec<i32> = v.drain(..).collect();
    println!("{:?} {}", all, v.len());

    let mut w = vec![1, 1, 2, 3, 3, 3, 4, 1, 1];
    w.dedup();
    println!("{:?}", w);
    let mut k = vec![10, 11, 20, 25, 31, 39, 40];
    k.dedup_by_key(|x| *x / 10);
    println!("{:?}", k);
    let mut r = vec![1, 2, 3, 4, 5, 6, 7, 8];
    r.retain(|x| x % 3 != 0);
    println!("{:?}", r);
    for c in r.rchunks(2) {
        println!("{:?}", c);
    }
    let mut a = vec![1, 2, 3, 4, 5];
    let mut b = a.split_off(2);
    println!("{:?} {:?}", a, b);
    a.append(&mut b);
    println!("{:?} {:?}", a, b);
    for (i, x) in a.iter().rev().enumerate() {
        println!("{} {}", i, x);
    }
    for (i, x) in a.iter().enumerate().rev() {
        println!("{} {}", i, x);
    }
    let mut pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f'), (2, 'g')];
    pairs.sort_by_key(|p| p.0);
    println!("{:?}", pairs);
    let mut pairs2 = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f'), (2, 'g')];
    pairs2.sort_by(|x, y| y.0.cmp(&x.0));
    println!("{:?}", pairs2);
    // a longer stable sort: keys modulo 7, check order of equal keys
    let mut big: Vec<(u32, u32)> = Vec::new();
    let mut seed: u32 = 12345;
    for i in 0..200 {
        seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
        big.push(((seed >> 16) % 7, i));
    }
    big.sort_by_key(|p| p.0);
    let mut ok = true;
    for i in 1..big.len() {
        if big[i - 1].0 == big[i].0 && big[i - 1].1 > big[i].1 {
            ok = false;
        }
    }
    println!("stable {} first {:?} last {:?}", ok, big[0], big[199]);
}
