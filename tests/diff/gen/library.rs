//! Library-heavy sections grown with the language (issue 16): `Result<T, String>` with `?`,
//! `map_err` / `ok` / `unwrap_or_else`, `String` building with `format!` / `push_str` /
//! `to_string`, closures passed to generic functions (`F: Fn(T) -> T`, `FnMut`), a user
//! trait implemented for several types used through generic bounds, `match` with tuple,
//! range, `@` and or-patterns, and iterator chains collected into `Vec`s.

use super::{Gen, Ty};

/// A section with a fallible helper returning `Result<T, String>` (errors built by
/// `format!`), a caller chaining it with `?`, and the combinators on its results.
pub fn result_section(g: &mut Gen) -> String {
    let ty = g.int_ty();
    let t = ty.name();
    let chk = g.fresh("chk");
    let lim = g.literal(ty);
    let k = g.literal(ty);
    g.items.push(format!(
        "fn {chk}(a: {t}, b: {t}) -> Result<{t}, String> {{\n    if a > {lim} {{\n        return Err(format!(\"too big: {{}} > {{}}\", a, {lim}));\n    }}\n    a.checked_add(b).ok_or_else(|| format!(\"overflow {{}}+{{}}\", a, b))\n}}"
    ));
    let both = g.fresh("both");
    g.items.push(format!(
        "fn {both}(a: {t}, b: {t}) -> Result<{t}, String> {{\n    let x = {chk}(a, b)?;\n    let y = {chk}(x, {k}).map_err(|e| format!(\"second: {{}}\", e))?;\n    Ok(y.wrapping_sub(a))\n}}"
    ));
    let mut s = String::new();
    for _ in 0..g.rng.range(2, 5) {
        g.budget = 6;
        let a = g.expr(ty, 2);
        let b = g.expr(ty, 2);
        let r = g.fresh("r");
        s.push_str(&format!("        let {r} = {both}({a}, {b});\n"));
        let d = g.literal(ty);
        match g.rng.below(5) {
            0 => s.push_str(&format!("        println!(\"{{:?}}\", {r});\n")),
            1 => s.push_str(&format!("        println!(\"{{:?}} {{}}\", {r}.clone().ok(), {r}.is_ok());\n")),
            2 => s.push_str(&format!(
                "        match {r} {{\n            Ok(v) if v > {d} => println!(\"big {{}}\", v),\n            Ok(v) => println!(\"ok {{}}\", v),\n            Err(e) => println!(\"err {{}} {{}}\", e.len(), e),\n        }}\n"
            )),
            3 => s.push_str(&format!("        println!(\"{{}}\", {r}.unwrap_or_else(|e| e.len() as {t}));\n")),
            _ => s.push_str(&format!("        println!(\"{{:?}}\", {r}.map(|v| v.wrapping_mul(2)).unwrap_or({d}));\n")),
        }
    }
    s
}

/// A section building `String`s: `format!` with specs, `push_str`, `push`, `+`, `to_string`,
/// `len`, `contains`, `to_uppercase`, `repeat` and a `collect::<String>()`.
pub fn string_section(g: &mut Gen) -> String {
    let ty = g.num_ty();
    g.budget = 8;
    let a = g.expr(ty, 2);
    let spec = g.spec(ty);
    let sv = g.fresh("s");
    let mut s = format!("        let mut {sv} = format!(\"<{spec}>\", {a});\n");
    let word = *g.rng.pick(&["ab", "xyz", "Q", "", "hello", "a-b"]);
    for _ in 0..g.rng.range(1, 5) {
        let n = g.rng.range(0, 4);
        let c = *g.rng.pick(&["'z'", "'#'", "'0'", "' '"]);
        match g.rng.below(5) {
            0 => s.push_str(&format!("        {sv}.push_str(\"{word}\");\n")),
            1 => s.push_str(&format!("        {sv}.push({c});\n")),
            2 => s.push_str(&format!("        {sv} = {sv} + &\"{word}\".repeat({n});\n")),
            3 => {
                let it = g.int_ty();
                let v = g.literal(it);
                s.push_str(&format!("        {sv} += &({v}).to_string();\n"));
            }
            _ => s.push_str(&format!("        {sv} = {sv}.to_uppercase();\n")),
        }
    }
    s.push_str(&format!("        println!(\"{{}} {{}} {{:?}} {{}}\", {sv}, {sv}.len(), {sv}, {sv}.contains(\"{word}\"));\n"));
    let w = g.rng.range(0, 12);
    s.push_str(&format!("        println!(\"[{{:>{w}}}] [{{:<{w}}}] [{{:^{w}.3}}]\", {sv}, {sv}.as_str(), {sv});\n"));
    s.push_str(&format!(
        "        let rev: String = {sv}.chars().rev().filter(|c| *c != '0').collect();\n        println!(\"{{}}\", rev);\n"
    ));
    s
}

