//! unused_assignments: overwritten initializers and assignments, loops, `break`/`continue`, `?`, `#[allow]`.
#[derive(Debug)]
struct P {
    x: i32,
}

fn parse(s: &str) -> Result<i32, String> {
    let mut v = 0;
    v = s.len() as i32;
    let n: i32 = s.parse().map_err(|_| String::from("bad"))?;
    Ok(v + n)
}

#[allow(unused_assignments)]
fn quiet() -> i32 {
    let mut a = 1;
    a = 2;
    a
}

fn loops() -> i32 {
    let mut total = 0;
    let mut last = 0;
    for i in 0..5 {
        last = i;
        if i == 3 {
            continue;
        }
        total += i;
    }
    let mut found = false;
    while !found {
        found = true;
    }
    let mut k = 10;
    loop {
        k -= 1;
        if k < 3 {
            break;
        }
    }
    let mut m = 1;
    match total {
        0 => m = 2,
        _ => {}
    }
    let mut p = P { x: 1 };
    p = P { x: 2 };
    println!("{:?} {} {}", p, p.x, m);
    let mut e = 5;
    #[allow(unused_assignments)]
    {
        e = 6;
    }
    e = 7;
    println!("{}", e);
    total + k
}

fn main() {
    println!("{:?}", parse("4"));
    println!("{} {}", quiet(), loops());
    let mut s = String::new();
    s.push('a');
    s = String::from("b");
    println!("{}", s);
    let mut out = 1;
    out = 2;
    let _ = out;
}
