//! Evaluation order where it can be seen: format arguments, call arguments, method receivers,
//! struct literal fields, compound assignments and operands that print when evaluated
//! (`println!("{} {}", s(3), f(4))` where `f` prints: rustc evaluates every argument, in the
//! written order, before it writes anything). Host only.

use super::{Gen, Ty};

/// The helpers of one section: `seen` prints its tag and returns its value, `made` prints and
/// returns a `String`, a struct built with fields out of order, a method taking two arguments
/// on a receiver that `pick` prints.
struct Helpers {
    seen: String,
    made: String,
    pick: String,
    st: String,
    acc: String,
}

fn helpers(g: &mut Gen) -> Helpers {
    let h = Helpers { seen: g.fresh("seen"), made: g.fresh("made"), pick: g.fresh("pick"), st: g.fresh("Pt"), acc: g.fresh("Acc") };
    let Helpers { seen, made, pick, st, acc } = &h;
    g.items.push(format!("fn {seen}(tag: u32, x: i64) -> i64 {{\n    println!(\"{seen} {{tag}} {{x}}\");\n    x\n}}"));
    g.items.push(format!("fn {made}(tag: u32, x: i64) -> String {{\n    println!(\"{made} {{tag}}\");\n    format!(\"<{{x}}>\")\n}}"));
    g.items.push(format!("struct {st} {{\n    a: i64,\n    b: i64,\n    c: String,\n}}"));
    g.items.push(format!(
        "struct {acc} {{\n    total: i64,\n}}\nimpl {acc} {{\n    fn add(&mut self, x: i64, y: i64) -> i64 {{\n        self.total = self.total.wrapping_add(x ^ y);\n        self.total\n    }}\n}}"
    ));
    g.items.push(format!("fn {pick}(a: &mut {acc}, tag: u32) -> &mut {acc} {{\n    println!(\"{pick} {{tag}}\");\n    a\n}}"));
    h
}

/// A call that prints when it is evaluated: `seen(tag, x)`, or `made(tag, x)` (a `String`).
fn operand(g: &mut Gen, h: &Helpers, tag: &mut u32, made: bool) -> String {
    *tag += 1;
    g.budget = 4;
    let x = g.expr(Ty::I64, 1);
    format!("{}({tag}, {x})", if made { &h.made } else { &h.seen })
}

/// A section whose statements evaluate printing operands.
pub fn effects_section(g: &mut Gen) -> String {
    let h = helpers(g);
    let mut tag = 0u32;
    let mut s = String::new();
    let n = g.rng.range(3, 7);
    for _ in 0..n {
        let line = match g.rng.below(9) {
            // positional arguments with specs, some printing, some `String`s, a local
            0 | 1 => {
                let k = g.rng.range(2, 5) as usize;
                let mut fmt = Vec::new();
                let mut args = Vec::new();
                for _ in 0..k {
                    let made = g.rng.chance(1, 3);
                    let spec =
                        if made { *g.rng.pick(&["{}", "{:?}", "{:>9}"]) } else { *g.rng.pick(&["{}", "{:?}", "{:>6}", "{:+}", "{:x}"]) };
                    fmt.push(spec);
                    args.push(operand(g, &h, &mut tag, made));
                }
                format!("println!(\"{}\", {});", fmt.join(" "), args.join(", "))
            }
            // explicit positions and a named argument
            2 => {
                let (a, b, c) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, true), operand(g, &h, &mut tag, false));
                format!("println!(\"{{1}} {{0}} {{k}} {{0:?}}\", {a}, {b}, k = {c});")
            }
            // `format!` and `write!` into a `String`
            3 => {
                let (a, b) = (operand(g, &h, &mut tag, true), operand(g, &h, &mut tag, false));
                let (c, d) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, true));
                format!(
                    "let text = format!(\"[{{}}|{{:?}}]\", {a}, {b});\n        let mut out = String::new();\n        {{\n            use std::fmt::Write;\n            write!(out, \"{{}};{{}}\", {c}, {d}).unwrap();\n        }}\n        println!(\"{{text}} {{out}}\");"
                )
            }
            // call arguments and a method receiver before its arguments
            4 => {
                let (a, b) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false));
                let (c, d) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false));
                tag += 1;
                format!(
                    "let mut acc = {acc} {{ total: {a} }};\n        let r = {pick}(&mut acc, {tag}).add({b}, {c});\n        println!(\"{{r}} {{}}\", acc.add({d}, r));",
                    acc = h.acc,
                    pick = h.pick
                )
            }
            // struct literal fields out of their declaration order
            5 => {
                let (a, b, c) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, true));
                let fields = match g.rng.below(3) {
                    0 => format!("c: {c}, b: {b}, a: {a}"),
                    1 => format!("b: {b}, a: {a}, c: {c}"),
                    _ => format!("a: {a}, c: {c}, b: {b}"),
                };
                format!("let p = {} {{ {fields} }};\n        println!(\"{{}} {{}} {{}}\", p.a, p.b, p.c);", h.st)
            }
            // binary operands and a compound assignment through a printing index
            6 => {
                let (a, b, c) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false));
                let (i, v) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false));
                format!(
                    "let z = {a}.wrapping_add({b}.wrapping_mul({c}));\n        let mut arr = [1i64, 2, 3];\n        arr[({i} as usize) % 3] ^= {v};\n        println!(\"{{z}} {{arr:?}}\");"
                )
            }
            // an `assert!` whose message is evaluated only when it fails (here never)
            7 => {
                let (a, b) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, false));
                format!("assert!({a} == {a} || true, \"never {{}}\", {b});")
            }
            // a width from an argument that prints
            _ => {
                let (a, b) = (operand(g, &h, &mut tag, false), operand(g, &h, &mut tag, true));
                let w = g.rng.range(0, 12);
                format!("println!(\"[{{:>1$}}] {{2}}\", {a}, {}(0, {w}).len(), {b});", h.made)
            }
        };
        s.push_str("        ");
        s.push_str(&line);
        s.push('\n');
    }
    s
}
