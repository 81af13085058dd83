// A fixed-capacity stack `Stack<T, const N: usize>` (push/pop with Option),
// a `bool` const parameter, const arguments from a turbofish, an
// annotation and the fields, and instances with different lengths.
#[derive(Debug)]
struct Stack<T: Copy, const N: usize> {
    items: [T; N],
    len: usize,
}

impl<T: Copy + Default, const N: usize> Stack<T, N> {
    fn new() -> Self {
        Stack { items: [T::default(); N], len: 0 }
    }
    fn push(&mut self, x: T) -> Result<(), T> {
        if self.len == N {
            return Err(x);
        }
        self.items[self.len] = x;
        self.len += 1;
        Ok(())
    }
    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        Some(self.items[self.len])
    }
    fn capacity(&self) -> usize {
        N
    }
}

struct Flag<const ON: bool>;

impl<const ON: bool> Flag<ON> {
    fn get(&self) -> &'static str {
        if ON { "on" } else { "off" }
    }
}

fn first_last<const N: usize>(a: [u8; N]) -> (u8, u8) {
    (a[0], a[N - 1])
}

fn main() {
    let mut s = Stack::<i32, 3>::new();
    for i in 0..5 {
        match s.push(i * i) {
            Ok(_) => println!("pushed {}", i * i),
            Err(x) => println!("full, {} rejected", x),
        }
    }
    println!("{:?}", s);
    while let Some(x) = s.pop() {
        print!("{} ", x);
    }
    println!();
    let mut t: Stack<f64, 5> = Stack::new();
    t.push(1.5).unwrap();
    let p = t.pop();
    println!("{} {} {:?}", t.capacity(), t.len, p);
    println!("{} {}", Flag::<true>.get(), Flag::<false>.get());
    println!("{:?} {:?}", first_last([7, 8, 9]), first_last([1; 10]));
}
