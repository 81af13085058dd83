//! Wall-clock phase timings, printed like `rustc -Z time-passes` with `--timings`.

use std::time::Duration;

#[derive(Default)]
pub struct Timings {
    phases: Vec<(String, Duration)>,
}

impl Timings {
    pub fn record(&mut self, name: &str, duration: Duration) {
        self.phases.push((name.to_string(), duration));
    }

    /// Record sub-phases reported by a crate, indented under the phase that ran them.
    pub fn record_nested(&mut self, phases: &[(&'static str, Duration)]) {
        for (name, d) in phases {
            self.phases.push((format!("  {name}"), *d));
        }
    }

    pub fn render(&self, total: Duration) -> String {
        let mut out = String::from("hybridc timings (wall time):\n");
        for (name, d) in &self.phases {
            out.push_str(&format!("  {:<28} {:>9.3} ms\n", name, d.as_secs_f64() * 1e3));
        }
        out.push_str(&format!("  {:<28} {:>9.3} ms\n", "total", total.as_secs_f64() * 1e3));
        out
    }
}
