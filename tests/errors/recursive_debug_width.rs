// A width in `{:?}` of a recursive type: its Debug function prints with the
// plain spec only (hybridc: "not supported yet"; rustc pads every leaf).

#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn main() {
    let l = List::Cons(1, Box::new(List::Cons(2, Box::new(List::Nil))));
    println!("{:5?}", l);
}
