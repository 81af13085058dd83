macro_rules! rep { ($($a:ident),* ; $($b:ident),*) => { $( let $a = $b; )* }; }
fn main() {
    let x = 1;
    rep!(p, q; x);
}
