// A tokenizer over `chars()` and a recursive-descent parser building a
// `Box`ed expression tree, evaluated and printed back.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Num(i64),
    Op(char),
    Open,
    Close,
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut num: Option<i64> = None;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            num = Some(num.unwrap_or(0) * 10 + d as i64);
            continue;
        }
        if let Some(n) = num.take() {
            out.push(Tok::Num(n));
        }
        match c {
            '+' | '-' | '*' | '/' => out.push(Tok::Op(c)),
            '(' => out.push(Tok::Open),
            ')' => out.push(Tok::Close),
            c if c.is_whitespace() => {}
            other => panic!("unexpected {:?}", other),
        }
    }
    if let Some(n) = num {
        out.push(Tok::Num(n));
    }
    out
}

enum Expr {
    Lit(i64),
    Bin(char, Box<Expr>, Box<Expr>),
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<Tok> {
        if self.pos < self.toks.len() { Some(self.toks[self.pos]) } else { None }
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.peek();
        self.pos += 1;
        t
    }
    fn expr(&mut self) -> Expr {
        let mut lhs = self.term();
        while let Some(Tok::Op(op)) = self.peek() {
            if op != '+' && op != '-' {
                break;
            }
            self.pos += 1;
            let rhs = self.term();
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        lhs
    }
    fn term(&mut self) -> Expr {
        let mut lhs = self.atom();
        while let Some(Tok::Op(op)) = self.peek() {
            if op != '*' && op != '/' {
                break;
            }
            self.pos += 1;
            let rhs = self.atom();
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        lhs
    }
    fn atom(&mut self) -> Expr {
        match self.next() {
            Some(Tok::Num(n)) => Expr::Lit(n),
            Some(Tok::Open) => {
                let e = self.expr();
                self.next();
                e
            }
            t => panic!("unexpected token {:?}", t),
        }
    }
}

fn eval(e: &Expr) -> i64 {
    match e {
        Expr::Lit(n) => *n,
        Expr::Bin(op, a, b) => {
            let (x, y) = (eval(a), eval(b));
            match op {
                '+' => x + y,
                '-' => x - y,
                '*' => x * y,
                _ => x / y,
            }
        }
    }
}

fn show(e: &Expr, out: &mut String) {
    match e {
        Expr::Lit(n) => out.push_str(&n.to_string()),
        Expr::Bin(op, a, b) => {
            out.push('(');
            show(a, out);
            out.push(' ');
            out.push(*op);
            out.push(' ');
            show(b, out);
            out.push(')');
        }
    }
}

fn depth(e: &Expr) -> usize {
    match e {
        Expr::Lit(_) => 1,
        Expr::Bin(_, a, b) => 1 + depth(a).max(depth(b)),
    }
}

fn main() {
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / (7 - 2) - 4*5", "42", "2*(3+(4*(5-1)))"] {
        let toks = tokenize(src);
        let mut p = Parser { toks, pos: 0 };
        let e = p.expr();
        let mut s = String::new();
        show(&e, &mut s);
        println!("{src:<20} => {s} = {} (depth {})", eval(&e), depth(&e));
    }
    println!("{:?}", tokenize((&"3+x1"[..2]).trim()));
}
