// Items declared in nested blocks: each block has its own scope, inner
// blocks see the items of the blocks around them, an inner item shadows an
// outer one, and an item is visible before its declaration in its block.

fn f() -> i32 {
    0
}

const K: i32 = 100;

fn main() {
    println!("{}", f());
    {
        fn f() -> i32 {
            1
        }
        println!("{}", f());
    }
    {
        println!("{}", f());
        fn f() -> i32 {
            2
        }
        {
            // an inner block sees its enclosing block's items ...
            println!("{}", f() + g());
            fn g() -> i32 {
                10
            }
            {
                // ... and shadows them
                fn f() -> i32 {
                    3
                }
                const K: i32 = 7;
                println!("{} {}", f(), K);
            }
            println!("{}", K);
        }
    }
    for i in 0..2 {
        #[derive(Debug, Clone, Copy)]
        struct P {
            x: i32,
        }
        impl P {
            fn twice(self) -> P {
                P { x: self.x * 2 }
            }
        }
        let p = P { x: i };
        println!("{:?}", p.twice());
    }
    if K > 0 {
        struct P(f32);
        let p = P(1.5);
        println!("{}", p.0);
    }
    let h = |x: i32| {
        fn sq(v: i32) -> i32 {
            v * v
        }
        sq(x) + f()
    };
    println!("{}", h(4));
    println!("{}", f());
}
