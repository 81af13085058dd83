//! Aggregates: arrays (`[e; N]`, lists, indexing by a computed index modulo the length),
//! slices (`&a[x..y]`, `len`, `first`, `last`, `contains`, `iter`, `get`, `reverse`,
//! `rotate_left`), `Vec` (`push`, `pop`, `insert`, `remove`, `retain`, `sort`, `dedup`,
//! `truncate`, `extend_from_slice`, `{:?}`), and structs (derives, methods, field updates,
//! `==`, `{:?}`).

use super::{Gen, StructDef, Ty};

/// A section over an array of random integer or float elements and slices of it.
pub fn array_section(g: &mut Gen) -> String {
    let ty = if g.rng.chance(1, 4) { Ty::F64 } else { g.int_ty() };
    let t = ty.name();
    let n = g.rng.range(1, 8) as usize;
    let a = g.fresh("a");
    g.budget = 12;
    let elems: Vec<String> = (0..n).map(|_| g.expr(ty, 1)).collect();
    let mut s = format!("        let mut {a}: [{t}; {n}] = [{}];\n", elems.join(", "));
    let idx_ty = g.int_ty();
    g.budget = 6;
    let idx = g.expr(idx_ty, 2);
    g.budget = 6;
    let val = g.expr(ty, 2);
    s.push_str(&format!("        {a}[({idx} as usize) % {n}] = {val};\n"));
    let x = g.rng.range(0, n as i64);
    let y = g.rng.range(x, n as i64);
    let sl = g.fresh("s");
    s.push_str(&format!("        let {sl}: &[{t}] = &{a}[{x}..{y}];\n"));
    s.push_str(&format!("        println!(\"{{}} {{:?}} {{:?}} {{:?}}\", {sl}.len(), {sl}.first(), {sl}.last(), {sl}.get(1));\n"));
    s.push_str(&format!("        println!(\"{{:?}}\", {a});\n"));
    if ty.is_int() {
        g.budget = 4;
        let probe = g.expr(ty, 1);
        s.push_str(&format!(
            "        println!(\"{{}} {{}}\", {sl}.contains(&{probe}), {a}.iter().fold(0{t}, |acc, x| acc.wrapping_add(*x)));\n"
        ));
        let k = g.rng.range(0, n as i64);
        s.push_str(&format!("        {a}.rotate_left({k});\n        {a}[..].reverse();\n"));
        s.push_str(&format!(
            "        {a}.sort();\n        println!(\"{{:?}} {{:?}}\", {a}, {a}.binary_search(&{}).is_ok());\n",
            g.literal(ty)
        ));
    } else {
        // (NaNs zeroed before `total_cmp` sorts them: a NaN's sign is unspecified in Rust)
        s.push_str(&format!(
            "        println!(\"{{:?}}\", {a}.iter().fold(0.0, |acc: f64, x| acc + *x));\n        for x in {a}.iter_mut() {{ if x.is_nan() {{ *x = 0.0; }} }}\n        {a}.sort_by(|p, q| p.total_cmp(q));\n        println!(\"{{:?}}\", {a});\n"
        ));
    }
    s.push_str(&format!("        let {a}2 = [{}; {n}];\n        println!(\"{{:?}} {{}}\", {a}2, {a}2 == {a});\n", g.literal(ty)));
    s
}

/// A section building a `Vec` in a loop and editing it with the `Vec` and slice methods.
pub fn vec_section(g: &mut Gen) -> String {
    let ty = g.int_ty();
    let t = ty.name();
    let v = g.fresh("vec");
    let i = g.fresh("i");
    let n = g.rng.range(0, 12);
    let mut s = format!("        let mut {v}: Vec<{t}> = Vec::new();\n");
    g.push_scope();
    g.declare(&i, Ty::U32, false);
    g.budget = 8;
    let e = g.expr(ty, 3);
    g.pop_scope();
    s.push_str(&format!("        for {i} in 0..{n}u32 {{ {v}.push({e}); }}\n"));
    s.push_str(&format!("        println!(\"{{:?}} {{}}\", {v}, {v}.len());\n"));
    for _ in 0..g.rng.range(2, 6) {
        let lit = g.literal(ty);
        let op = match g.rng.below(10) {
            0 => format!("{v}.push({lit});"),
            1 => format!("println!(\"{{:?}}\", {v}.pop());"),
            2 => format!("{v}.insert({v}.len() / 2, {lit});"),
            3 => format!("if !{v}.is_empty() {{ println!(\"{{}}\", {v}.remove(0)); }}"),
            4 => format!("{v}.retain(|x| *x != {lit});"),
            5 => format!("{v}.sort();"),
            6 => format!("{v}.dedup();"),
            7 => format!("{v}.truncate({});", g.rng.range(0, 8)),
            8 => format!("{v}.extend_from_slice(&[{lit}, {}]);", g.literal(ty)),
            _ => format!("if {v}.len() > 1 {{ let last = {v}.len() - 1; {v}.swap(0, last); }}"),
        };
        s.push_str(&format!("        {op}\n"));
    }
    s.push_str(&format!(
        "        println!(\"{{:?}} {{:?}} {{:?}} {{}}\", {v}, {v}.iter().max(), {v}.iter().min(), {v}.iter().filter(|x| **x > {}).count());\n",
        g.literal(ty)
    ));
    let w = g.fresh("w");
    s.push_str(&format!("        let {w}: Vec<u64> = {v}.iter().map(|x| *x as u64).collect();\n        println!(\"{{:?}}\", {w});\n"));
    s
}

