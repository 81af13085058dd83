// Generic code over the library's Ord and Default on user types: an
// insertion sort by Ord::cmp (what slice sort will rely on), a stable
// counting of ties, T::default() slots and mem::take of a buffer.
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Suit {
    #[default]
    Clubs,
    Diamonds,
    Hearts,
    Spades,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Card {
    rank: u8,
    suit: Suit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ByLen(u32, i8);

impl PartialOrd for ByLen {
    fn partial_cmp(&self, other: &ByLen) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ByLen {
    // only the first field orders (the second breaks no ties: sort stability shows)
    fn cmp(&self, other: &ByLen) -> Ordering {
        self.0.cmp(&other.0)
    }
}

fn insertion_sort<T: Ord + Copy, const N: usize>(v: &mut [T; N]) {
    for i in 1..N {
        let mut j = i;
        while j > 0 && v[j - 1].cmp(&v[j]) == Ordering::Greater {
            let t = v[j - 1];
            v[j - 1] = v[j];
            v[j] = t;
            j -= 1;
        }
    }
}

fn is_sorted<T: Ord, const N: usize>(v: &[T; N]) -> bool {
    for i in 1..N {
        if v[i - 1] > v[i] {
            return false;
        }
    }
    true
}

fn slots<T: Default + Copy>() -> [T; 3] {
    [T::default(), T::default(), T::default()]
}

fn main() {
    let mut cards = [
        Card { rank: 10, suit: Suit::Hearts },
        Card { rank: 2, suit: Suit::Spades },
        Card { rank: 10, suit: Suit::Clubs },
        Card { rank: 7, suit: Suit::Diamonds },
        Card { rank: 2, suit: Suit::Clubs },
    ];
    insertion_sort(&mut cards);
    println!("{:?}", cards);
    println!("{}", is_sorted(&cards));
    let mut lens = [ByLen(3, 0), ByLen(1, 1), ByLen(3, 2), ByLen(0, 3), ByLen(1, 4)];
    insertion_sort(&mut lens);
    println!("{:?}", lens);
    let hi = cards[0].max(cards[4]);
    let lo = cards[0].min(cards[4]);
    println!("{:?} {:?} {:?}", hi, lo, Card { rank: 99, suit: Suit::Clubs }.clamp(lo, hi));
    let empty: [Card; 3] = slots();
    let zeros: [u64; 3] = slots();
    println!("{:?} {:?}", empty, zeros);
    let mut buffer = Card { rank: 5, suit: Suit::Spades };
    let taken = std::mem::take(&mut buffer);
    println!("{:?} {:?}", taken, buffer);
    // self-check: sorted by rank, then suit; ties of ByLen keep their order
    assert!(is_sorted(&cards) && cards[0] == Card { rank: 2, suit: Suit::Clubs });
    assert!(lens[1] == ByLen(1, 1) && lens[2] == ByLen(1, 4) && lens[3].1 == 0);
    println!("ok");
}
