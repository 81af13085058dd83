// Drop glue of generic structs, enums, arrays and nested fields; drops through
// `&mut`, `mem::replace`/`swap`/`take`, and the Vec methods that remove elements.
#[derive(Default)]
struct Noisy {
    name: u32,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

struct Wrapper<T> {
    label: u32,
    inner: T,
}

impl<T> Drop for Wrapper<T> {
    fn drop(&mut self) {
        println!("drop wrapper {}", self.label);
    }
}

enum Shape {
    Empty,
    One(Noisy),
    Two(Noisy, Noisy),
}

struct Outer {
    first: Noisy,
    second: Noisy,
}

impl Drop for Outer {
    fn drop(&mut self) {
        println!("drop outer {} {}", self.first.name, self.second.name);
    }
}

fn n(name: u32) -> Noisy {
    Noisy { name }
}

fn replace_through(r: &mut Noisy, name: u32) {
    *r = n(name);
}

fn main() {
    {
        let _w = Wrapper { label: 1, inner: n(10) };
        let _g = Wrapper { label: 2, inner: 5u8 };
    }
    println!("-- enums");
    {
        let _a = Shape::Empty;
        let _b = Shape::One(n(20));
        let _c = Shape::Two(n(21), n(22));
        let some = Some(n(23));
        let none: Option<Noisy> = None;
        if let Some(x) = some {
            println!("got {}", x.name);
        }
        println!("none {}", none.is_none());
    }
    println!("-- nested and arrays");
    {
        let _o = Outer { first: n(30), second: n(31) };
        let _arr = [n(32), n(33), n(34)];
        let _t = (n(35), 1u8, n(36));
    }
    println!("-- places");
    let mut a = n(40);
    replace_through(&mut a, 41);
    let old = std::mem::replace(&mut a, n(42));
    println!("old {}", old.name);
    let mut b = n(43);
    std::mem::swap(&mut a, &mut b);
    println!("a {} b {}", a.name, b.name);
    let taken = std::mem::take(&mut b);
    println!("taken {} left {}", taken.name, b.name);
    let mut o = Outer { first: n(50), second: n(51) };
    o.first = n(52);
    println!("-- vec methods");
    let mut v = vec![n(60), n(61), n(62), n(63)];
    let last = v.pop();
    println!("popped {}", last.map(|x| x.name).unwrap_or(0));
    let r = v.remove(0);
    println!("removed {}", r.name);
    v.clear();
    println!("cleared {}", v.len());
    v.push(n(64));
    println!("end");
}
