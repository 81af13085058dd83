use std::ops::Mul;

#[derive(Clone, Copy, Debug)]
struct Wrapper<T> {
    value: T,
}

impl<T: Copy> From<T> for Wrapper<T> {
    fn from(value: T) -> Self {
        Wrapper { value }
    }
}

trait Scale<T> {
    fn scale(&self, k: T) -> Self;
}

#[derive(Clone, Copy, Debug)]
struct Vec2<T> {
    x: T,
    y: T,
}

impl<T: Mul<Output = T> + Copy> Scale<T> for Vec2<T> {
    fn scale(&self, k: T) -> Self {
        Vec2 { x: self.x * k, y: self.y * k }
    }
}

trait Into2<U> {
    fn into2(self) -> U;
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T> Into2<Vec<T>> for Stack<T> {
    fn into2(self) -> Vec<T> {
        self.items
    }
}

fn make<T: Copy>(x: T) -> Wrapper<T>
where
    Wrapper<T>: From<T>,
{
    Wrapper::from(x)
}

fn main() {
    let w = Wrapper::from(5i32);
    println!("{:?}", w);
    let w2: Wrapper<f64> = From::from(2.5);
    println!("{}", w2.value);
    let w3 = <Wrapper<i32> as From<i32>>::from(7);
    println!("{}", w3.value);
    let w4 = make(3u8);
    println!("{:?}", w4);
    let v = Vec2 { x: 1.5f32, y: 2.0 };
    let s = v.scale(2.0);
    println!("{:?}", s);
    let vi = Vec2 { x: 3i64, y: -4 };
    println!("{:?}", Scale::scale(&vi, 3));
    let st = Stack { items: vec![1, 2, 3] };
    let items: Vec<i32> = st.into2();
    println!("{:?}", items);
}
