use std::cmp::Ordering;
fn main() {
    let a = (1, 2);
    let b = (1, 3);
    println!("{:?}", a.cmp(&b));
    println!("{:?}", (2, 0).cmp(&(1, 9)));
    println!("{:?}", (1.5, 2).partial_cmp(&(1.5, 2)));
    let mut v = vec![(3, 'a'), (1, 'c'), (2, 'b'), (1, 'a')];
    v.sort_by(|x, y| (x.1, x.0).cmp(&(y.1, y.0)));
    println!("{:?}", v);
    v.sort();
    println!("{:?}", v);
    let m = v.iter().max().unwrap();
    println!("{:?}", m);
    println!("{}", (1, 2, 3).cmp(&(1, 2, 3)) == Ordering::Equal);
    let mut w = vec![(2.5, 1), (0.5, 2)];
    w.sort_by(|x, y| x.partial_cmp(y).unwrap());
    println!("{:?}", w);
}
