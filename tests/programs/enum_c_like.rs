// C-like enums: implicit and explicit discriminants, `as` casts to several
// integer types, `use E::*` imports of variants, enums in a module, match
// on them as an expression, and methods on an enum.

mod palette {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub enum Color {
        Red,
        Green = 10,
        Blue,
        Black = -3,
    }
}

use palette::Color;
use palette::Color::*;

#[derive(Clone, Copy, Debug)]
enum Weekday {
    Mon = 1,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }
    fn next(self) -> Weekday {
        match self {
            Self::Mon => Self::Tue,
            Self::Tue => Self::Wed,
            Self::Wed => Self::Thu,
            Self::Thu => Self::Fri,
            Self::Fri => Self::Sat,
            Self::Sat => Self::Sun,
            Self::Sun => Self::Mon,
        }
    }
}

fn brightness(c: Color) -> u32 {
    match c {
        Red => 60,
        Green | Blue => 80,
        Black => 0,
    }
}

fn main() {
    let colors = [Red, Green, Blue, Black];
    for i in 0..4 {
        let c = colors[i];
        println!("{:?} = {} as u8 {} as i64 {} brightness {}", c, c as i32, c as u8, c as i64, brightness(c));
    }
    let mut d = Weekday::Fri;
    let mut weekend_days = 0;
    for _ in 0..10 {
        if d.is_weekend() {
            weekend_days += 1;
        }
        print!("{:?}({}) ", d, d as usize);
        d = d.next();
    }
    println!();
    println!("weekend days: {}", weekend_days);
    let code = Color::Blue as i32 * 100 + Weekday::Sun as i32;
    println!("code {}", code);
    let sum: i32 = Red as i32 + Green as i32 + Blue as i32 + Black as i32;
    println!("sum {}", sum);
}
