//! `where` bounds with several generic traits on a type other than a
//! parameter (`W<T>: From<T> + Into<U>`, `W<T>: From<T> + Label`), and the
//! fields of a generic tuple struct (`self.0`, `q.0`).

use std::fmt::Display;

#[derive(Debug, Clone, Copy)]
struct W<T>(T);

impl<T> From<T> for W<T> {
    fn from(t: T) -> W<T> {
        W(t)
    }
}

impl From<W<i32>> for i64 {
    fn from(w: W<i32>) -> i64 {
        w.0 as i64 * 10
    }
}

trait Label {
    fn label(&self) -> String;
}

impl<T: Display> Label for W<T> {
    fn label(&self) -> String {
        format!("W({})", self.0)
    }
}

fn wrap_then<T, U>(t: T) -> U
where
    W<T>: From<T> + Into<U>,
{
    let w: W<T> = W::from(t);
    w.into()
}

fn describe<T>(t: T) -> String
where
    W<T>: From<T> + Label,
{
    let w: W<T> = W::from(t);
    w.label()
}

fn main() {
    let x: i64 = wrap_then(4i32);
    println!("{}", x);
    println!("{}", describe(4i32));
    println!("{}", describe("x"));
    println!("{}", describe(2.5f64));
    let q = W(5u8);
    println!("{} {:?}", q.0 + 1, q);
}
