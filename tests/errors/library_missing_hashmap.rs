use std::collections::HashMap;

fn main() {
    let mut m: HashMap<u32, f32> = HashMap::new();
    m.insert(1, 2.0);
}
