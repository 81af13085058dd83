// An unknown field: rustc's note lists the available ones (five, then "and N others").
struct Small {
    width: u32,
    height: u32,
}

struct Wide {
    a1: u8,
    a2: u8,
    a3: u8,
    a4: u8,
    a5: u8,
    a6: u8,
    a7: u8,
}

fn main() {
    let s = Small { width: 2, height: 3 };
    let w = Wide { a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7 };
    println!("{}", s.depth);
    println!("{}", w.total);
}
