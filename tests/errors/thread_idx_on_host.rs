fn main() {
    let t = gpu::thread_idx_x();
    println!("{}", t);
}
