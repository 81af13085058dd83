// Vec<Vec<T>>, Vecs in struct fields, ==/!= between Vecs, slices and
// arrays, and {:?} / {:#?} of them (element types with Debug).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    Empty,
    Wall,
    Coin(u32),
}

#[derive(Debug)]
struct Grid {
    width: usize,
    rows: Vec<Vec<Cell>>,
}

struct Stack {
    items: Vec<i64>,
    pushes: u32,
}

impl Stack {
    fn new() -> Stack {
        Stack { items: Vec::new(), pushes: 0 }
    }
    fn push(&mut self, x: i64) {
        self.items.push(x);
        self.pushes += 1;
    }
    fn pop(&mut self) -> Option<i64> {
        self.items.pop()
    }
    fn top(&self) -> Option<&i64> {
        self.items.last()
    }
}

fn main() {
    let mut rows = Vec::new();
    for r in 0..3 {
        let mut row = vec![Cell::Empty; 4];
        row[r] = Cell::Wall;
        row[3 - r] = Cell::Coin(r as u32 * 10);
        rows.push(row);
    }
    let grid = Grid { width: 4, rows };
    println!("{:?}", grid.rows[1]);
    println!("{:?}", grid);
    println!("{:#?}", grid.rows[2]);
    let coins: u32 = {
        let mut c = 0;
        for r in 0..grid.rows.len() {
            for x in 0..grid.width {
                if let Cell::Coin(n) = grid.rows[r][x] {
                    c += n;
                }
            }
        }
        c
    };
    println!("coins {}", coins);

    let mut st = Stack::new();
    for i in 0..5 {
        st.push(i * i);
    }
    let top = *st.top().unwrap();
    let popped = st.pop();
    println!("top {} pop {:?} pushes {} items {:?}", top, popped, st.pushes, st.items);

    // equality in every pairing
    let v = vec![1u8, 2, 3];
    let a = [1u8, 2, 3];
    let s: &[u8] = &a;
    let w = vec![1u8, 2];
    println!("{} {} {} {} {}", v == a, v == s, s == &v[..], v != w, &w[..] == &v[..2]);
    let m1 = vec![vec![1, 2], vec![3]];
    let mut m2 = m1.clone();
    println!("{}", m1 == m2);
    m2[1].push(4);
    println!("{} {:?} {:?}", m1 == m2, m1, m2);
    let empty: Vec<f32> = Vec::new();
    println!("{:?} {:#?} {}", empty, empty, empty == []);
    let nested = vec![(1, b'a'), (2, b'b')];
    println!("{:?}", nested);
    // vec![row; n] clones the row: each has its own buffer
    let mut m = vec![vec![0.0f32; 3]; 2];
    m[1][2] = 5.0;
    m[0].fill(1.0);
    m[1].swap(0, 2);
    println!("{:?}", m);
    assert_eq!(v, a);
    assert_ne!(v, w);
    assert_eq!(m2[0], [1, 2]);
    println!("ok");
}
