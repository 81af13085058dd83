//! Widths and precisions from arguments (`{:w$?}`, `{:.*?}`, `{:2$?}`) on derived `Debug`
//! of structs, enums, tuples, arrays, `Vec`s and `Option`s: every scalar inside takes the
//! spec, `()` is padded as a string (rustc's `f.pad("()")`). Expected output from rustc.

#[derive(Debug, Clone, Copy, PartialEq)]
struct S {
    f0: i8,
    f1: f64,
    f2: bool,
}

#[derive(Debug)]
enum E {
    A(u8),
    B { x: f32 },
    C,
}

fn main() {
    let x = S { f0: -3, f1: 2.5, f2: true };
    let w = 11;
    println!("[{:>w$?}] [{:0w$.2?}] [{:<2$?}] [{:#w$?}]", x, x, 6, x, w = w);
    println!("[{:5$?}] [{:.*?}] [{:>w$?}] [{:^w$?}]", (1u8, -2i64), 1, [1.5f32, 2.0], Some(3u16), vec![E::A(4), E::B { x: 0.5 }, E::C], 7, w = 4);
    let name = String::from("ab");
    println!("[{:>w$?}] [{:w$?}] [{:+w$?}]", (name.as_str(), 'c'), (name.clone(), ()), (-1i32, 2u64), w = 5);
    for width in [0usize, 3, 9] {
        println!("[{:width$?}] [{:<width$?}] [{:.width$?}]", x, E::B { x: 1.0 / 3.0 }, [0.125f64, -7.0]);
    }
    println!("[{:5?}] [{:<4?}] [{:*^8?}] [{:.1?}] [{:?}]", (), ((), 1), [(); 2], (), ());
    let p = 3;
    println!("[{:>2$?}] [{:#.p$?}]", Some(E::C), (1.0f32, Some(x)), 9);
}
