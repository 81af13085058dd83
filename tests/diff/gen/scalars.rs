//! Scalar expressions: integers of every width (wrapping, checked, saturating and overflowing
//! ops, plain ops that cannot overflow, shifts, bit tricks), casts between all numeric types,
//! floats (arithmetic and the exact float methods; libm ones on the host) and booleans; also
//! `const` items.

use super::{Gen, Ty, INTS, NUMS};

impl Gen {
    /// An expression of scalar type `ty`, at most `depth` operators deep.
    pub fn expr(&mut self, ty: Ty, depth: u32) -> String {
        if depth == 0 || self.budget == 0 {
            return self.leaf(ty);
        }
        self.budget -= 1;
        match ty {
            Ty::Bool => self.bool_expr(depth),
            Ty::F32 | Ty::F64 => self.float_expr(ty, depth),
            _ => self.int_expr(ty, depth),
        }
    }

    /// A literal, variable, const or call of a generated function of type `ty`.
    pub fn leaf(&mut self, ty: Ty) -> String {
        let vars = self.vars_of(ty, false);
        if !vars.is_empty() && self.rng.chance(3, 5) {
            return self.rng.pick(&vars).clone();
        }
        let consts: Vec<String> = self.consts.iter().filter(|c| c.1 == ty).map(|c| c.0.clone()).collect();
        if !consts.is_empty() && self.rng.chance(1, 3) {
            return self.rng.pick(&consts).clone();
        }
        self.literal(ty)
    }

    /// A literal of type `ty` (suffixed; negative ones parenthesized); edge values often.
    pub fn literal(&mut self, ty: Ty) -> String {
        match ty {
            Ty::Bool => (if self.rng.chance(1, 2) { "true" } else { "false" }).to_string(),
            Ty::F32 | Ty::F64 => self.float_literal(ty),
            _ => {
                let v = self.int_value(ty);
                let (min, _) = ty.int_range();
                if v == min && ty.signed() && self.rng.chance(1, 2) {
                    return format!("{}::MIN", ty.name());
                }
                if v < 0 {
                    format!("({v}{})", ty.name())
                } else {
                    format!("{v}{}", ty.name())
                }
            }
        }
    }

    /// An integer value of type `ty`: edges (0, ±1, MIN, MAX, powers of two) or random.
    pub fn int_value(&mut self, ty: Ty) -> i128 {
        let (min, max) = ty.int_range();
        let v: i128 = match self.rng.below(9) {
            0 => 0,
            1 => 1,
            2 => -1,
            3 => min,
            4 => max,
            5 => {
                let k = self.rng.below(ty.bits() as u64) as u32;
                (1i128 << k) + self.rng.range(-1, 1) as i128
            }
            6 | 7 => self.rng.range(-100, 100) as i128,
            _ => {
                let raw = self.rng.next_u64() as i128;
                min + raw.rem_euclid(max - min + 1)
            }
        };
        v.clamp(min, max)
    }

    /// A float literal of type `ty`, within its range (rustc denies overflowing literals).
    pub fn float_literal(&mut self, ty: Ty) -> String {
        let n = ty.name();
        match self.rng.below(12) {
            0 => format!("0.0{n}"),
            1 => format!("(-0.0{n})"),
            2 => format!("1.0{n}"),
            3 => format!("0.1{n}"),
            4 => format!("{n}::MAX"),
            5 => format!("{n}::MIN_POSITIVE"),
            6 => format!("{n}::EPSILON"),
            7 => (*self.rng.pick(&["f32::INFINITY", "f32::NEG_INFINITY", "f32::NAN"])).replace("f32", n),
            _ => {
                let mant = self.rng.range(0, 99999);
                let frac_digits = self.rng.range(0, 4) as usize;
                let s = format!("{mant:0>5}");
                let (int_part, frac_part) = s.split_at(5 - frac_digits.min(4));
                let int_part = int_part.trim_start_matches('0');
                let int_part = if int_part.is_empty() { "0" } else { int_part };
                let frac_part = if frac_part.is_empty() { "0" } else { frac_part };
                let max_exp = if ty == Ty::F32 { 30 } else { 200 };
                let exp = if self.rng.chance(1, 3) { format!("e{}", self.rng.range(-max_exp, max_exp)) } else { String::new() };
                let neg = self.rng.chance(1, 3);
                let lit = format!("{int_part}.{frac_part}{exp}{n}");
                if neg {
                    format!("(-{lit})")
                } else {
                    lit
                }
            }
        }
    }

