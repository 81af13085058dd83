#[derive(PartialEq, PartialOrd, Debug, Clone, Copy)]
struct Ver {
    major: u32,
    minor: u32,
}

fn main() {
    let a = (1, 2.5, 'x');
    let b = (1, 2.5, 'y');
    println!("{} {} {} {} {} {}", a == b, a != b, a < b, a <= b, a > b, a >= b);
    let p = (3u32, 4u32);
    println!("{} {}", p == (3, 4), p != (3, 5));
    let nan = (f64::NAN, 1);
    println!("{} {} {}", nan == nan, nan < (f64::NAN, 2), nan < (1.0, 0));
    let v1 = (Ver { major: 1, minor: 2 }, 7u8);
    let v2 = (Ver { major: 1, minor: 3 }, 1u8);
    println!("{} {} {}", v1 < v2, v1 == v2, v1.0 < v2.0);
    let nested = ((1, 2), (3, 4));
    println!("{} {}", nested == ((1, 2), (3, 4)), nested < ((1, 2), (3, 5)));
    let mut pairs = vec![(2, 'b'), (1, 'z'), (2, 'a'), (1, 'c')];
    let mut sorted = true;
    for w in pairs.windows(2) {
        sorted &= w[0] <= w[1];
    }
    println!("sorted {}", sorted);
    pairs.sort_by(|x, y| {
        if x < y {
            std::cmp::Ordering::Less
        } else if x > y {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    println!("{:?}", pairs);
    let refs = (&1, &2);
    println!("{}", refs == (&1, &2));
}
