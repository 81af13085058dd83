// Sorting and searching slices: sort, sort_unstable, sort_by, sort_by_key,
// sort_unstable_by(_key) on integers, floats (by a closure) and structs (by
// closures over their fields), binary_search(_by, _by_key) with rustc's
// Ok/Err results; every result checked against a simple reference.
#[derive(Clone, Copy, Debug)]
struct Item {
    id: u32,
    weight: i64,
}

fn is_sorted(s: &[i64]) -> bool {
    for i in 1..s.len() {
        if s[i - 1] > s[i] {
            return false;
        }
    }
    true
}

fn main() {
    // a pseudo-random sequence
    let mut v: Vec<i64> = Vec::new();
    let mut x: u64 = 12345;
    for _ in 0..300 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        v.push(((x >> 33) % 1000) as i64 - 500);
    }
    let sum: i64 = v.iter().sum();
    let mut a = v.clone();
    a.sort();
    let mut b = v.clone();
    b.sort_unstable();
    let mut c = v.clone();
    c.sort_by(|p, q| q.cmp(p));
    c.reverse();
    let mut d = v.clone();
    d.sort_unstable_by(|p, q| p.cmp(q));
    let a_sum: i64 = a.iter().sum();
    println!("sorted {} {} {} {} sum kept {}", is_sorted(&a), a == b, a == c, a == d, a_sum == sum);
    println!("min {} max {} median {}", a[0], a[a.len() - 1], a[a.len() / 2]);

    // by key: absolute value, stable (equal keys keep their order)
    let mut e = [3i32, -1, 2, -3, 1, -2, 0];
    e.sort_by_key(|k| k.abs());
    println!("{:?}", e);
    let mut f = [3i32, -1, 2, -3, 1, -2, 0];
    f.sort_unstable_by_key(|k| -k);
    println!("{:?}", f);

    // floats through partial_cmp
    let mut g = vec![2.5f64, -1.0, 9.75, 0.5, 3.0];
    g.sort_by(|p, q| p.partial_cmp(q).unwrap());
    println!("{:?}", g);
    g.sort_by(|p, q| q.total_cmp(p));
    println!("{:?}", g);

    // structs by a field, stable: equal weights stay in id order
    let mut items = Vec::new();
    for i in 0..8u32 {
        items.push(Item { id: i, weight: ((i * 5) % 4) as i64 });
    }
    items.sort_by(|p, q| p.weight.cmp(&q.weight));
    for it in items.iter() {
        print!("{}:{} ", it.id, it.weight);
    }
    println!();
    items.sort_by_key(|it| -(it.id as i64));
    println!("{:?}", items[0]);

    // binary search: found and not found, as rustc reports them
    let s = [1, 3, 5, 7, 9, 11];
    println!("{:?} {:?} {:?} {:?}", s.binary_search(&7), s.binary_search(&8), s.binary_search(&0), s.binary_search(&12));
    println!("{:?}", s.binary_search_by(|p| p.cmp(&4)));
    println!("{:?}", items.binary_search_by_key(&-3, |it| -(it.id as i64)));
    let mut found = 0;
    for i in 0..a.len() {
        match a.binary_search(&a[i]) {
            Ok(j) => {
                if a[j] == a[i] {
                    found += 1;
                }
            }
            Err(_) => {}
        }
    }
    println!("binary_search found {} of {}", found, a.len());
    let empty: [u8; 0] = [];
    println!("{:?}", empty.binary_search(&1));
}