    /// A receiver for a method call: an expression of `ty`, parenthesized unless atomic.
    fn recv(&mut self, ty: Ty, depth: u32) -> String {
        let e = self.expr(ty, depth);
        atomize(e)
    }

    /// An integer expression of type `ty`.
    pub fn int_expr(&mut self, ty: Ty, depth: u32) -> String {
        let d = depth - 1;
        let t = ty.name();
        match self.rng.below(24) {
            0 => {
                let op = self.rng.pick(&["wrapping_add", "wrapping_sub", "wrapping_mul"]).to_string();
                format!("{}.{op}({})", self.recv(ty, d), self.expr(ty, d))
            }
            1 => {
                let op = self.rng.pick(&["saturating_add", "saturating_sub", "saturating_mul"]).to_string();
                format!("{}.{op}({})", self.recv(ty, d), self.expr(ty, d))
            }
            2 => {
                let op = self.rng.pick(&["checked_add", "checked_sub", "checked_mul", "checked_div", "checked_rem"]).to_string();
                format!("{}.{op}({}).unwrap_or({})", self.recv(ty, d), self.expr(ty, d), self.literal(ty))
            }
            3 => {
                let op = self.rng.pick(&["overflowing_add", "overflowing_sub", "overflowing_mul"]).to_string();
                let field = if self.rng.chance(1, 4) { "1 as ".to_string() + t } else { "0".to_string() };
                if field == "0" {
                    format!("{}.{op}({}).0", self.recv(ty, d), self.expr(ty, d))
                } else {
                    format!("({}.{op}({}).{field})", self.recv(ty, d), self.expr(ty, d))
                }
            }
            4 | 5 => {
                let op = self.rng.pick(&["&", "|", "^"]).to_string();
                format!("({} {op} {})", self.expr(ty, d), self.expr(ty, d))
            }
            6 => format!("(!{})", self.recv(ty, d)),
            7 => {
                let k = self.rng.below(ty.bits() as u64);
                let op = self.rng.pick(&["<<", ">>"]).to_string();
                format!("({} {op} {k})", self.recv(ty, d))
            }
            8 => {
                // A shift by a masked variable amount, of another integer type.
                let amt_ty = self.int_ty();
                let op = self.rng.pick(&["<<", ">>"]).to_string();
                format!("({} {op} ({} & {}{}))", self.recv(ty, d), self.recv(amt_ty, d), ty.bits() - 1, amt_ty.name())
            }
            9 => {
                let k = self.rng.range(2, 13);
                let op = self.rng.pick(&["/", "%"]).to_string();
                format!("({} {op} {k}{t})", self.recv(ty, d))
            }
            10 => {
                let k = self.rng.range(1, 13);
                let op = self.rng.pick(&["rem_euclid", "div_euclid"]).to_string();
                format!("{}.{op}({k}{t})", self.recv(ty, d))
            }
            11 => {
                let op = self.rng.pick(&["min", "max"]).to_string();
                format!("{}.{op}({})", self.recv(ty, d), self.expr(ty, d))
            }
            12 => {
                let (mut a, mut b) = (self.int_value(ty), self.int_value(ty));
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                format!("{}.clamp({}, {})", self.recv(ty, d), lit_of(a, ty), lit_of(b, ty))
            }
            13 | 14 => {
                let from = self.num_ty();
                format!("({} as {t})", self.recv(from, d))
            }
            15 => {
                let op = self.rng.pick(&["count_ones", "leading_zeros", "trailing_zeros"]).to_string();
                let from = self.int_ty();
                format!("({}.{op}() as {t})", self.recv(from, d))
            }
            16 => {
                let from = self.int_ty();
                format!("({}.abs_diff({}) as {t})", self.recv(from, d), self.expr(from, d))
            }
            17 if ty.signed() => {
                let op = self.rng.pick(&["wrapping_abs", "signum"]).to_string();
                format!("{}.{op}()", self.recv(ty, d))
            }
            17 => {
                let k = self.rng.range(1, 40);
                format!("{}.div_ceil({k}{t})", self.recv(ty, d))
            }
            18 => {
                let from = *self.rng.pick(&INTS);
                if from.signed() {
                    format!("({}.unsigned_abs() as {t})", self.recv(from, d))
                } else {
                    format!("(({} | 1).ilog2() as {t})", self.expr(from, d))
                }
            }
            19 => format!("(if {} {{ {} }} else {{ {} }})", self.expr(Ty::Bool, d), self.expr(ty, d), self.expr(ty, d)),
            20 => self.int_match(ty, d),
            21 => self.call_fn(ty, d),
            22 => {
                let v = self.fresh("t");
                let init = self.expr(ty, d);
                self.push_scope();
                self.declare(&v, ty, false);
                let body = self.expr(ty, d);
                self.pop_scope();
                format!("{{ let {v}: {t} = {init}; {body} }}")
            }
            _ => format!("({} as {t})", self.expr(Ty::Bool, d)),
        }
    }

