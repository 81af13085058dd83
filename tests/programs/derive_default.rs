// #[derive(Default)] on structs, generic structs, tuple structs and enums (#[default]),
// user impls, T::default() / Default::default() / ..Default::default(), mem::take,
// Option::unwrap_or_default.
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Config {
    width: u32,
    height: u32,
    scale: f32,
    on: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Pair<T> {
    a: T,
    b: T,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Mode {
    Fast,
    #[default]
    Balanced,
    Slow,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Wrap(i32, Mode);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Celsius(f64);

impl Default for Celsius {
    fn default() -> Self {
        Celsius(20.0)
    }
}

#[derive(Debug, Default)]
struct Room {
    temp: Celsius,
    id: u8,
    label: Option<i32>,
}

fn zeroed<T: Default>() -> T {
    T::default()
}

fn reset<T: Default + Copy>(v: &mut [T]) -> T {
    let first = v[0];
    for x in v.iter_mut() {
        *x = T::default();
    }
    first
}

fn main() {
    let c = Config { width: 640, ..Default::default() };
    println!("{:?}", c);
    let d = Config { scale: 2.5, ..Config::default() };
    println!("{:?}", d);
    let p: Pair<f64> = zeroed();
    let q = Pair::<i8>::default();
    println!("{:?} {:?}", p, q);
    println!("{:?} {:?}", Mode::default(), Wrap::default());
    let r = Room::default();
    println!("{:?}", r);
    let mut arr = [3i64, 4, 5];
    let f = reset(&mut arr);
    println!("{} {:?}", f, arr);
    let mut m = Mode::Slow;
    let old = std::mem::take(&mut m);
    println!("{:?} {:?}", old, m);
    let mut cfg = Config { width: 1, height: 2, scale: 3.0, on: true };
    let taken = std::mem::take(&mut cfg);
    println!("{:?} {:?}", taken, cfg);
    let none: Option<u16> = None;
    println!("{} {}", none.unwrap_or_default(), Some(7u16).unwrap_or_default());
    let o: Option<Mode> = Default::default();
    println!("{:?}", o);
    let z: (f32, bool, u64) = (Default::default(), Default::default(), zeroed());
    println!("{:?}", z);
    let ord = 1.5f64.partial_cmp(&0.5);
    println!("{:?} {:?}", ord, Ordering::Less);
    // self-check against values written out by hand
    assert!(c == Config { width: 640, height: 0, scale: 0.0, on: false });
    assert!(Mode::default() == Mode::Balanced && m == Mode::Balanced);
    assert!(cfg == Config { width: 0, height: 0, scale: 0.0, on: false });
    assert!(Celsius::default() == Celsius(20.0));
    println!("ok");
}
