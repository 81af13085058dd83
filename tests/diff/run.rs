//! Compiling and running one generated program with hybridc (Cranelift host and
//! `--host-backend=llvm`) and stock `rustc -A warnings`, and comparing what they do: stdout,
//! the panic message on stderr (thread ids and notes dropped) and the exit code.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::gen::Flavor;

/// What running an executable gave (stderr normalized).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The verdict on one program.
#[derive(Debug)]
pub enum Verdict {
    Pass,
    /// rustc rejects the program: a generator bug (or the minimizer went too far).
    Invalid(String),
    /// hybridc differs from the reference; `kind` names which comparison failed (stable
    /// while minimizing), `detail` shows both sides.
    Mismatch {
        kind: String,
        detail: String,
    },
}

impl Verdict {
    pub fn kind(&self) -> Option<&str> {
        match self {
            Verdict::Mismatch { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

/// Where the tools are and where a worker writes its files.
pub struct Tools {
    pub hybridc: PathBuf,
    pub dir: PathBuf,
}

/// Run `cmd` with a time limit; `None` if it ran past it (it is killed).
pub fn run_limited(mut cmd: Command, limit: Duration) -> Option<(Option<i32>, Option<i32>, String, String)> {
    use std::os::unix::process::ExitStatusExt;
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().ok()?;
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Ok(Some(st)) = child.try_wait() {
            break Some(st);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap_or_default()).into_owned();
    let st = status?;
    Some((st.code(), st.signal(), stdout, stderr))
}

/// Drop what legitimately differs between rustc's and hybridc's panics: the thread id in
/// `thread 'main' (1234) panicked` and `note:` lines.
pub fn normalize_stderr(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        if line.starts_with("note:") {
            continue;
        }
        let line = match (line.find("thread 'main' ("), line.find(") panicked")) {
            (Some(a), Some(b)) if a < b => format!("{}thread 'main' panicked{}", &line[..a], &line[b + ") panicked".len()..]),
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

impl Tools {
    fn compile_hybridc(&self, src: &Path, exe: &Path, llvm: bool) -> Result<(), String> {
        let mut cmd = Command::new(&self.hybridc);
        cmd.current_dir(&self.dir).arg("build").arg(src.file_name().unwrap()).arg("-o").arg(exe);
        if llvm {
            cmd.arg("--host-backend=llvm");
        }
        match run_limited(cmd, Duration::from_secs(120)) {
            Some((Some(0), _, _, _)) => Ok(()),
            Some((code, sig, _, err)) => Err(format!("hybridc exit {code:?} signal {sig:?}:\n{err}")),
            None => Err("hybridc timed out (120 s)".to_string()),
        }
    }

    fn compile_rustc(&self, src: &Path, exe: &Path) -> Result<(), String> {
        let mut cmd = Command::new("rustc");
        cmd.current_dir(&self.dir).args(["-A", "warnings", "--edition", "2021", "-C", "debuginfo=0"]);
        cmd.arg(src.file_name().unwrap()).arg("-o").arg(exe);
        match run_limited(cmd, Duration::from_secs(120)) {
            Some((Some(0), _, _, _)) => Ok(()),
            Some((_, _, _, err)) => Err(err),
            None => Err("rustc timed out".to_string()),
        }
    }

    fn run_exe(&self, exe: &Path) -> Outcome {
        let mut cmd = Command::new(exe);
        cmd.current_dir(&self.dir).env_remove("RUST_BACKTRACE").env_remove("HYBRID_INFO").env("HYBRID_OFFLOAD", "disabled");
        match run_limited(cmd, Duration::from_secs(20)) {
            Some((code, sig, stdout, stderr)) => {
                Outcome { code: code.unwrap_or(128 + sig.unwrap_or(0)), stdout, stderr: normalize_stderr(&stderr) }
            }
            None => Outcome { code: -1, stdout: String::new(), stderr: "timed out (20 s)".to_string() },
        }
    }

    /// Compile and run `source` (as `<name>.rs` in the worker's folder) every way its flavor
    /// allows and compare.
    pub fn check(&self, name: &str, source: &str, flavor: Flavor) -> Verdict {
        let src = self.dir.join(format!("{name}.rs"));
        std::fs::write(&src, source).unwrap();
        let exe = |tag: &str| self.dir.join(format!("{name}.{tag}"));
        if flavor == Flavor::Host {
            if let Err(e) = self.compile_rustc(&src, &exe("rustc")) {
                return Verdict::Invalid(e);
            }
        }
        let mut outcomes = Vec::new();
        for (tag, llvm) in [("cranelift", false), ("llvm", true)] {
            if let Err(e) = self.compile_hybridc(&src, &exe(tag), llvm) {
                let first = e.lines().find(|l| l.starts_with("error")).unwrap_or("").to_string();
                return Verdict::Mismatch { kind: format!("rejected-by-{tag}: {first}"), detail: e };
            }
            outcomes.push((tag, self.run_exe(&exe(tag))));
        }
        let reference = match flavor {
            Flavor::Host => ("rustc", self.run_exe(&exe("rustc"))),
            Flavor::Kernel => outcomes[0].clone(),
        };
        for (tag, out) in &outcomes {
            if *out != reference.1 {
                let what = if out.code != reference.1.code {
                    "exit code"
                } else if out.stdout != reference.1.stdout {
                    "stdout"
                } else {
                    "stderr"
                };
                return Verdict::Mismatch {
                    kind: format!("{tag}-vs-{}: {what}", reference.0),
                    detail: format!(
                        "{what} differs\n--- {} (exit {})\n{}{}--- {tag} (exit {})\n{}{}",
                        reference.0, reference.1.code, reference.1.stdout, reference.1.stderr, out.code, out.stdout, out.stderr
                    ),
                };
            }
        }
        if flavor == Flavor::Kernel {
            let out = &outcomes[0].1;
            if out.stdout.contains("KERNEL-MISMATCH") || out.code != 0 {
                return Verdict::Mismatch {
                    kind: "kernel-vs-host-loop".to_string(),
                    detail: format!("exit {}\n{}{}", out.code, out.stdout, out.stderr),
                };
            }
        }
        for tag in ["rustc", "cranelift", "llvm"] {
            let _ = std::fs::remove_file(exe(tag));
        }
        Verdict::Pass
    }
}