    /// `match` over an integer with literal, range, or-pattern and guard arms.
    fn int_match(&mut self, ty: Ty, d: u32) -> String {
        let sty = self.int_ty();
        let scrut = self.expr(sty, d);
        let (min, max) = sty.int_range();
        let mut arms = String::new();
        let a = self.rng.range(min.max(-50) as i64, max.min(50) as i64) as i128;
        let b = (a + self.rng.range(0, 20) as i128).min(max);
        arms.push_str(&format!("{} => {}, ", pat_lit(a), self.expr(ty, d)));
        if b > a {
            arms.push_str(&format!("{}..={} => {}, ", pat_lit(a + 1), pat_lit(b), self.expr(ty, d)));
        }
        let c = (b + 1).min(max);
        if c > b {
            let binding = self.fresh("m");
            self.push_scope();
            self.declare(&binding, sty, false);
            let guard = self.expr(Ty::Bool, d);
            let val = self.expr(ty, d);
            self.pop_scope();
            arms.push_str(&format!("{binding} if {guard} => {val}, "));
        }
        arms.push_str(&format!("_ => {}", self.expr(ty, d)));
        format!("(match {} {{ {arms} }})", atomize(scrut))
    }

    /// A call of a generated scalar function returning `ty`, else a leaf.
    fn call_fn(&mut self, ty: Ty, d: u32) -> String {
        let device = self.device;
        let cands: Vec<_> = self.fns.iter().filter(|f| f.ret == ty && (!device || f.device_ok)).cloned().collect();
        if cands.is_empty() {
            return self.leaf(ty);
        }
        let f = self.rng.pick(&cands).clone();
        let args: Vec<String> = f.params.iter().map(|&p| self.expr(p, d)).collect();
        format!("{}({})", f.name, args.join(", "))
    }

    /// A float expression of type `ty`.
    pub fn float_expr(&mut self, ty: Ty, depth: u32) -> String {
        let d = depth - 1;
        let t = ty.name();
        match self.rng.below(16) {
            0..=3 => {
                let op = self.rng.pick(&["+", "-", "*", "/"]).to_string();
                format!("({} {op} {})", self.expr(ty, d), self.expr(ty, d))
            }
            4 => format!("(-{})", self.recv(ty, d)),
            5 | 6 => {
                let op = self
                    .rng
                    .pick(&["sqrt", "abs", "floor", "ceil", "round", "trunc", "fract", "signum", "recip", "to_degrees", "to_radians"])
                    .to_string();
                format!("{}.{op}()", self.recv(ty, d))
            }
            7 => {
                // The sign of a NaN result is unspecified in Rust (rustc's constant folding and
                // the hardware differ), so `copysign` takes a literal sign source only.
                if self.rng.chance(1, 3) {
                    let sign = if self.rng.chance(1, 2) { "-1.0" } else { "1.0" };
                    format!("{}.copysign({sign}{t})", self.recv(ty, d))
                } else {
                    let op = self.rng.pick(&["min", "max"]).to_string();
                    format!("{}.{op}({})", self.recv(ty, d), self.expr(ty, d))
                }
            }
            8 => format!("{}.mul_add({}, {})", self.recv(ty, d), self.expr(ty, d), self.expr(ty, d)),
            9 => {
                let k = self.rng.range(-4, 8);
                format!("{}.powi({k})", self.recv(ty, d))
            }
            10 if !self.device => {
                let op = self.rng.pick(&["exp", "ln", "sin", "cos", "tan", "tanh", "exp2", "log2", "log10"]).to_string();
                format!("{}.{op}()", self.recv(ty, d))
            }
            10..=12 => {
                let from = *self.rng.pick(&NUMS);
                format!("({} as {t})", self.recv(from, d))
            }
            13 => format!("(if {} {{ {} }} else {{ {} }})", self.expr(Ty::Bool, d), self.expr(ty, d), self.expr(ty, d)),
            14 => {
                let a = self.rng.range(-100, 0);
                let b = self.rng.range(0, 100);
                format!("{}.clamp({a}.0{t}, {b}.5{t})", self.recv(ty, d))
            }
            _ => self.call_fn(ty, d),
        }
    }

