// `{:x?}` / `{:X?}` (Debug with hex integers) of integers, Vecs, arrays,
// tuples, Options and derived structs and enums; `{:#x?}` pretty with `0x`.

#[derive(Debug)]
struct Pixel {
    r: u8,
    g: u8,
    b: u8,
    alpha: f32,
}

#[derive(Debug)]
enum Op {
    Load(u32),
    Store { addr: u64, value: i16 },
    Nop,
}

fn main() {
    let v = vec![10, 255, 16, 0];
    println!("{:x?}", v);
    println!("{:X?}", v);
    println!("{:x?} {:X?}", 255u8, -1i32);
    println!("{:x?}", [1u64 << 40, 7]);
    println!("{:x?}", (12, "str", 'c', 2.5, true));
    println!("{:x?}", Some(0xbeefu32));
    let p = Pixel { r: 255, g: 128, b: 0, alpha: 0.5 };
    println!("{:x?}", p);
    println!("{:X?}", p);
    println!("{:#x?}", p);
    let ops = vec![Op::Load(4096), Op::Store { addr: 0xdead_beef, value: -2 }, Op::Nop];
    println!("{:x?}", ops);
    println!("{:#X?}", ops);
    let s = format!("{:x?}", vec![Some(31u16), None]);
    println!("{s}");
    println!("{:?}", v);
}