/// Define a fresh struct with two to four scalar fields (derives Debug, Clone, Copy,
/// PartialEq) and an impl with a method computing a value from the fields.
pub fn struct_def(g: &mut Gen) -> StructDef {
    let name = g.fresh("S");
    let nf = g.rng.range(2, 4);
    let fields: Vec<(String, Ty)> = (0..nf).map(|k| (format!("f{k}"), g.scalar_ty())).collect();
    let field_list: Vec<String> = fields.iter().map(|(f, t)| format!("{f}: {}", t.name())).collect();
    let mut item = format!("#[derive(Debug, Clone, Copy, PartialEq)]\nstruct {name} {{ {} }}\n", field_list.join(", "));
    // A method: fields as locals, scalar result.
    let ret = g.int_ty();
    let body = g.with_new_body(|g| {
        for (f, t) in &fields {
            g.declare(&format!("self.{f}"), *t, false);
        }
        g.budget = 10;
        g.expr(ret, 3)
    });
    item.push_str(&format!("impl {name} {{\n    fn value(&self) -> {} {{\n        {body}\n    }}\n", ret.name()));
    // A mutating method.
    let (f0, t0) = fields[0].clone();
    let upd = g.with_new_body(|g| {
        g.declare("k", t0, false);
        for (f, t) in &fields {
            g.declare(&format!("self.{f}"), *t, false);
        }
        g.budget = 8;
        g.expr(t0, 2)
    });
    item.push_str(&format!("    fn bump(&mut self, k: {}) {{\n        self.{f0} = {upd};\n    }}\n}}\n", t0.name()));
    g.items.push(item);
    let def = StructDef { name, fields };
    g.structs.push(def.clone());
    def
}

/// A section with a struct value: literal (fields in random order), field reads and writes,
/// methods, a copy compared with `==`, `{:?}` and `{:#?}`.
pub fn struct_section(g: &mut Gen) -> String {
    let def = if g.structs.is_empty() || g.rng.chance(1, 2) { struct_def(g) } else { g.rng.pick(&g.structs.clone()).clone() };
    let x = g.fresh("x");
    let mut order: Vec<usize> = (0..def.fields.len()).collect();
    for k in (1..order.len()).rev() {
        let j = g.rng.below(k as u64 + 1) as usize;
        order.swap(k, j);
    }
    let inits: Vec<String> = order
        .iter()
        .map(|&k| {
            let (f, t) = def.fields[k].clone();
            g.budget = 6;
            format!("{f}: {}", g.expr(t, 2))
        })
        .collect();
    let mut s = format!("        let mut {x} = {} {{ {} }};\n", def.name, inits.join(", "));
    let y = g.fresh("y");
    s.push_str(&format!("        let {y} = {x};\n"));
    let (f0, t0) = def.fields[0].clone();
    g.budget = 6;
    let k = g.expr(t0, 2);
    s.push_str(&format!("        {x}.bump({k});\n"));
    let (fl, tl) = def.fields[def.fields.len() - 1].clone();
    g.budget = 6;
    let e = g.expr(tl, 2);
    s.push_str(&format!("        {x}.{fl} = {e};\n"));
    let pretty = if g.rng.chance(1, 4) { "{:#?}" } else { "{:?}" };
    s.push_str(&format!("        println!(\"{pretty} {{:?}} {{}} {{}} {{:?}}\", {x}, {y}, {x} == {y}, {x}.value(), {y}.{f0});\n"));
    if g.rng.chance(1, 2) {
        // derived `Debug` with a width, precision, sign or fill: each field takes the spec
        let spec = match g.rng.below(6) {
            0 => format!("{{:{}?}}", g.rng.below(14)),
            1 => format!("{{:>{}.{}?}}", g.rng.below(14), g.rng.below(5)),
            2 => format!("{{:+0{}?}}", g.rng.below(12)),
            3 => format!("{{:*^{}?}}", g.rng.below(12)),
            4 => "{:#8?}".to_string(),
            _ => "{:<w$.p$?}".to_string(),
        };
        let counts = if spec.contains('$') { format!(", w = {}, p = {}", g.count_arg(14), g.count_arg(5)) } else { String::new() };
        let value = if g.rng.chance(1, 3) { format!("({x}, Some({y}.{f0}), [{y}; 2])") } else { x.clone() };
        s.push_str(&format!("        println!(\"{spec}\", {value}{counts});\n"));
    }
    s
}
