// A struct holding a host pointer cannot be passed to a kernel by value.
struct View {
    data: *const f32,
    len: usize,
}

#[offload_kernel]
fn k(v: View, out: &mut [f32]) {
}

fn main() {}
