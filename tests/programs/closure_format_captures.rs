//! Closures whose only use of a captured local is inside a format string
//! (`format!("{w}{sep}")`), called where the local is out of scope: in a
//! library adapter, in a generic function, and after being returned.
fn labeller(prefix: String) -> impl Fn(i32) -> String {
    move |n| format!("{prefix}-{n:03}")
}

fn call_twice<F: Fn(u8) -> String>(f: F) -> String {
    f(1) + &f(2)
}

fn main() {
    let sep = ';';
    let mark = |w: &str| -> String { format!("{w}{sep}") };
    let marked: Vec<String> = ["a", "bc"].iter().map(|w| mark(w)).collect();
    println!("{:?}", marked);
    let width = 5;
    let padded = call_twice(|b| format!("[{b:>5}{width}]"));
    println!("{padded}");
    let l = labeller(String::from("id"));
    println!("{} {}", l(7), l(42));
    let brace = 9;
    let escaped = (0..2).map(|i| format!("{{{i}}}{brace}")).collect::<Vec<_>>();
    println!("{:?}", escaped);
}
