//! Formatting: `{}` / `{:?}` with widths, alignment, sign, zero padding, precision and `{:e}`
//! for every scalar type, widths and precisions from arguments (`{:>w$}`, `{:.*}`, `{:1$}`),
//! and a section printing edge values of each type through them.

use super::{Gen, Ty, NUMS};

impl Gen {
    /// A width or precision argument: a `usize` literal or one computed at run time.
    pub fn count_arg(&mut self, below: u64) -> String {
        let n = self.rng.below(below);
        match self.rng.below(3) {
            0 => format!("{n}"),
            1 => format!("std::hint::black_box({n}usize)"),
            _ => {
                let x = self.literal(Ty::U32);
                format!("(({x} as usize) % {below})")
            }
        }
    }

    /// A `println!` of `value` (of type `ty`, or a derived-`Debug` aggregate when `ty` is
    /// `None`) whose width and/or precision come from arguments: named (`{:>w$}`),
    /// positional (`{:1$}`) or `{:.*}`.
    pub fn runtime_spec_print(&mut self, ty: Ty, value: &str) -> String {
        let w = self.count_arg(18);
        let p = self.count_arg(8);
        let align = *self.rng.pick(&["", "<", ">", "^"]);
        let float = matches!(ty, Ty::F32 | Ty::F64);
        let debug = if ty == Ty::Bool || self.rng.chance(1, 3) { "?" } else { "" };
        let sign = if !float && ty != Ty::Bool && self.rng.chance(1, 4) { "+" } else { "" };
        let tag = self.fresh("rt");
        match self.rng.below(5) {
            0 => format!("println!(\"{tag} [{{:{align}{sign}w${debug}}}]\", {value}, w = {w});"),
            1 if float => format!("println!(\"{tag} [{{:.*{debug}}}]\", {p}, {value});"),
            1 => format!("println!(\"{tag} [{{:{align}1${debug}}}] [{{}}]\", {value}, {w});"),
            2 if float => format!("println!(\"{tag} [{{:{align}{sign}w$.p${debug}}}]\", {value}, w = {w}, p = {p});"),
            2 if ty != Ty::Bool => format!("println!(\"{tag} [{{:{sign}0w${debug}}}]\", {value}, w = {w});"),
            // a fill needs an alignment
            3 => {
                let align = *self.rng.pick(&["<", ">", "^"]);
                format!("println!(\"{tag} [{{:*{align}w${debug}}}] [{{0:{align}w${debug}}}]\", {value}, w = {w});")
            }
            _ => format!("println!(\"{tag} [{{:{align}2${debug}}}] [{{:{align}2${debug}}}]\", {value}, {value}, {w});"),
        }
    }

    /// A format placeholder valid for a value of type `ty`.
    pub fn spec(&mut self, ty: Ty) -> String {
        let w = self.rng.range(0, 14);
        let p = self.rng.range(0, 9);
        let align = *self.rng.pick(&["", "<", ">", "^"]);
        match ty {
            Ty::Bool => (*self.rng.pick(&["{}".to_string(), "{:?}".to_string(), format!("{{:{align}{w}}}")])).clone(),
            Ty::F32 | Ty::F64 => match self.rng.below(9) {
                0 | 1 => "{}".to_string(),
                2 | 3 => "{:?}".to_string(),
                4 => format!("{{:.{p}}}"),
                5 => format!("{{:{align}{w}.{p}}}"),
                6 => "{:e}".to_string(),
                7 => format!("{{:+.{p}}}"),
                _ => format!("{{:0{w}.{p}}}"),
            },
            _ => match self.rng.below(7) {
                0..=2 => "{}".to_string(),
                3 => "{:?}".to_string(),
                4 => format!("{{:{align}{w}}}"),
                5 => "{:+}".to_string(),
                _ => format!("{{:0{w}}}"),
            },
        }
    }
}

/// A section printing edge values of the numeric types (MIN, MAX, casts between them, float
/// specials and tiny/huge magnitudes) with random specs.
pub fn format_section(g: &mut Gen) -> String {
    let mut s = String::new();
    for _ in 0..g.rng.range(2, 5) {
        let ty = *g.rng.pick(&NUMS);
        let n = g.rng.range(1, 4);
        let mut fmt = String::new();
        let mut args = Vec::new();
        for _ in 0..n {
            fmt.push_str(&g.spec(ty));
            fmt.push('|');
            let from = *g.rng.pick(&NUMS);
            let e = if g.rng.chance(1, 2) { format!("({} as {})", g.literal(from), ty.name()) } else { g.literal(ty) };
            args.push(e);
        }
        s.push_str(&format!("        println!(\"{fmt}\", {});\n", args.join(", ")));
        if g.rng.chance(1, 2) {
            let from = *g.rng.pick(&NUMS);
            let value = if g.rng.chance(1, 2) { format!("({} as {})", g.literal(from), ty.name()) } else { g.literal(ty) };
            s.push_str(&format!("        {}\n", g.runtime_spec_print(ty, &value)));
        }
    }
    s
}
