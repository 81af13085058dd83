// The library's slice sorts over derived Ord: v.sort(), sort_unstable, sort_by with
// Ord::cmp, sort_by_key of a derived-Ord field (stable), binary_search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Suit { Clubs, Hearts, Spades }
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Card { rank: u8, suit: Suit }
fn main() {
    let mut v = vec![Card { rank: 9, suit: Suit::Hearts }, Card { rank: 2, suit: Suit::Spades }, Card { rank: 9, suit: Suit::Clubs }, Card { rank: 5, suit: Suit::Hearts }];
    v.sort();
    println!("{:?}", v);
    let mut a = [Suit::Spades, Suit::Clubs, Suit::Hearts, Suit::Clubs];
    a.sort_unstable();
    println!("{:?}", a);
    v.sort_by(|x, y| y.cmp(x));
    println!("{:?}", v);
    v.sort_by_key(|c| c.suit);
    println!("{:?}", v);
    println!("{:?} {:?}", v.binary_search(&Card { rank: 2, suit: Suit::Spades }).is_ok(), a.binary_search(&Suit::Hearts));
    // self-check: sorted by suit, ties in their earlier (descending) order
    for i in 1..v.len() {
        assert!(v[i - 1].suit <= v[i].suit);
    }
    assert!(v[0] == Card { rank: 9, suit: Suit::Clubs } && a[3] == Suit::Spades);
    println!("ok");
}
