//! Enums holding `Vec`s and `String`s (`Option<Vec<T>>`, a program's own enum): matching, moving out, and drops freeing them.
struct Noisy {
    id: i32,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.id);
    }
}

enum Shape {
    Empty,
    Points(Vec<(i32, i32)>),
    Named(String, Vec<Noisy>),
}

fn describe(s: &Shape) -> String {
    match s {
        Shape::Empty => "empty".to_string(),
        Shape::Points(p) => format!("{} points, first {:?}", p.len(), p.first()),
        Shape::Named(n, items) => format!("{} with {} items", n, items.len()),
    }
}

fn evens(n: i32) -> Option<Vec<i32>> {
    if n < 0 {
        return None;
    }
    Some((0..n).filter(|x| x % 2 == 0).collect())
}

fn main() {
    let o: Option<Vec<i32>> = evens(7);
    if let Some(v) = &o {
        println!("{:?} {}", v, v.len());
    }
    println!("{:?} {:?}", evens(-1), evens(3));
    let total: i32 = evens(10).unwrap_or(Vec::new()).iter().sum();
    println!("total {}", total);
    let shapes = vec![
        Shape::Empty,
        Shape::Points(vec![(1, 2), (3, 4)]),
        Shape::Named("group".to_string(), vec![Noisy { id: 1 }, Noisy { id: 2 }]),
    ];
    for s in shapes.iter() {
        println!("{}", describe(s));
    }
    let mut names: Vec<Option<String>> = Vec::new();
    for i in 0..4 {
        names.push(if i % 2 == 0 { Some(format!("n{}", i)) } else { None });
    }
    let joined: Vec<String> = names.iter().map(|n| match n {
        Some(s) => s.clone(),
        None => "-".to_string(),
    }).collect();
    println!("{}", joined.join(","));
    let mut it = shapes.into_iter();
    let first = it.next();
    println!("took first: {}", first.is_some());
    drop(it);
    println!("after dropping the rest");
    let mut slot: Option<Vec<Noisy>> = Some(vec![Noisy { id: 3 }]);
    slot = None;
    let _ = &slot;
    println!("replaced: {}", slot.is_none());
    let moved = Shape::Named("m".to_string(), vec![Noisy { id: 4 }]);
    if let Shape::Named(name, items) = moved {
        println!("moved out {} {}", name, items.len());
    }
    println!("end");
}
