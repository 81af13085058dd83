// Enums with trait impls: a hand-written `PartialEq` (so `==` works) that
// matches a tuple of references, a user trait implemented for an enum and
// used through a generic function, `Self::V` in impls.

#[derive(Clone, Copy, Debug)]
enum Suit {
    Hearts,
    Spades,
    Joker(u8),
}

impl PartialEq for Suit {
    fn eq(&self, other: &Suit) -> bool {
        match (self, other) {
            (Self::Hearts, Suit::Hearts) | (Suit::Spades, Suit::Spades) => true,
            (Suit::Joker(a), Suit::Joker(b)) => a == b,
            _ => false,
        }
    }
}

trait Score {
    fn score(&self) -> i32;
    fn doubled(&self) -> i32 {
        self.score() * 2
    }
}

impl Score for Suit {
    fn score(&self) -> i32 {
        match self {
            Self::Hearts => 1,
            Self::Spades => 2,
            Self::Joker(n) => *n as i32 * 10,
        }
    }
}

fn total<T: Score>(a: T, b: T) -> i32 {
    a.score() + b.doubled()
}

fn main() {
    let hands = [Suit::Hearts, Suit::Spades, Suit::Joker(3), Suit::Joker(4)];
    for i in 0..4 {
        for j in 0..4 {
            print!("{}", if hands[i] == hands[j] { 1 } else { 0 });
        }
        println!(" {:?} scores {}", hands[i], hands[i].score());
    }
    println!("total {}", total(hands[0], hands[3]));
    println!("{}", Suit::Joker(3) == Suit::Joker(3));
}
