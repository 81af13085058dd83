// Two unknown variants in one array literal.
#[derive(Debug, Clone, Copy)]
enum Suit { Hearts, Spades }
fn main() {
    let hand = [Suit::Hearts, Suit::Clubs, Suit::Spades, Suit::Diamonds];
    println!("{:?}", hand);
}
