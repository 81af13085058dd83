// `{:?}` and `{:#?}` of recursive types through derived `Debug`: a tree of
// `Box`es, a linked list of `Option<Box<Node>>`, a directory tree through a
// `Vec` of itself, an expression enum with named fields, two mutually
// recursive types, into `format!` and `eprintln!` too.
//@ stderr: Go(B { a: Go(B { a: Stop, tag: (2, 'y') }), tag: (1, 'x') })

#[derive(Debug)]
enum Tree {
    Leaf(i32),
    Node(Box<Tree>, Box<Tree>),
}

#[derive(Debug)]
struct Node {
    val: i32,
    next: Option<Box<Node>>,
}

#[derive(Debug)]
struct Dir {
    name: String,
    kids: Vec<Dir>,
    size: Option<u32>,
}

#[derive(Debug)]
enum Expr {
    Num(f64),
    Neg(Box<Expr>),
    Add { l: Box<Expr>, r: Box<Expr> },
    List(Vec<Expr>),
}

#[derive(Debug)]
enum A {
    Stop,
    Go(Box<B>),
}

#[derive(Debug)]
struct B {
    a: A,
    tag: (i32, char),
}

fn leaf_dir(name: &str, size: Option<u32>) -> Dir {
    Dir { name: String::from(name), kids: Vec::new(), size }
}

fn main() {
    let t = Tree::Node(Box::new(Tree::Leaf(1)), Box::new(Tree::Node(Box::new(Tree::Leaf(2)), Box::new(Tree::Leaf(3)))));
    println!("{:?}", t);
    println!("{:#?}", t);
    let mut list = Node { val: 3, next: None };
    for v in (1..3).rev() {
        list = Node { val: v, next: Some(Box::new(list)) };
    }
    println!("{:?}", list);
    println!("{:#?}", list);

    let mut b = leaf_dir("b", None);
    b.kids.push(leaf_dir("c", None));
    let d = Dir { name: String::from("root"), kids: vec![leaf_dir("a", Some(3)), b], size: None };
    println!("{:?}", d);
    println!("{:#?}", d);

    let e = Expr::Add {
        l: Box::new(Expr::Neg(Box::new(Expr::Num(1.5)))),
        r: Box::new(Expr::List(vec![Expr::Num(2.0), Expr::Neg(Box::new(Expr::Num(-0.0)))])),
    };
    println!("{:?}", e);
    println!("{:#?}", e);
    let s = format!("{:?}|{:#?}", e, Expr::Num(3.0));
    println!("{} {}", s.len(), s.lines().count());

    let m = A::Go(Box::new(B { a: A::Go(Box::new(B { a: A::Stop, tag: (2, 'y') })), tag: (1, 'x') }));
    println!("{:?}", m);
    println!("{:#?}", m);
    eprintln!("{:?}", m);
    let v: Vec<Box<Expr>> = vec![Box::new(Expr::Num(1.0)), Box::new(Expr::Neg(Box::new(Expr::Num(2.0))))];
    println!("{:?}", v);
    println!("{:#?}", (1, Some(Box::new(Tree::Leaf(7)))));
}
