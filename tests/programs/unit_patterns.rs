// `()` as a pattern: `Ok(())` in `match` and `if let`, a unit inside a
// tuple pattern, `let () = ..`, and a match on `()` itself (one arm covers it).
fn check(x: i32) -> Result<(), String> {
    if x > 0 {
        Ok(())
    } else {
        Err(format!("{} is not positive", x))
    }
}

fn main() {
    for x in [3, -1] {
        match check(x) {
            Ok(()) => println!("{} ok", x),
            Err(e) => println!("error: {}", e),
        }
    }
    if let Ok(()) = check(5) {
        println!("if let Ok(()) matched");
    }
    let pair = ((), 7);
    let ((), n) = pair;
    println!("n = {}", n);
    let () = println!("a statement's value is ()");
    let r = match () {
        () => 42,
    };
    println!("r = {}", r);
}
