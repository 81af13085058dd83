// Option<T> from hybridc's library (library/core/option.rs, Rust source):
// the prelude's Option/Some/None, matching, and the usual methods.
fn find(v: &[i32], x: i32) -> Option<usize> {
    for i in 0..v.len() {
        if v[i] == x {
            return Some(i);
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Hit {
    at: usize,
    score: f32,
}

fn best(v: &[f32]) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for i in 0..v.len() {
        let better = match best {
            Some(h) => v[i] > h.score,
            None => true,
        };
        if better {
            best = Some(Hit { at: i, score: v[i] });
        }
    }
    best
}

fn main() {
    let v = [4, 8, 15, 16, 23, 42];
    let a = find(&v, 15);
    let b = find(&v, 7);
    println!("{:?} {:?} {} {} {} {}", a, b, a.is_some(), b.is_none(), a.is_some_and(|i| i > 1), b.is_none_or(|i| i > 1));
    println!("{} {} {}", a.unwrap_or(99), b.unwrap_or(99), b.unwrap_or_else(|| v.len() * 2));
    println!("{:?} {:?} {} {}", a.map(|i| i * 10), b.map(|i| i * 10), a.map_or(0, |i| i + 1), b.map_or_else(|| 7, |i| i));
    println!("{:?} {:?}", a.and_then(|i| find(&v, v[i] + 1)), a.and_then(|i| find(&v, v[i] + 8)));
    println!("{:?} {:?} {:?}", a.and(Some(2.5)), b.or(Some(3)), a.xor(b));
    println!("{:?} {:?}", Some(4).filter(|x| *x > 3), Some(2).filter(|x| *x > 3));
    println!("{:?} {:?}", a.zip(Some(b'z')), a.ok_or(-1));
    match find(&v, 42) {
        Some(i) if i > 3 => println!("late at {}", i),
        Some(i) => println!("early at {}", i),
        None => println!("none"),
    }
    if let Some(i) = find(&v, 23) {
        println!("found {}", i);
    }
    let mut o = Some(5);
    let t = o.take();
    println!("{:?} {:?}", o, t);
    let old = o.replace(6);
    println!("{:?} {:?}", old, o);
    {
        let r = o.get_or_insert(1);
        *r += 10;
    }
    println!("{:?}", o);
    let mut empty: Option<u32> = None;
    *empty.insert(3) *= 7;
    println!("{:?} {:?}", empty, empty.as_ref().map(|x| *x + 1));
    if let Some(x) = empty.as_mut() {
        *x = 100;
    }
    println!("{:?} {:?}", empty, empty.as_ref().copied());
    let h = best(&[0.5, 2.5, 1.0]);
    println!("{:?} {}", h, h == Some(Hit { at: 1, score: 2.5 }));
    println!("{:?} {:?}", best(&[]), Some(Some(3)).and_then(|x| x));
    let mut count = 0;
    let mut it = Some(3u32);
    while let Some(n) = it {
        count += n;
        it = if n > 0 { Some(n - 1) } else { None };
    }
    println!("{} {}", count, a.unwrap());
}
