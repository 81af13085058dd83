struct Wrapper<T> {
    value: T,
}

trait Show<T> {
    fn show(&self) -> T;
}

impl Show<i32> for Wrapper<i32> {
    fn show(&self) -> i32 {
        self.value
    }
}

impl Show<u8> for Wrapper<u8> {
    fn show(&self) -> u8 {
        self.value
    }
}

fn twice<T: Copy>(x: T) -> T
where
    Wrapper<T>: Show<T>,
{
    let w = Wrapper { value: x };
    w.show()
}

fn main() {
    println!("{}", twice(4));
    println!("{}", twice(true));
}
