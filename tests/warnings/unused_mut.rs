struct Pixel {
    x: i32,
    y: i32,
}

fn repeat<F: FnMut()>(n: u32, mut f: F) {
    for _ in 0..n {
        f();
    }
}

fn main() {
    let mut e = 1;
    println!("{}", e);
    let mut v = Vec::new();
    v.push(1);
    let mut total = 0;
    repeat(3, || total += 1);
    let mut p = Pixel { x: 1, y: 2 };
    match p {
        Pixel { ref mut x, .. } => *x += 1,
    }
    let mut q = Pixel { x: 3, y: 4 };
    let r = &mut q;
    r.y = 5;
    let mut arr = [1, 2, 3];
    arr[0] = 9;
    let (a, mut b) = (1, 2);
    println!("{} {} {} {} {} {}", v.len(), total, p.x, q.y, arr[0], a + b);
}