    /// A boolean expression.
    pub fn bool_expr(&mut self, depth: u32) -> String {
        let d = depth - 1;
        match self.rng.below(10) {
            0..=3 => {
                let ty = self.num_ty();
                let op = self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]).to_string();
                format!("({} {op} {})", self.expr(ty, d), self.expr(ty, d))
            }
            4 => {
                let op = self.rng.pick(&["&&", "||"]).to_string();
                format!("({} {op} {})", self.expr(Ty::Bool, d), self.expr(Ty::Bool, d))
            }
            5 => format!("(!{})", self.recv(Ty::Bool, d)),
            6 => {
                let ty = if self.rng.chance(1, 2) { Ty::F32 } else { Ty::F64 };
                // (not `is_sign_negative`: the sign of a NaN result is unspecified)
                let op = self.rng.pick(&["is_nan", "is_finite", "is_infinite"]).to_string();
                format!("{}.{op}()", self.recv(ty, d))
            }
            7 => {
                let ty = self.int_ty();
                if ty.signed() {
                    let op = self.rng.pick(&["is_positive", "is_negative"]).to_string();
                    format!("{}.{op}()", self.recv(ty, d))
                } else {
                    format!("{}.is_power_of_two()", self.recv(ty, d))
                }
            }
            8 => {
                let ty = self.int_ty();
                let op = self.rng.pick(&["checked_add", "checked_mul", "checked_sub"]).to_string();
                format!("{}.{op}({}).is_some()", self.recv(ty, d), self.expr(ty, d))
            }
            _ => {
                let ty = self.int_ty();
                let (min, max) = ty.int_range();
                let a = self.rng.range(min.max(-20) as i64, max.min(20) as i64) as i128;
                let b = (a + self.rng.range(0, 10) as i128).min(max);
                format!("matches!({}, {}..={})", self.expr(ty, d), pat_lit(a), pat_lit(b))
            }
        }
    }
}

/// Add a `const` item of a random numeric type whose initializer cannot overflow (rustc
/// rejects overflow in consts): literals combined with bit operators, shifts by small amounts,
/// casts (float to int casts saturate), float arithmetic; small literals with `+` and `*`.
pub fn const_item(g: &mut Gen) {
    let ty = g.num_ty();
    let name = g.fresh("C");
    let name = name.to_uppercase();
    let t = ty.name();
    let init = if ty.is_float() {
        let a = g.float_literal(ty);
        let b = g.float_literal(ty);
        let op = g.rng.pick(&["+", "-", "*", "/"]).to_string();
        match g.rng.below(3) {
            0 => format!("{a} {op} {b}"),
            1 => format!("({} as {t}) {op} {b}", g.int_value(Ty::I32)),
            _ => a,
        }
    } else {
        match g.rng.below(5) {
            0 => {
                let a = g.int_value(ty);
                let b = g.int_value(ty);
                let op = g.rng.pick(&["&", "|", "^"]).to_string();
                format!("{} {op} {}", lit_of(a, ty), lit_of(b, ty))
            }
            1 => {
                let from = g.num_ty();
                let lit = g.literal(from);
                format!("{lit} as {t}")
            }
            2 => {
                let a = g.rng.range(0, 9);
                let b = g.rng.range(0, 9);
                let c = g.rng.range(0, 9);
                format!("{a} * {b} + {c}{t}")
            }
            3 => {
                let k = g.rng.below(ty.bits() as u64 - 1);
                format!("1{t} << {k}")
            }
            _ => {
                let a = g.int_value(ty);
                format!("!{}", lit_of(a, ty))
            }
        }
    };
    g.items.push(format!("const {name}: {t} = {init};"));
    g.consts.push((name, ty));
}

/// A literal of `v` typed `ty` (negative ones parenthesized).
pub fn lit_of(v: i128, ty: Ty) -> String {
    if v < 0 {
        format!("({v}{})", ty.name())
    } else {
        format!("{v}{}", ty.name())
    }
}

/// An unsuffixed literal for a pattern.
fn pat_lit(v: i128) -> String {
    format!("{v}")
}

/// Parenthesize an expression unless it is an identifier, a path, an unsigned literal, a
/// call/method chain or already parenthesized/bracketed.
pub fn atomize(e: String) -> String {
    let simple = e.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == '.');
    let wrapped = e.starts_with('(') && matching_close(&e) == Some(e.len() - 1);
    if (simple && !e.contains('.')) || wrapped {
        e
    } else if simple && e.chars().next().is_some_and(|c| !c.is_ascii_digit()) {
        // `a.b` field paths and `T::MAX`
        e
    } else {
        format!("({e})")
    }
}

/// The index of the parenthesis closing the one at 0.
fn matching_close(e: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in e.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}
