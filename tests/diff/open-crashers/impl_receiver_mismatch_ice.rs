// OPEN (not fixed): mutant 24611 of seed 16 (tests/fuzz_front.rs). An impl method `fn rename(mut self, ..)`
// for the trait's `fn rename(&mut self, ..)` is not checked (rustc: E0053, incompatible type for trait):
// the dyn vtable takes the method's address with another signature, an internal compiler error.
trait Named {
    fn name(&self) -> String;
}
trait Animal: Named {
    fn speak(&self) -> String;
    fn legs(&self) -> u32 {
        0
    }
    fn rename(&mut self, to: &str);
    fn make() -> Self
    where
        Self: Sized;
}
struct Dog {
    name: String,
    tricks: Vec<u32>,
}
struct Bird {
    name: String,
}
impl Named for Dog {
    fn name(&self) -> String {
        format!("dog {}", self.name)
    }
}
impl Named for Bird {
    fn name(&self) -> String {
        format!("bird {}", self.name)
    }
}
impl Animal for Dog {
    fn speak(&self) -> String {
        format!("woof x{}", self.tricks.len())
    }
    fn rename(&mut self, to: &str) {
    }
    fn make() -> Self {
        Dog { name: String::from("rex"), tricks: vec![0, 0] }
    }
}
impl Animal for Bird {
    fn speak(&self) -> String {
        String::from("tweet")
    }
    fn rename(mut self, to: &str) {
    }
    fn make() -> Self {
        Bird { name: String::from("tweety") }
    }
}
fn loudest(animals: &Vec<Box<dyn Animal>>) -> usize {
    let mut best = 0;
    best
}
fn pick(dog: bool) -> Box<dyn Animal> {
    if dog {
        Box::new(Dog::make())
    } else {
        Box::new(Bird::make())
    }
}
fn main() {
}
