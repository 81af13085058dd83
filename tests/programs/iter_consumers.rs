// Iterator consumers of the library (library/core/iter.rs): find,
// find_map, min/max (the first minimum, the last maximum, as rustc's),
// min_by/max_by, min_by_key/max_by_key, for_each, position, count, last,
// each checked against a hand-written loop.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Item {
    id: u32,
    weight: i32,
}

fn main() {
    let v = [3i32, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    println!("{:?} {:?}", v.iter().find(|x| **x > 3), v.iter().find(|x| **x > 30));
    println!("{:?}", v.iter().find_map(|&x| if x > 4 { Some(x * 10) } else { None }));
    println!("{:?} {:?}", v.iter().max(), v.iter().min());
    println!("{:?} {:?}", (0..10).map(|i: i32| i * 3 % 7).max(), (0..0).map(|i: i32| i).min());
    // ties: max_by_key returns the last, min_by_key the first
    let items = [
        Item { id: 1, weight: 4 },
        Item { id: 2, weight: 9 },
        Item { id: 3, weight: 1 },
        Item { id: 4, weight: 9 },
        Item { id: 5, weight: 1 },
    ];
    let heaviest = items.iter().max_by_key(|it| it.weight).unwrap();
    let lightest = items.iter().min_by_key(|it| it.weight).unwrap();
    println!("heaviest {} lightest {}", heaviest.id, lightest.id);
    let by_rem = v.iter().enumerate().max_by_key(|&(_, x)| *x % 4).unwrap();
    println!("{:?}", by_rem);
    let a = items.iter().max_by(|x, y| x.weight.cmp(&y.weight)).unwrap();
    let b = items.iter().min_by(|x, y| x.weight.cmp(&y.weight)).unwrap();
    println!("max_by {} min_by {}", a.id, b.id);
    let f = [2.5f32, -1.0, 7.25, 7.25, 0.5];
    let fmax = f.iter().copied().fold(f32::NEG_INFINITY, |m, x| m.max(x));
    let fpos = f.iter().position(|&x| x == fmax);
    println!("{} {:?}", fmax, fpos);
    let mut seen = 0;
    (1..=4).for_each(|x: i32| seen = seen * 10 + x);
    println!("{}", seen);
    // hand-written references
    let mut best = v[0];
    let mut best_i = 0;
    for i in 1..v.len() {
        if v[i] % 4 >= best % 4 {
            best = v[i];
            best_i = i;
        }
    }
    let mut lo = items[0];
    for it in items.iter() {
        if it.weight < lo.weight {
            lo = *it;
        }
    }
    let ok = by_rem.0 == best_i && *by_rem.1 == best && lightest.id == lo.id && heaviest.id == 4 && v.iter().count() == v.len();
    println!("ok={} last={:?}", ok, v.iter().last());
}
