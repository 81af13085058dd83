// Drops with moves: early return, conditional moves (drop flags), for over a Vec with break, move closures, destructuring, assignments into Vecs, truncate.
struct Noisy {
    name: u32,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn pick(c: bool) -> Noisy {
    let a = Noisy { name: 1 };
    let b = Noisy { name: 2 };
    if c {
        return a;
    }
    b
}

fn maybe_move(c: bool) {
    let a = Noisy { name: 40 };
    if c {
        let moved = a;
        println!("moved {}", moved.name);
    }
    println!("after");
}

fn main() {
    let x = pick(true);
    println!("picked {}", x.name);
    let y = pick(false);
    println!("picked {}", y.name);
    maybe_move(true);
    maybe_move(false);
    let v = vec![Noisy { name: 50 }, Noisy { name: 51 }, Noisy { name: 52 }];
    for n in v {
        println!("iter {}", n.name);
        if n.name == 51 {
            break;
        }
    }
    let w = vec![Noisy { name: 60 }, Noisy { name: 61 }];
    let f = move || w.len();
    println!("closure {}", f());
    let t = (Noisy { name: 70 }, 5);
    let (a, b) = t;
    println!("tuple {} {}", a.name, b);
    let mut vs: Vec<Vec<u32>> = Vec::new();
    for i in 0..3 {
        vs.push(vec![i; 4]);
    }
    vs[1] = vec![9];
    println!("{:?}", vs);
    let mut nn = vec![Noisy { name: 80 }, Noisy { name: 81 }];
    nn[0] = Noisy { name: 82 };
    nn.truncate(1);
    println!("end");
}
