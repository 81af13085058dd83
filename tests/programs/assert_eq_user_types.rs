//@ exit-code: 101
//@ stderr: ) panicked at tests/programs/assert_eq_user_types.rs:33:5:
//@ stderr: assertion `left == right` failed: cards differ
//@ stderr:   left: Card { rank: 3, suit: (1, 0.5) }
//@ stderr:  right: Card { rank: 4, suit: (1, 0.5) }
// assert_eq!/assert_ne! on user types: `==` through their PartialEq (derived
// or an impl), the values printed with their derived Debug.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
struct Card {
    rank: u8,
    suit: (i8, f32),
}

#[derive(Debug, Clone, Copy)]
struct Loose(i32);

impl PartialEq for Loose {
    // equal when within one of each other
    fn eq(&self, other: &Loose) -> bool {
        (self.0 - other.0).abs() <= 1
    }
}

fn main() {
    let a = Card { rank: 3, suit: (1, 0.5) };
    assert_eq!(a, Card { rank: 3, suit: (1, 0.5) });
    assert_ne!(a, Card::default());
    assert_eq!(Loose(4), Loose(5));
    assert_ne!(Loose(4), Loose(6));
    assert!(a > Card::default());
    println!("equal where expected");
    let b = Card { rank: 4, ..a };
    assert_eq!(a, b, "cards differ");
    println!("unreachable");
}
