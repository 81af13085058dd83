mod missing;

fn main() {}
