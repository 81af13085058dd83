//@ exit-code: 134
//@ stderr: has overflowed its stack
//@ stderr: fatal runtime error: stack overflow, aborting
// Unbounded recursion aborts with Rust's stack overflow message (SIGABRT),
// not a bare SIGSEGV.
fn deeper(n: u64) -> u64 {
    let frame = [n; 16];
    if n == u64::MAX {
        0
    } else {
        deeper(n + 1) + frame[3]
    }
}

fn main() {
    println!("start");
    println!("{}", deeper(0));
}
