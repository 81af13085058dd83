trait Tag<K> {
    fn tag(&self, key: K) -> u8;
}

impl<T> Tag<i32> for Vec<T> {
    fn tag(&self, _key: i32) -> u8 {
        1
    }
}

impl<T> Tag<bool> for Vec<T> {
    fn tag(&self, _key: bool) -> u8 {
        2
    }
}

impl<U: Clone> Tag<i32> for Vec<U> {
    fn tag(&self, _key: i32) -> u8 {
        3
    }
}

fn main() {}
