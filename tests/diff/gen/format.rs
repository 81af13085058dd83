//! Formatting: `{}` / `{:?}` with widths, alignment, sign, zero padding, precision and `{:e}`
//! for every scalar type, and a section printing edge values of each type through them.

use super::{Gen, Ty, NUMS};

impl Gen {
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
    }
    s
}
