enum Dir { North, East, South, West }
fn turn(d: Dir) -> i32 {
    match d {
        Dir::North => 0,
        Dir::East => 1,
    }
}
fn main() {
    println!("{}", turn(Dir::South));
}
