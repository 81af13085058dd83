//! Statements and control flow: `let`, assignment and compound assignment, `if`/`else`,
//! `while`, `loop` with `break value`, `for` over ranges (`..`, `..=`, `rev`, `step_by`),
//! labelled breaks; the main sections built from them, and the panicking endings.

use super::{Gen, Ty};

impl Gen {
    /// `let` of a fresh variable of a random scalar type (mutable half the time).
    pub fn let_stmt(&mut self) -> String {
        let ty = self.scalar_ty();
        self.let_of(ty)
    }

    /// `let` of a fresh variable of type `ty`.
    pub fn let_of(&mut self, ty: Ty) -> String {
        let name = self.fresh("v");
        let mutable = self.rng.chance(1, 2);
        self.budget = 8;
        let init = self.expr(ty, 3);
        self.declare(&name, ty, mutable);
        let m = if mutable { "mut " } else { "" };
        format!("{}let {m}{name}: {} = {init};\n", self.indent(), ty.name())
    }

    /// An assignment (plain or compound) to a mutable variable in scope, else a `let`.
    pub fn assign_stmt(&mut self) -> String {
        let vars = self.mutable_vars();
        if vars.is_empty() {
            return self.let_stmt();
        }
        let (name, ty) = self.rng.pick(&vars).clone();
        self.budget = 8;
        let ind = self.indent();
        if ty.is_int() && self.rng.chance(1, 2) {
            let op = self.rng.pick(&["^=", "|=", "&="]).to_string();
            let e = self.expr(ty, 3);
            format!("{ind}{name} {op} {e};\n")
        } else if ty.is_float() && self.rng.chance(1, 2) {
            let op = self.rng.pick(&["+=", "-=", "*=", "/="]).to_string();
            let e = self.expr(ty, 3);
            format!("{ind}{name} {op} {e};\n")
        } else {
            let e = self.expr(ty, 3);
            format!("{ind}{name} = {e};\n")
        }
    }

    /// One statement of a function body (`device`: no printing); nested statements are bounded.
    pub fn stmt(&mut self) -> String {
        let nested_ok = self.stmt_depth < 3;
        match self.rng.below(10) {
            0..=2 => self.let_stmt(),
            3 | 4 => self.assign_stmt(),
            5 if nested_ok => self.if_stmt(),
            6 if nested_ok => self.for_stmt(),
            7 if nested_ok => self.while_stmt(),
            8 if !self.device => self.print_stmt(),
            _ => self.assign_stmt(),
        }
    }

    /// `n` statements.
    pub fn stmts(&mut self, n: usize) -> String {
        (0..n).map(|_| self.stmt()).collect()
    }

    /// A nested block of statements in its own scope.
    fn block(&mut self, n: usize) -> String {
        self.stmt_depth += 1;
        self.push_scope();
        let s = self.stmts(n);
        self.pop_scope();
        self.stmt_depth -= 1;
        s
    }

    /// `if cond { .. } else if .. { .. } else { .. }`.
    fn if_stmt(&mut self) -> String {
        self.budget = 6;
        let cond = self.expr(Ty::Bool, 3);
        let ind = self.indent();
        let then = self.block(2);
        let mut s = format!("{ind}if {cond} {{\n{then}{ind}}}");
        if self.rng.chance(1, 3) {
            self.budget = 6;
            let c2 = self.expr(Ty::Bool, 2);
            let b = self.block(1);
            s.push_str(&format!(" else if {c2} {{\n{b}{ind}}}"));
        }
        if self.rng.chance(1, 2) {
            let b = self.block(2);
            s.push_str(&format!(" else {{\n{b}{ind}}}"));
        }
        s.push('\n');
        s
    }

    /// A `for` over a literal range of a random integer type: `a..b`, `a..=b`, `.rev()`,
    /// `.step_by(s)`; the loop variable is in scope in the body.
    fn for_stmt(&mut self) -> String {
        let ty = self.int_ty();
        let range = self.range_expr(ty, 12);
        let i = self.fresh("i");
        let ind = self.indent();
        self.stmt_depth += 1;
        self.push_scope();
        self.declare(&i, ty, false);
        let body = self.stmts(2);
        self.pop_scope();
        self.stmt_depth -= 1;
        format!("{ind}for {i} in {range} {{\n{body}{ind}}}\n")
    }

