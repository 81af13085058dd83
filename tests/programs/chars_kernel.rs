#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// `char` values in device code: each thread classifies one character of a
// text (given as `u32` scalar values and as `char`s), shifts letters by a
// Caesar key, and counts digits by `to_digit`; checked against the same code
// run on the host.

fn shift(c: char, k: u32) -> char {
    match c {
        'a'..='z' => char::from_u32((c as u32 - 'a' as u32 + k) % 26 + 'a' as u32).unwrap(),
        'A'..='Z' => ((c as u8 - b'A' + k as u8) % 26 + b'A') as char,
        _ => c,
    }
}

fn class(c: char) -> u32 {
    if c.is_ascii_digit() {
        1
    } else if c.is_alphabetic() {
        2
    } else if c.is_whitespace() {
        3
    } else {
        4
    }
}

#[offload_kernel]
fn encode(n: usize, text: &[char], key: u32, out: &mut [char], classes: &mut [u32], digits: &mut [u32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = shift(text[i], key);
        classes[i] = class(text[i]);
        digits[i] = match text[i].to_digit(10) {
            Some(d) => d,
            None => 0,
        };
    }
}

fn main() {
    let text: Vec<char> = "Hello, World 2026! zebra ÉTÉ 42".chars().collect();
    let n = text.len();
    let mut out = vec![' '; n];
    let mut classes = vec![0u32; n];
    let mut digits = vec![0u32; n];
    let blocks = (n as u32 + 31) / 32;
    core::intrinsics::offload(encode, [blocks, 1, 1], [32, 1, 1], (n, &text, 3, &mut out, &mut classes, &mut digits));
    let mut ok = true;
    for i in 0..n {
        let d = match text[i].to_digit(10) {
            Some(d) => d,
            None => 0,
        };
        if out[i] != shift(text[i], 3) || classes[i] != class(text[i]) || digits[i] != d {
            ok = false;
        }
    }
    let s: String = out.iter().collect();
    println!("{s}");
    println!("{:?}", classes);
    println!("digit sum {}", digits.iter().sum::<u32>());
    assert!(ok);
    println!("device matches host");
}
