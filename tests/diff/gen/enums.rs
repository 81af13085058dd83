//! Enums and `Option`: a data-carrying enum (unit, tuple and struct variants, derived Debug
//! and PartialEq) built from values and matched with bindings, guards and or-patterns;
//! `Option` combinators (`map`, `and_then`, `filter`, `unwrap_or`, `checked_*`, `?`).

use super::{Gen, Ty};

/// A section defining an enum, building one value per variant in an array and folding a
/// `match` over them.
pub fn enum_section(g: &mut Gen) -> String {
    let name = g.fresh("E");
    let ta = g.int_ty();
    let tb = g.scalar_ty();
    let tc = g.int_ty();
    g.items.push(format!(
        "#[derive(Debug, Clone, Copy, PartialEq)]\nenum {name} {{ Unit, One({}), Two({}, {}), Named {{ x: {}, flag: bool }} }}",
        ta.name(),
        tb.name(),
        ta.name(),
        tc.name()
    ));
    let r = g.int_ty();
    let rt = r.name();
    g.budget = 12;
    let v1 = g.expr(ta, 2);
    let v2 = g.expr(tb, 2);
    let v3 = g.expr(ta, 1);
    let v4 = g.expr(tc, 2);
    let vals = format!("[{name}::Unit, {name}::One({v1}), {name}::Two({v2}, {v3}), {name}::Named {{ x: {v4}, flag: true }}, {name}::Named {{ x: {v4}, flag: false }}]");
    let arr = g.fresh("es");
    let mut s = format!("        let {arr} = {vals};\n");
    // Arms: bindings are in scope for their value expressions.
    let arm = |g: &mut Gen, binds: &[(&str, Ty)]| -> String {
        g.push_scope();
        for (b, t) in binds {
            g.declare(b, *t, false);
        }
        g.budget = 6;
        let e = g.expr(r, 2);
        g.pop_scope();
        e
    };
    let a_unit = arm(g, &[]);
    let a_one = arm(g, &[("p", ta)]);
    let guard = {
        g.push_scope();
        g.declare("p", tb, false);
        g.declare("q", ta, false);
        g.budget = 4;
        let e = g.expr(Ty::Bool, 2);
        g.pop_scope();
        e
    };
    let a_two = arm(g, &[("p", tb), ("q", ta)]);
    let a_named = arm(g, &[("x", tc)]);
    let a_rest = arm(g, &[]);
    let acc = g.fresh("acc");
    s.push_str(&format!(
        "        let mut {acc}: {rt} = 0;\n        for e in {arr} {{\n            let v: {rt} = match e {{\n                {name}::Unit => {a_unit},\n                {name}::One(p) => {a_one},\n                {name}::Two(p, q) if {guard} => {a_two},\n                {name}::Named {{ x, flag: true }} => {a_named},\n                {name}::Two(..) | {name}::Named {{ .. }} => {a_rest},\n            }};\n            {acc} = {acc}.wrapping_add(v);\n            println!(\"{{:?}} {{}} {{}}\", e, v, e == {name}::Unit);\n        }}\n        println!(\"{{}}\", {acc});\n"
    ));
    s
}

/// A section of `Option` values: `checked_*` results, combinators with closures, `?` inside a
/// helper function, `if let` / `let else` / `while let`.
pub fn option_section(g: &mut Gen) -> String {
    let ty = g.int_ty();
    let t = ty.name();
    g.budget = 8;
    let a = g.expr(ty, 2);
    let b = g.expr(ty, 2);
    let o = g.fresh("o");
    let mut s = format!("        let {o}: Option<{t}> = {a}.checked_add({b});\n");
    let k = g.literal(ty);
    s.push_str(&format!(
        "        println!(\"{{:?}} {{:?}} {{:?}} {{}}\", {o}, {o}.map(|x| x.wrapping_mul({k})), {o}.filter(|x| *x > {k}), {o}.is_some());\n"
    ));
    let k2 = g.literal(ty);
    s.push_str(&format!("        println!(\"{{:?}} {{}}\", {o}.and_then(|x| x.checked_sub({k2})), {o}.map_or({k2}, |x| x / 2));\n"));
    s.push_str(&format!("        if let Some(x) = {o} {{ println!(\"some {{}}\", x); }} else {{ println!(\"none\"); }}\n"));
    // `?` in a helper.
    let f = g.fresh("opt");
    let c1 = g.literal(ty);
    let c2 = g.literal(ty);
    g.items.push(format!(
        "fn {f}(a: {t}, b: {t}) -> Option<{t}> {{\n    let s = a.checked_mul(b)?;\n    let d = s.checked_sub({c1})?;\n    Some(d.wrapping_add({c2}))\n}}"
    ));
    let x = g.literal(ty);
    let y = g.literal(ty);
    s.push_str(&format!("        println!(\"{{:?}} {{:?}}\", {f}({x}, {y}), {f}({y}, {x}));\n"));
    // while let over a countdown.
    let n = g.rng.range(0, 5);
    s.push_str(&format!(
        "        let mut left: Option<u8> = Some({n});\n        while let Some(k) = left {{ print!(\"{{}} \", k); left = k.checked_sub(1); }}\n        println!();\n"
    ));
    s.push_str(&format!("        let Some(z) = {o}.or(Some({k})) else {{ panic!(\"unreachable\") }};\n        println!(\"{{}}\", z);\n"));
    s
}