    /// A range of type `ty` with at most about `len` elements, often at the type's edges.
    pub fn range_expr(&mut self, ty: Ty, len: i128) -> String {
        let (min, max) = ty.int_range();
        let start = match self.rng.below(3) {
            0 => min,
            1 => (max - len).max(min),
            _ => self.rng.range(min.max(-20) as i64, max.min(20) as i64) as i128,
        };
        let end = (start + self.rng.range(0, len as i64) as i128).min(max);
        let (a, b) = (super::scalars::lit_of(start, ty), super::scalars::lit_of(end, ty));
        match self.rng.below(5) {
            0 => format!("{a}..{b}"),
            1 => format!("{a}..={b}"),
            2 => format!("({a}..{b}).rev()"),
            3 => format!("({a}..={b}).rev()"),
            _ => {
                let step = self.rng.range(1, 5);
                let incl = if self.rng.chance(1, 2) { "=" } else { "" };
                format!("({a}..{incl}{b}).step_by({step})")
            }
        }
    }

    /// A `while` loop with its own counter (bounded), its body able to `break` early.
    fn while_stmt(&mut self) -> String {
        let c = self.fresh("c");
        let n = self.rng.range(0, 6);
        let ind = self.indent();
        self.stmt_depth += 1;
        self.push_scope();
        let body = self.stmts(2);
        let brk = if self.rng.chance(1, 3) {
            self.budget = 4;
            let cond = self.expr(Ty::Bool, 2);
            format!("{ind}    if {cond} {{ break; }}\n")
        } else {
            String::new()
        };
        self.pop_scope();
        self.stmt_depth -= 1;
        format!("{ind}let mut {c} = 0u32;\n{ind}while {c} < {n} {{\n{body}{brk}{ind}    {c} += 1;\n{ind}}}\n")
    }

    /// `println!` of one to three expressions with random format specs.
    pub fn print_stmt(&mut self) -> String {
        let n = self.rng.range(1, 3);
        let mut fmt = String::new();
        let mut args = Vec::new();
        for k in 0..n {
            let ty = self.scalar_ty();
            self.budget = 6;
            let e = self.expr(ty, 2);
            if k > 0 {
                fmt.push(' ');
            }
            fmt.push_str(&self.spec(ty));
            args.push(e);
        }
        let tag = self.fresh("p");
        format!("{}println!(\"{tag}: {fmt}\", {});\n", self.indent(), args.join(", "))
    }
}

/// A section of scalar statements ending in a print of every variable it made.
pub fn scalar_section(g: &mut Gen) -> String {
    g.push_scope();
    let n = g.rng.range(3, 8) as usize;
    let mut s = String::new();
    let mut names = Vec::new();
    for _ in 0..n {
        let before = g.vars_snapshot();
        s.push_str(&g.stmt());
        names.extend(g.vars_snapshot().into_iter().filter(|v| !before.contains(v)));
    }
    s.push_str(&g.print_vars(&names));
    g.pop_scope();
    s
}

