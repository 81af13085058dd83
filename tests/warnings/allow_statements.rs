//! `#[allow(..)]` on statements: a `let`, a block, a `for` loop and an
//! assignment silence their lints inside them only.
fn main() {
    #[allow(unused_variables)]
    let x = 5;
    #[allow(unused_mut)]
    let mut y = 6;
    #[allow(unused)]
    let mut z = 7;
    let unused_one = 1;
    println!("{}", y);
    #[allow(unused_variables)]
    {
        let w = 3;
    }
    let mut k = 0;
    #[allow(unused_mut)]
    for i in 0..3 {
        let mut q = i;
        k += q;
    }
    let mut seen = 0;
    #[allow(unused_mut)]
    let r = {
        let mut inner = 2;
        inner
    };
    seen += r;
    println!("{} {}", k, seen);
    #[allow(unreachable_code)]
    {
        return;
        println!("never");
    }
}
