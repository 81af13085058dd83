// Vec methods of the library (`impl<T> Vec<T>`): pop, insert, remove,
// swap_remove, truncate, resize, clear, is_empty, extend_from_slice,
// clone, retain, dedup, split_off, append, capacity; a model array checks
// the results.
fn main() {
    let mut v = vec![10, 20, 30];
    v.push(40);
    println!("{:?} len={} empty={}", v, v.len(), v.is_empty());
    println!("pop {:?} -> {:?}", v.pop(), v);
    v.insert(0, 5);
    v.insert(2, 15);
    v.insert(v.len(), 35);
    println!("insert {:?}", v);
    let r = v.remove(1);
    println!("remove {} -> {:?}", r, v);
    let s = v.swap_remove(0);
    println!("swap_remove {} -> {:?}", s, v);
    v.truncate(3);
    println!("truncate {:?}", v);
    v.truncate(10);
    v.resize(6, -1);
    println!("resize up {:?}", v);
    v.resize(2, 0);
    println!("resize down {:?}", v);
    v.extend_from_slice(&[7, 7, 8, 8, 8, 9]);
    println!("extend {:?}", v);
    let mut w = v.clone();
    w.dedup();
    println!("dedup {:?} (original {:?})", w, v);
    w.retain(|x| *x % 2 == 1);
    println!("retain odd {:?}", w);
    v.clear();
    let popped = v.pop();
    println!("clear {:?} len={} empty={} pop={:?}", v, v.len(), v.is_empty(), popped);

    let mut x = vec![1, 2, 3, 4, 5];
    let tail = x.split_off(2);
    let mut y = vec![0];
    let mut t2 = tail.clone();
    y.append(&mut t2);
    println!("split_off {:?} {:?} append {:?} {:?} cap_ok {}", x, tail, y, t2, y.capacity() >= y.len());

    // a stack and a queue of f32, checked against an array model
    let mut stack: Vec<f32> = Vec::with_capacity(2);
    let mut model = [0.0f32; 64];
    let mut n = 0;
    let mut errors = 0;
    for i in 0..200 {
        if i % 3 == 2 {
            let got = stack.pop();
            if n > 0 {
                n -= 1;
                if got != Some(model[n]) {
                    errors += 1;
                }
            } else if got.is_some() {
                errors += 1;
            }
        } else if n < 64 {
            let x = i as f32 * 0.5;
            stack.push(x);
            model[n] = x;
            n += 1;
        }
    }
    let mut queue = vec![0u64; 0];
    for i in 0..50u64 {
        queue.push(i * i);
    }
    let mut drained = 0u64;
    while !queue.is_empty() {
        drained += queue.remove(0);
    }
    println!("stack len {} (model {}) errors {} drained {}", stack.len(), n, errors, drained);
}
