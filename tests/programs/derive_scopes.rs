// Derives on types in modules and in function bodies: the generated impls
// live in the type's own module (private fields, names of that scope).
mod shapes {
    #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
    pub struct Size {
        w: u32,
        h: u32,
    }

    impl Size {
        pub fn new(w: u32, h: u32) -> Size {
            Size { w, h }
        }
        pub fn area(&self) -> u32 {
            self.w * self.h
        }
    }

    pub mod deep {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
        pub enum Tier {
            #[default]
            Bronze,
            Silver(u8),
            Gold,
        }
    }
}

use shapes::deep::Tier;
use shapes::Size;

fn rank<T: Ord + Copy>(items: &[T]) -> [usize; 4] {
    // position of each item in sorted order (a selection count)
    let mut out = [0usize; 4];
    for i in 0..items.len() {
        let mut below = 0;
        for j in 0..items.len() {
            if items[j] < items[i] || (items[j] == items[i] && j < i) {
                below += 1;
            }
        }
        out[i] = below;
    }
    out
}

fn main() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
    struct Local {
        tier: Tier,
        id: i16,
    }

    let a = Size::new(2, 3);
    let b = Size::new(2, 4);
    println!("{:?} {} {} {:?}", Size::default(), a < b, a.area(), a.partial_cmp(&b));
    let tiers = [Tier::Gold, Tier::Silver(2), Tier::Bronze, Tier::Silver(1)];
    println!("{:?}", rank(&tiers));
    let locals = [
        Local { tier: Tier::Silver(1), id: 4 },
        Local::default(),
        Local { tier: Tier::Silver(1), id: -2 },
        Local { tier: Tier::Gold, id: 0 },
    ];
    let r = rank(&locals);
    println!("{:?}", r);
    let mut best = locals[0];
    for l in locals.iter() {
        best = best.max(*l);
    }
    println!("{:?} {:?}", best, Tier::default());
    assert!(r[0] == 2 && r[1] == 0 && r[2] == 1 && r[3] == 3);
    println!("ok");
}
