// `fn main() -> Result<(), E>` that succeeds: exit code 0; an early
// `return Ok(())` and `?` on `Ok` values.
#[derive(Debug)]
struct MyError {
    code: i32,
}

fn step(i: i32) -> Result<i32, MyError> {
    if i < 0 {
        Err(MyError { code: i })
    } else {
        Ok(i * 2)
    }
}

fn main() -> Result<(), MyError> {
    let mut total = 0;
    for i in 0..5 {
        total += step(i)?;
        if total > 100 {
            return Ok(());
        }
    }
    println!("total {}", total);
    let e = step(-3).unwrap_err();
    println!("{:?} {}", e, e.code);
    Ok(())
}
