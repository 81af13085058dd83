// Items declared inside function bodies: functions, structs with impls,
// consts and `use`s, visible in their block; the outer module's items stay
// visible from inside.

mod shapes {
    pub fn area(w: f64, h: f64) -> f64 {
        w * h
    }
}

const SCALE: f64 = 2.0;

fn main() {
    use shapes::area;
    const N: usize = 3;

    #[derive(Clone, Copy)]
    struct Rect {
        w: f64,
        h: f64,
    }

    impl Rect {
        fn area(&self) -> f64 {
            area(self.w, self.h) * SCALE
        }
    }

    fn total(rs: &[Rect; N]) -> f64 {
        let mut t = 0.0;
        for i in 0..N {
            t += rs[i].area();
        }
        t
    }

    let rs = [Rect { w: 1.0, h: 2.0 }, Rect { w: 3.0, h: 0.5 }, Rect { w: 2.0, h: 2.0 }];
    println!("{}", total(&rs));
    if rs[0].w > 0.0 {
        fn inner(x: i32) -> i32 {
            x * 7
        }
        println!("{}", inner(6));
    }
}
