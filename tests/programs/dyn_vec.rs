trait Op {
    fn apply(&self, x: i64) -> i64;
    fn label(&self) -> String {
        String::from("op")
    }
}

struct Add(i64);
struct Mul(i64);
struct Neg;

impl Op for Add {
    fn apply(&self, x: i64) -> i64 {
        x + self.0
    }
    fn label(&self) -> String {
        format!("+{}", self.0)
    }
}

impl Op for Mul {
    fn apply(&self, x: i64) -> i64 {
        x * self.0
    }
    fn label(&self) -> String {
        format!("*{}", self.0)
    }
}

impl Op for Neg {
    fn apply(&self, x: i64) -> i64 {
        -x
    }
}

fn run(ops: &[Box<dyn Op>], x: i64) -> i64 {
    ops.iter().fold(x, |acc, op| op.apply(acc))
}

fn first_big<'a>(ops: &'a [Box<dyn Op>]) -> &'a dyn Op {
    for op in ops {
        if op.apply(1) > 2 {
            return op.as_ref();
        }
    }
    ops[0].as_ref()
}

fn main() {
    let ops: Vec<Box<dyn Op>> = vec![Box::new(Add(3)), Box::new(Mul(4)), Box::new(Neg), Box::new(Add(-1))];
    for op in &ops {
        println!("{} -> {}", op.label(), op.apply(10));
    }
    println!("run {}", run(&ops, 2));
    println!("big {}", first_big(&ops).label());
    let zero = Neg;
    let r: &dyn Op = &zero;
    println!("{} {}", r.label(), r.apply(5));
    println!("size {}", std::mem::size_of::<&dyn Op>());
}
