enum Res<T, E> {
    Ok(T),
    Err(E),
}

fn f(r: Res<i32>) -> i32 {
    match r {
        Res::Ok(v) => v,
        Res::Err(_) => 0,
    }
}

fn main() {
    println!("{}", f(Res::Ok(1)));
}
