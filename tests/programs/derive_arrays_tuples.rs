// Derives over array and tuple fields (element by element, as rustc's impls for
// arrays and tuples), generic structs with them (B::default() of a generic impl),
// NaN in an array field, enums with array and tuple payloads.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
struct Grid {
    cells: [f32; 4],
    pair: (u8, i16),
    n: usize,
}
fn grid() {
    let g = Grid::default();
    let mut h = g;
    h.cells[2] = 1.0;
    println!("{:?} {}", g, g < h);
    let mut k = h;
    k.pair.1 = -1;
    println!("{:?} {:?}", k.partial_cmp(&h), h.partial_cmp(&k));
}

#[derive(Debug, Clone, PartialEq, PartialOrd, Default)]
struct B<T> {
    a: [T; 2],
    t: (T, u8),
}
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Q {
    M([i32; 3]),
    N((f64, f64)),
}
fn generic() {
    let b: B<f32> = B::default();
    let mut c = b.clone();
    c.t.1 = 3;
    println!("{:?} {:?} {}", b, c, b < c);
    let d = B { a: [1.0f32, f32::NAN], t: (0.0, 0) };
    println!("{:?}", d.partial_cmp(&d.clone()));
    println!("{:?} {:?}", Q::M([1, 2, 3]).partial_cmp(&Q::M([1, 2, 4])), Q::N((1.0, 2.0)).partial_cmp(&Q::N((1.0, 1.0))));
    println!("{}", Q::M([9, 9, 9]) < Q::N((0.0, 0.0)));
}

fn main() {
    grid();
    generic();
    // self-check
    let g = Grid::default();
    assert!(g.cells[3] == 0.0 && g.pair.1 == 0 && !(g < g) && g <= g);
    println!("ok");
}
