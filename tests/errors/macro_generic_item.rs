macro_rules! gen { ($name:ident) => { fn $name<T: Copy>(x: T) -> T { x } }; }
gen!(ident_fn);
fn main() { println!("{}", ident_fn(3)); }
