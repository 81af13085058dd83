struct Countdown {
    n: u32,
}

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n)
        }
    }
}

fn take_two(it: &mut Countdown) -> u32 {
    let mut sum = 0;
    for (i, x) in it.enumerate() {
        sum += x;
        if i == 1 {
            break;
        }
    }
    sum
}

fn main() {
    let mut it = 0..10;
    for x in &mut it {
        if x == 3 {
            break;
        }
    }
    println!("{:?}", it.next());
    let rest: Vec<i32> = it.collect();
    println!("{:?}", rest);
    let mut c = Countdown { n: 6 };
    for x in &mut c {
        print!("{} ", x);
        if x == 4 {
            break;
        }
    }
    println!();
    println!("{}", take_two(&mut c));
    let words = vec!["a", "b", "c", "d", "e"];
    let mut iter = words.iter();
    let mut firsts = Vec::new();
    for w in &mut iter {
        firsts.push(*w);
        if firsts.len() == 2 {
            break;
        }
    }
    println!("{:?} then {:?}", firsts, iter.next());
}
