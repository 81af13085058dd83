//! Widths and precisions from arguments: `{:>w$}`, `{:>1$}`, `{:.*}`, `{:.p$}`, `{:w$.p$}` of numbers, strings and Display types.
struct D(i32);
impl std::fmt::Display for D {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { f.pad(&format!("d{}", self.0)) }
}
fn main() {
    let w = 7usize; let p = 2usize;
    let x = 3.14159f64; let s = "hello"; let n = -42i32;
    println!("[{:>w$}] [{:.*}] [{:.p$}] [{:w$.p$}] [{:<w$}]", n, 3, x, x, x, s);
    println!("[{:>1$}] [{:^1$.2$}]", s, 9, 1);
    println!("[{n:>w$}] [{x:0w$.p$}] [{s:*^w$}] [{:+.1$}]", x, p);
    let st = String::from("abcdef");
    println!("[{:>w$.p$}] [{:^w$}] [{:>w$}] [{:w$}] [{:<w$}]", st, 5u8, D(4), true, 'c');
    let u = u64::MAX; let f = 1.5f32;
    println!("[{u:>w$}] [{f:10.p$}] [{:+0w$}]", 7, w = 3);
    let t = format!("{:>1$}|{:.*}", "x", 4, 2.55);
    println!("{t}");
}
