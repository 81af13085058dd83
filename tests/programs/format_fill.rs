struct P {
    x: i32,
}

impl std::fmt::Display for P {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.pad("point")?;
        write!(f, "({})", self.x)
    }
}

fn main() {
    let name = "hybrid";
    println!("[{:*^9}]", 'c');
    println!("[{:*^12}]", name);
    println!("[{:-<10}]", name);
    println!("[{:_>10}]", name);
    println!("[{:0>5}]", 42);
    println!("[{:0<5}]", 42);
    println!("[{:#^7}]", -3);
    println!("[{:.>10.2}]", 3.14159);
    println!("[{:~>8?}]", 'q');
    println!("[{:é^9}]", "ü");
    println!("[{:!<7}]", true);
    println!("[{:x>3}]", "toolong");
    println!("[{:*>+6}]", 5);
    println!("[{:>08}]", -17);
    println!("[{:=^10}]", P { x: 4 });
    for (i, c) in "abc".chars().enumerate() {
        println!("{i:>3}|{c:.^5}|");
    }
}
