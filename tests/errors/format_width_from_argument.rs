// rustc accepts this; hybridc says "not supported yet" (the packed spec is a constant)
fn main() {
    let w = 7;
    println!("[{:>w$}]", 42);
}
