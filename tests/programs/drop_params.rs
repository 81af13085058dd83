// Parameters are dropped at the end of the function that owns them, used
// or not, `_x` included (the prelude's `drop` is such a function); a
// parameter moved on is dropped by its new owner.
struct Noisy(i32);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn unused(x: Noisy) {}
fn ignored(_x: Noisy) {}
fn generic<T>(x: T) {}
fn pass_on(x: Noisy) -> Noisy {
    println!("passing {}", x.0);
    x
}
fn two(a: Noisy, b: Noisy) {
    println!("two {} {}", a.0, b.0);
}

fn main() {
    unused(Noisy(1));
    ignored(Noisy(2));
    generic(Noisy(3));
    let kept = pass_on(Noisy(4));
    two(Noisy(5), Noisy(6));
    let early = Noisy(7);
    drop(early);
    println!("end of main, {} still alive", kept.0);
}
