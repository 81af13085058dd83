// Vec::new/with_capacity/push/len, slicing, .as_ptr, pointer methods.
fn total(xs: &[u64]) -> u64 {
    let mut t = 0;
    for i in 0..xs.len() {
        t += xs[i];
    }
    t
}

fn zero(xs: &mut [u64]) {
    for i in 0..xs.len() {
        xs[i] = 0;
    }
}

fn main() {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..20 {
        v.push(i * i);
    }
    println!("{} {} {}", v.len(), v[19], total(&v));
    println!("{} {}", total(&v[5..10]), total(&v[..3]));
    zero(&mut v[15..]);
    println!("{}", total(&v));
    let mut w = Vec::with_capacity(2);
    w.push(1.5f32);
    w.push(2.5);
    w.push(3.5);
    println!("{} {}", w.len(), w[2]);
    let a = [10i32, 20, 30, 40];
    let p = a.as_ptr();
    unsafe {
        println!("{} {} {}", *p.add(2), p.add(1).read(), *p.offset(3));
    }
    let mut b = [0u8; 4];
    let q = b.as_mut_ptr();
    unsafe {
        q.add(1).write(9);
        *q.add(3) = 7;
    }
    println!("{} {} {}", b[1], b[3], q.is_null());
    let addr = p as usize;
    let back = addr as *const i32;
    unsafe { println!("{}", *back); }
    let sl = &a[1..3];
    println!("{} {}", sl.len(), sl[1]);
    let s2: i32 = a.iter().sum();
    println!("{}", s2);
}
