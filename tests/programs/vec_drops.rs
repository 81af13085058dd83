//! Vec::retain, drain, dedup_by_key, extend and split_off of values with destructors: each dropped once (the `Drop` impl prints).
struct Noisy {
    id: i32,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.id);
    }
}

fn main() {
    let mut v: Vec<Noisy> = Vec::new();
    for i in 0..10 {
        v.push(Noisy { id: i });
    }
    v.retain(|n| n.id % 3 != 0);
    println!("after retain: len {}", v.len());
    {
        let mut d = v.drain(1..4);
        let first = d.next().unwrap();
        println!("drained first {}", first.id);
    }
    println!("after drain: len {}", v.len());
    let ids: Vec<i32> = v.iter().map(|n| n.id).collect();
    println!("{:?}", ids);
    let mut w: Vec<Noisy> = Vec::new();
    w.extend((20..26).map(|i| Noisy { id: i / 2 }));
    w.dedup_by_key(|n| n.id);
    let wids: Vec<i32> = w.iter().map(|n| n.id).collect();
    println!("dedup {:?}", wids);
    let tail = w.split_off(1);
    println!("split {} {}", w.len(), tail.len());
    drop(tail);
    v.append(&mut w);
    println!("append {} {}", v.len(), w.len());
    drop(v);
    drop(w);
    println!("total");
    let mut s: Vec<String> = vec!["a".to_string(), "bb".to_string()];
    s.extend(vec!["ccc".to_string(), "dd".to_string()]);
    s.retain(|x| x.len() != 2);
    let removed: Vec<String> = s.drain(..1).collect();
    println!("{:?} {:?}", s, removed);
    let mut t = vec!["x".to_string(), "x".to_string(), "y".to_string(), "y".to_string(), "x".to_string()];
    t.dedup();
    println!("{:?}", t);
}
