use std::fmt;

trait Named {
    fn name(&self) -> String;
}

trait Animal: Named {
    fn speak(&self) -> String;
    fn legs(&self) -> u32 {
        4
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
        self.name = to.to_string();
    }
    fn make() -> Self {
        Dog { name: String::from("rex"), tricks: vec![1, 2] }
    }
}

impl Animal for Bird {
    fn speak(&self) -> String {
        String::from("tweet")
    }
    fn legs(&self) -> u32 {
        2
    }
    fn rename(&mut self, to: &str) {
        self.name = to.to_string();
    }
    fn make() -> Self {
        Bird { name: String::from("tweety") }
    }
}

impl Drop for Dog {
    fn drop(&mut self) {
        println!("drop dog {}", self.name);
    }
}

impl Drop for Bird {
    fn drop(&mut self) {
        println!("drop bird {}", self.name);
    }
}

struct Zoo {
    star: Box<dyn Animal>,
}

impl fmt::Display for Zoo {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "zoo starring {}", self.star.name())
    }
}

fn loudest(animals: &Vec<Box<dyn Animal>>) -> usize {
    let mut best = 0;
    for (i, a) in animals.iter().enumerate() {
        if a.speak().len() > animals[best].speak().len() {
            best = i;
        }
    }
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
    let mut animals: Vec<Box<dyn Animal>> = Vec::new();
    animals.push(Box::new(Dog { name: String::from("fido"), tricks: vec![1, 2, 3] }));
    animals.push(Box::new(Bird { name: String::from("polly") }));
    animals.push(pick(true));
    for a in animals.iter() {
        println!("{}: {} ({} legs)", a.name(), a.speak(), a.legs());
    }
    println!("loudest {}", loudest(&animals));
    animals[1].rename("kiwi");
    println!("{}", animals[1].name());
    let total: u32 = animals.iter().map(|a| a.legs()).sum();
    println!("legs {}", total);
    let zoo = Zoo { star: pick(false) };
    println!("{}", zoo);
    let b: Box<dyn Animal> = Box::new(Bird { name: String::from("solo") });
    println!("{}", b.speak());
    drop(b);
    println!("end of main");
}
