// Drops: scope ends, moves into calls, reassignment, a loop's break, temporaries, a Vec's elements.
struct Noisy {
    name: u32,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

struct Pair {
    a: Noisy,
    b: Noisy,
}

fn make(n: u32) -> Noisy {
    Noisy { name: n }
}

fn consume(n: Noisy) {
    println!("consume {}", n.name);
}

fn main() {
    let _x = make(1);
    {
        let _y = make(2);
        println!("inner");
    }
    let z = make(3);
    consume(z);
    let p = Pair { a: make(4), b: make(5) };
    println!("pair {}", p.a.name + p.b.name);
    let mut m = make(6);
    m = make(7);
    println!("m {}", m.name);
    for i in 0..2 {
        let _l = make(10 + i);
        if i == 1 {
            break;
        }
        println!("loop {}", i);
    }
    make(20);
    println!("len {}", make(21).name);
    let v = vec![make(30), make(31)];
    println!("v {}", v.len());
    println!("end");
}
