// The classic recursive types through `Box`: a cons list and a binary
// search tree, built, walked, summed and printed.

#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

fn sum(l: &List) -> i32 {
    match l {
        Cons(v, rest) => *v + sum(rest),
        Nil => 0,
    }
}

fn len(l: &List) -> usize {
    let mut n = 0;
    let mut cur = l;
    while let Cons(_, next) = cur {
        n += 1;
        cur = next;
    }
    n
}

fn from_slice(xs: &[i32]) -> List {
    let mut l = Nil;
    for i in (0..xs.len()).rev() {
        l = Cons(xs[i], Box::new(l));
    }
    l
}

enum Tree {
    Leaf,
    Node(Box<Tree>, i64, Box<Tree>),
}

fn insert(t: Tree, v: i64) -> Tree {
    match t {
        Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), v, Box::new(Tree::Leaf)),
        Tree::Node(l, x, r) => {
            if v < x {
                Tree::Node(Box::new(insert(*l, v)), x, r)
            } else {
                Tree::Node(l, x, Box::new(insert(*r, v)))
            }
        }
    }
}

fn in_order(t: &Tree, out: &mut Vec<i64>) {
    if let Tree::Node(l, x, r) = t {
        in_order(l, out);
        out.push(*x);
        in_order(r, out);
    }
}

fn depth(t: &Tree) -> usize {
    match t {
        Tree::Leaf => 0,
        Tree::Node(l, _, r) => 1 + depth(l).max(depth(r)),
    }
}

fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{:?}", list);
    println!("sum {} len {}", sum(&list), len(&list));
    let big = from_slice(&[5, 10, 15, 20, 25, 30]);
    println!("sum {} len {}", sum(&big), len(&big));
    let mut t = Tree::Leaf;
    for v in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65] {
        t = insert(t, v);
    }
    let mut out = Vec::new();
    in_order(&t, &mut out);
    println!("{:?} depth {}", out, depth(&t));
}
