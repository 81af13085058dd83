macro_rules! bad {
    ($x:foo) => {
        $x
    };
}

fn main() {
    println!("{}", bad!(1));
}
