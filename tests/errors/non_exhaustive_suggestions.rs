// E0004 as rustc prints it: the note "`Shape` defined here" with the variants not covered, and the arm
// it suggests after the last one: a wildcard for more than three, an inserted arm on a one-line match.
enum Shape { Dot, Line, Tri, Quad, Penta }

fn sides(s: Shape) -> u32 {
    match s {
        Shape::Dot => {
            0
        }
    }
}

fn small(s: Shape) -> u32 {
    match s { Shape::Dot => 0, Shape::Line => 1, Shape::Tri => 3, Shape::Quad => 4 }
}

fn main() {
    println!("{} {}", sides(Shape::Dot), small(Shape::Penta));
}
