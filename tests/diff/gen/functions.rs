//! Functions, generics, traits, closures and iterator adapters: helper functions over scalars,
//! a trait with a default method implemented for a struct and a primitive, generic functions
//! with bounds (`T: Trait`, `T: PartialOrd + Copy`), closures capturing locals, and iterator
//! chains (`map`, `filter`, `enumerate`, `zip`, `rev`, `skip`, `take`, `step_by`, `fold`,
//! `sum`, `count`, `min`, `max`, `any`, `all`, `position`, `collect`).

use super::{Gen, Ty};

/// Add a helper function `fn fN(a: T, b: U) -> R` with a generated body; later code calls it.
/// Half of them print (host only); the others may be called from kernels.
pub fn scalar_fn(g: &mut Gen) {
    let name = g.fresh("f");
    let np = g.rng.range(1, 3) as usize;
    let params: Vec<Ty> = (0..np).map(|_| g.scalar_ty()).collect();
    let ret = g.scalar_ty();
    let device_ok = g.rng.chance(1, 2);
    let was_device = g.device;
    let body = g.with_new_body(|g| {
        g.device = device_ok || was_device;
        for (k, &p) in params.iter().enumerate() {
            g.declare(&format!("p{k}"), p, false);
        }
        let n = g.rng.range(1, 4) as usize;
        let s = g.stmts(n);
        g.budget = 10;
        let e = g.expr(ret, 3);
        g.device = was_device;
        format!("{s}    {e}\n")
    });
    let plist: Vec<String> = params.iter().enumerate().map(|(k, p)| format!("p{k}: {}", p.name())).collect();
    g.items.push(format!("fn {name}({}) -> {} {{\n{body}}}", plist.join(", "), ret.name()));
    g.fns.push(super::FnSig { name, params, ret, device_ok });
}

/// A section with a trait (required and default method), impls for a struct and a primitive
/// integer type, a generic function over the trait and one over `PartialOrd + Copy`.
pub fn generic_section(g: &mut Gen) -> String {
    let tr = g.fresh("Tr");
    let prim = g.int_ty();
    let pt = prim.name();
    let st = g.fresh("W");
    let k = g.rng.range(1, 9);
    let c = g.literal(Ty::I64);
    g.items.push(format!(
        "trait {tr} {{\n    fn val_{tr}(&self) -> i64;\n    fn twice_{tr}(&self) -> i64 {{ self.val_{tr}().wrapping_mul({k}) }}\n}}\nstruct {st} {{ w: {pt} }}\nimpl {tr} for {st} {{\n    fn val_{tr}(&self) -> i64 {{ (self.w as i64).wrapping_add({c}) }}\n}}\nimpl {tr} for {pt} {{\n    fn val_{tr}(&self) -> i64 {{ (*self as i64) ^ 0x55 }}\n    fn twice_{tr}(&self) -> i64 {{ self.val_{tr}().wrapping_sub(1) }}\n}}\nfn use_{tr}<T: {tr}>(x: &T, y: &T) -> i64 {{ x.twice_{tr}().wrapping_add(y.val_{tr}()) }}"
    ));
    let gm = g.fresh("pick");
    g.items.push(format!("fn {gm}<T: PartialOrd + Copy>(a: T, b: T, c: T) -> T {{ if a < b {{ if b < c {{ c }} else {{ b }} }} else if a < c {{ c }} else {{ a }} }}"));
    g.budget = 8;
    let a = g.expr(prim, 2);
    let b = g.expr(prim, 2);
    let ty = g.num_ty();
    g.budget = 9;
    let (x, y, z) = (g.expr(ty, 2), g.expr(ty, 2), g.expr(ty, 2));
    format!(
        "        println!(\"{{}} {{}}\", use_{tr}(&{st} {{ w: {a} }}, &{st} {{ w: {b} }}), use_{tr}(&{a}, &{b}));\n        println!(\"{{:?}}\", {gm}({x}, {y}, {z}));\n"
    )
}

