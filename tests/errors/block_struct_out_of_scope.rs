fn main() {
    let n = {
        struct Pair {
            a: i32,
            b: i32,
        }
        let p = Pair { a: 1, b: 2 };
        p.a + p.b
    };
    let q = Pair { a: n, b: n };
}