/// A section passing closures to generic functions: `F: Fn(T) -> T` applied repeatedly, an
/// `FnMut` visitor, and a closure returned from a function (`impl Fn`).
pub fn higher_order_section(g: &mut Gen) -> String {
    let ty = g.int_ty();
    let t = ty.name();
    let ap = g.fresh("apply");
    g.items.push(format!(
        "fn {ap}<T: Copy, F: Fn(T) -> T>(f: F, x: T, n: usize) -> T {{\n    let mut v = x;\n    for _ in 0..n {{\n        v = f(v);\n    }}\n    v\n}}"
    ));
    let vis = g.fresh("visit");
    g.items.push(format!("fn {vis}<F>(xs: &[{t}], mut f: F) where F: FnMut(usize, {t}) {{\n    for (i, x) in xs.iter().enumerate() {{\n        f(i, *x);\n    }}\n}}"));
    let mk = g.fresh("adder");
    g.items.push(format!("fn {mk}(k: {t}) -> impl Fn({t}) -> {t} {{\n    move |x| x.wrapping_add(k)\n}}"));
    let kv = g.fresh("k");
    g.budget = 6;
    let kx = g.expr(ty, 2);
    let mut s = format!("        let {kv}: {t} = {kx};\n");
    g.declare(&kv, ty, false);
    g.push_scope();
    g.declare("x", ty, false);
    g.budget = 8;
    let body = g.expr(ty, 3);
    g.pop_scope();
    let n = g.rng.range(0, 6);
    g.budget = 6;
    let x0 = g.expr(ty, 2);
    s.push_str(&format!("        println!(\"{{}}\", {ap}(|x: {t}| {body}, {x0}, {n}));\n"));
    s.push_str(&format!("        println!(\"{{}}\", {ap}({mk}({kv}), {x0}, {n}));\n"));
    g.budget = 10;
    let elems: Vec<String> = (0..g.rng.range(0, 6)).map(|_| g.expr(ty, 1)).collect();
    let xs = g.fresh("xs");
    s.push_str(&format!("        let {xs}: Vec<{t}> = vec![{}];\n", elems.join(", ")));
    s.push_str(&format!(
        "        let mut seen = Vec::new();\n        let mut tot: {t} = 0;\n        {vis}(&{xs}, |i, x| {{ tot = tot.wrapping_add(x); if i % 2 == 0 {{ seen.push(x); }} }});\n        println!(\"{{}} {{:?}}\", tot, seen);\n"
    ));
    let pairs =
        format!("{xs}.iter().zip({xs}.iter().skip(1)).map(|(a, b)| a.wrapping_sub(*b)).filter(|d| *d != {kv}).collect::<Vec<{t}>>()");
    s.push_str(&format!("        let ds = {pairs};\n        println!(\"{{:?}} {{}}\", ds, ds.iter().fold(0{t}, |a, b| a ^ b));\n"));
    s.push_str(&format!(
        "        let ev: Vec<(usize, {t})> = {xs}.iter().copied().enumerate().filter(|(i, _)| i % 2 == 1).collect();\n        println!(\"{{:?}} {{}}\", ev, {xs}.iter().map(|x| *x as i64).fold(0i64, |a, b| a.wrapping_add(b)));\n"
    ));
    s
}

