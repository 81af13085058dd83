//@ exit-code: 3
// std::time::Instant, core::hint::black_box, std::process::exit.
fn work(n: u64) -> u64 {
    let mut s = 0u64;
    for i in 0..n {
        s = s.wrapping_add(core::hint::black_box(i) * 3);
    }
    s
}

fn main() {
    let start = std::time::Instant::now();
    let s = work(100_000);
    let secs = start.elapsed().as_secs_f64();
    println!("{} {}", s, secs >= 0.0 && secs < 60.0);
    std::process::exit(3);
}
