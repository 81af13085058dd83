// Struct, tuple-struct and unit-struct patterns: field shorthand, renamed
// fields, `..` rest, nested patterns, `ref` and `ref mut` bindings that
// change the matched value, `mut` bindings that change a copy.

#[derive(Clone, Copy, Debug)]
struct Pixel {
    x: i32,
    y: i32,
    rgb: (u8, u8, u8),
}

#[derive(Clone, Copy, Debug)]
struct Meters(f64);

#[derive(Clone, Copy, Debug)]
struct Span(i32, i32, bool);

#[derive(Debug, Clone, Copy)]
struct Marker;

fn describe(p: Pixel) -> i32 {
    match p {
        Pixel { x: 0, y: 0, .. } => 0,
        Pixel { rgb: (255, g, _), x, .. } if g > 100 => 1000 + x + g as i32,
        Pixel { rgb: (r, 0, 0), .. } => r as i32,
        Pixel { x, y: py, rgb: _ } => x * 100 + py,
    }
}

fn span_len(s: Span) -> i32 {
    match s {
        Span(a, b, true) => b - a + 1,
        Span(a, b, false) if b > a => b - a,
        Span(..) => 0,
    }
}

fn main() {
    let pixels = [
        Pixel { x: 0, y: 0, rgb: (1, 2, 3) },
        Pixel { x: 5, y: 1, rgb: (255, 200, 9) },
        Pixel { x: 5, y: 1, rgb: (255, 20, 9) },
        Pixel { x: 7, y: 2, rgb: (40, 0, 0) },
    ];
    for i in 0..4 {
        print!("{} ", describe(pixels[i]));
    }
    println!();
    let spans = [Span(1, 5, true), Span(1, 5, false), Span(5, 1, false)];
    for i in 0..3 {
        print!("{} ", span_len(spans[i]));
    }
    println!();
    let mut p = pixels[1];
    match p {
        Pixel { ref mut x, ref y, .. } => {
            *x += *y * 10;
        }
    }
    println!("{:?}", p);
    let Pixel { x: mut moved, .. } = p;
    moved += 1;
    println!("copy {} original {}", moved, p.x);
    let m = Meters(2.5);
    let Meters(raw) = m;
    println!("{} {} {:?}", raw, m.0 * 2.0, m);
    let u = Marker;
    match u {
        Marker => println!("marker {:?}", u),
    }
    let mut s = Span(0, 0, false);
    if let Span(ref mut a, _, ref mut f) = s {
        *a = -4;
        *f = true;
    }
    println!("{:?} {}", s, span_len(s));
}