/// A section with a user trait implemented for a struct, an enum and two primitive types,
/// used through a generic function with a `where` clause and `Debug` bound, and a `match` of
/// a tuple with range, `@` and or-patterns.
pub fn trait_match_section(g: &mut Gen) -> String {
    let tr = g.fresh("Sh");
    let st = g.fresh("P");
    let en = g.fresh("K");
    let p1 = g.int_ty();
    let mut p2 = if g.rng.chance(1, 2) { Ty::F64 } else { g.int_ty() };
    while p2 == p1 {
        p2 = g.int_ty();
    }
    let c = g.rng.range(1, 50);
    g.items.push(format!(
        "trait {tr} {{\n    fn score(&self) -> i64;\n    fn label(&self) -> String {{ format!(\"s{{}}\", self.score()) }}\n}}\n#[derive(Debug, Clone, Copy)]\nstruct {st} {{ a: {p1}, b: {p1} }}\n#[derive(Debug, Clone, Copy)]\nenum {en} {{ Lo, Hi({p1}), Pt({st}) }}\nimpl {tr} for {st} {{\n    fn score(&self) -> i64 {{ (self.a as i64).wrapping_sub(self.b as i64) }}\n}}\nimpl {tr} for {en} {{\n    fn score(&self) -> i64 {{\n        match self {{\n            {en}::Lo => -1,\n            {en}::Hi(v) => *v as i64 % {c},\n            {en}::Pt(p) => p.score().wrapping_mul(2),\n        }}\n    }}\n    fn label(&self) -> String {{ format!(\"{{:?}}/{{}}\", self, self.score()) }}\n}}\nimpl {tr} for {p1} {{\n    fn score(&self) -> i64 {{ *self as i64 }}\n}}\nimpl {tr} for {p2n} {{\n    fn score(&self) -> i64 {{ (*self as i64).wrapping_add({c}) }}\n}}\nfn show_{tr}<T>(x: &T) -> String where T: {tr} + std::fmt::Debug {{\n    format!(\"{{:?}} -> {{}} {{}}\", x, x.score(), x.label())\n}}",
        p1 = p1.name(),
        p2n = p2.name()
    ));
    g.budget = 10;
    let (a, b, h) = (g.expr(p1, 2), g.expr(p1, 2), g.expr(p1, 2));
    let q = g.expr(p2, 2);
    let mut s = format!("        let pt = {st} {{ a: {a}, b: {b} }};\n");
    s.push_str(&format!("        let ks = [{en}::Lo, {en}::Hi({h}), {en}::Pt(pt)];\n"));
    s.push_str(&format!(
        "        for k in ks.iter() {{\n            println!(\"{{}}\", show_{tr}(k));\n        }}\n        println!(\"{{}} {{}} {{}}\", show_{tr}(&pt), show_{tr}(&{h}), show_{tr}(&{q}));\n"
    ));
    s.push_str(
        "        let total: i64 = ks.iter().map(|k| k.score()).filter(|v| *v >= 0).fold(0, |a: i64, b| a.wrapping_add(b));\n        println!(\"{}\", total);\n",
    );
    let (lo, hi) = (g.rng.range(0, 40), g.rng.range(40, 120));
    s.push_str(&format!(
        "        for k in ks {{\n            let m = match (k, k.score() % 7) {{\n                ({en}::Lo, _) => \"lo\".to_string(),\n                ({en}::Hi(v), 0 | 3) => format!(\"hi3 {{}}\", v),\n                ({en}::Hi(_), r @ 1..=2) => format!(\"hi {{}}\", r),\n                (_, r @ -6..=-1) => format!(\"neg {{}}\", r),\n                ({en}::Pt({st} {{ a, .. }}), _) if (a as i64) > {lo} && (a as i64) < {hi} => format!(\"pt {{}}\", a),\n                (other, r) => format!(\"{{:?}} {{}}\", other, r),\n            }};\n            println!(\"{{}}\", m);\n        }}\n"
    ));
    s
}