/// A section with loops that fold values into accumulators: `for` with `step_by`, `while`,
/// `loop` with `break value`, labelled `break`/`continue`.
pub fn loop_section(g: &mut Gen) -> String {
    g.push_scope();
    let ty = g.int_ty();
    let t = ty.name();
    let acc = g.fresh("acc");
    let mut s = format!("        let mut {acc}: {t} = {};\n", g.literal(ty));
    g.declare(&acc, ty, true);
    let i_ty = g.int_ty();
    let range = g.range_expr(i_ty, 30);
    let i = g.fresh("i");
    let label = g.fresh("'l");
    g.push_scope();
    g.declare(&i, i_ty, false);
    g.stmt_depth = 1;
    g.budget = 6;
    let upd = g.expr(ty, 3);
    g.budget = 4;
    let cont = g.expr(Ty::Bool, 2);
    g.budget = 4;
    let brk = g.expr(Ty::Bool, 2);
    g.pop_scope();
    g.stmt_depth = 0;
    s.push_str(&format!(
        "        {label}: for {i} in {range} {{\n            if {cont} {{ continue {label}; }}\n            {acc} = {acc}.wrapping_add({upd});\n            if {brk} {{ break {label}; }}\n        }}\n"
    ));
    // loop with break value
    let r = g.fresh("r");
    let k = g.fresh("k");
    let n = g.rng.range(1, 20);
    g.push_scope();
    g.declare(&k, Ty::U32, true);
    g.budget = 6;
    let step = g.expr(ty, 3);
    g.pop_scope();
    s.push_str(&format!(
        "        let mut {k} = 0u32;\n        let {r}: {t} = loop {{\n            {k} += 1;\n            {acc} = {acc}.wrapping_mul(3).wrapping_add({step});\n            if {k} >= {n} {{ break {acc}; }}\n        }};\n"
    ));
    s.push_str(&format!("        println!(\"{acc} {{}} {{:?}} {{}}\", {acc}, {r}, {k});\n"));
    g.pop_scope();
    s
}

/// A section iterating ranges of every integer type as values: `sum`/`count`/`last` of
/// ranges with `step_by` and `rev`, printed.
pub fn range_section(g: &mut Gen) -> String {
    let ty = g.int_ty();
    let t = ty.name();
    let range = g.range_expr(ty, 40);
    let c = g.fresh("n");
    let w = g.fresh("w");
    format!(
        "        let mut {c} = 0usize;\n        let mut {w}: {t} = 0;\n        for x in {range} {{ {c} += 1; {w} = {w}.wrapping_add(x); }}\n        println!(\"{c} {{}} {{}} {{:?}}\", {c}, {w}, ({range}).count());\n"
    )
}

impl Gen {
    fn vars_snapshot(&self) -> Vec<(String, Ty)> {
        self.scopes_flat()
    }
    /// `println!` of the named variables with `{}` / `{:?}` / widths.
    pub fn print_vars(&mut self, vars: &[(String, Ty)]) -> String {
        if vars.is_empty() {
            return String::new();
        }
        let mut fmt = String::new();
        let mut args = Vec::new();
        for (name, ty) in vars {
            fmt.push_str(&format!("{name}={} ", self.spec(*ty)));
            args.push(name.clone());
        }
        format!("        println!(\"{}\", {});\n", fmt.trim_end(), args.join(", "))
    }
}

/// The last statement of some programs: a panic both compilers must report alike (message,
/// location, exit code 101), behind values the optimizer cannot see through.
pub fn panic_ending(g: &mut Gen) -> String {
    let n = g.rng.range(1, 6);
    let idx = n + g.rng.range(0, 3);
    match g.rng.below(8) {
        0 => format!("    let arr = [1u8; {n}];\n    let i = std::hint::black_box({idx}usize);\n    println!(\"{{}}\", arr[i]);\n"),
        1 => format!(
            "    let v: Vec<i32> = (0..{n}).collect();\n    let i = std::hint::black_box({idx}usize);\n    println!(\"{{}}\", v[i]);\n"
        ),
        2 => "    let o: Option<u16> = std::hint::black_box(None);\n    println!(\"{}\", o.unwrap());\n".to_string(),
        3 => {
            let ty = g.int_ty();
            let t = ty.name();
            format!("    let z: {t} = std::hint::black_box(0);\n    println!(\"{{}}\", 7{t} / z);\n")
        }
        4 => format!("    let x = std::hint::black_box({n}i64);\n    assert!(x < 0, \"x was {{}}\", x);\n"),
        5 => format!("    let x = std::hint::black_box({n}u32);\n    assert_eq!(x, {idx});\n"),
        6 => {
            let ty = g.int_ty();
            let t = ty.name();
            format!("    let x = std::hint::black_box({t}::MAX);\n    println!(\"{{}}\", x.checked_add(1).expect(\"overflowed\"));\n")
        }
        _ => format!("    let k = std::hint::black_box({n});\n    panic!(\"stop at {{}} {{:?}}\", k, {idx}.5f64);\n"),
    }
}
