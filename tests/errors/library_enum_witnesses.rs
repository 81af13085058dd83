// E0004 witnesses of the library's enums, as rustc prints them: the prelude's
// variants bare (`Err(_)`, `Some(None)`), other enums by their `std` path.
use std::cmp::Ordering;

fn result(r: Result<u8, bool>) {
    match r {
        Ok(_) => {}
    }
}

fn ordering(o: Ordering) {
    match o {
        Ordering::Less => {}
        Ordering::Equal => {}
    }
}

fn nested(p: Option<Option<u8>>) {
    match p {
        Some(Some(_)) => {}
        None => {}
    }
}

fn main() {
    result(Ok(1));
    ordering(1i32.cmp(&2));
    nested(None);
}