/// A section with closures capturing locals (by reference and `move`), called directly and
/// passed to iterator adapters over ranges, arrays and `Vec`s.
pub fn closure_section(g: &mut Gen) -> String {
    let ty = g.int_ty();
    let t = ty.name();
    let k = g.fresh("k");
    g.budget = 6;
    let kv = g.expr(ty, 2);
    let mut s = format!("        let {k}: {t} = {kv};\n");
    g.declare(&k, ty, false);
    let f = g.fresh("cl");
    g.push_scope();
    g.declare("x", ty, false);
    g.budget = 8;
    let body = g.expr(ty, 3);
    g.budget = 5;
    let pred = g.expr(Ty::Bool, 2);
    g.pop_scope();
    let mv = if g.rng.chance(1, 2) { "move " } else { "" };
    s.push_str(&format!("        let {f} = {mv}|x: {t}| -> {t} {{ {body} }};\n"));
    let n = g.rng.range(0, 20);
    let src = match g.rng.below(3) {
        0 => format!("(0..{n}).map(|i: usize| i as {t})"),
        1 => {
            g.budget = 10;
            let elems: Vec<String> = (0..g.rng.range(1, 6)).map(|_| g.expr(ty, 1)).collect();
            format!("[{}].iter().copied()", elems.join(", "))
        }
        _ => format!("(0..{n}u32).rev().map(|i| (i as {t}).wrapping_mul(3))"),
    };
    let consumer = match g.rng.below(8) {
        0 => format!(".fold(0{t}, |a, b| a.wrapping_add(b))"),
        1 => ".count()".to_string(),
        2 => ".max()".to_string(),
        3 => ".min()".to_string(),
        4 => format!(".any(|x| x == {k})"),
        5 => format!(".position(|x| x > {k})"),
        6 => ".last()".to_string(),
        _ => ".collect::<Vec<_>>()".to_string(),
    };
    // (adapter, keeps ExactSizeIterator, keeps DoubleEndedIterator in hybridc's library:
    // Skip/Take/StepBy have no `next_back` there, so no `.rev()` after them).
    let adapters: Vec<(String, bool, bool)> = vec![
        (format!(".map({f})"), true, true),
        (format!(".map(|x: {t}| {f}(x))"), true, true),
        (format!(".filter(|&x| {pred})"), false, true),
        (".skip(1)".to_string(), true, false),
        (format!(".take({})", g.rng.range(0, 10)), true, false),
        (format!(".step_by({})", g.rng.range(1, 4)), true, false),
        (format!(".enumerate().map(|(i, x)| x.wrapping_add(i as {t}))"), true, true),
        (format!(".zip(0..{n}).map(|(x, j)| x ^ (j as {t}))"), true, true),
        (".rev()".to_string(), true, true),
    ];
    let mut chain = src.clone();
    let (mut exact, mut double_ended) = (true, true);
    for _ in 0..g.rng.range(1, 4) {
        let (a, keeps_exact, keeps_de) = g.rng.pick(&adapters).clone();
        let is_rev = a == ".rev()";
        let needs_exact = a.starts_with(".zip") || a.starts_with(".enumerate");
        if (is_rev && !double_ended) || (needs_exact && !exact && !double_ended) {
            continue;
        }
        if needs_exact && !exact {
            // rustc: Zip/Enumerate of a non-ExactSize iterator are not double-ended.
            double_ended = false;
        }
        chain.push_str(&a);
        exact &= keeps_exact;
        double_ended &= keeps_de;
    }
    s.push_str(&format!("        let r = {chain}{consumer};\n        println!(\"{{:?}}\", r);\n"));
    g.budget = 6;
    let arg = g.expr(ty, 2);
    s.push_str(&format!("        println!(\"{{}}\", {f}({arg}));\n"));
    // An FnMut closure updating a captured counter.
    let cnt = g.fresh("cnt");
    s.push_str(&format!(
        "        let mut {cnt} = 0u64;\n        let mut inc = |d: u64| {cnt} = {cnt}.wrapping_add(d);\n        for d in 0..{n}u64 {{ inc(d); }}\n        println!(\"{{}}\", {cnt});\n"
    ));
    s
}
