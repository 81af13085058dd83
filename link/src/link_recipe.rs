//! The direct linker command: what the C compiler driver would run, found
//! once with `cc -### [-fuse-ld=...] INPUT -o OUTPUT` and cached, so a build
//! runs the linker alone instead of `cc` → `collect2` → `ld` (two extra
//! processes, about 7 ms here). The recipe keeps everything the driver adds
//! (crt objects, library paths, the dynamic linker, `-pie`, `--hash-style`,
//! the libgcc and libc libraries) and drops gcc's LTO-plugin options.
//!
//! A cached recipe is re-checked on use (its linker and crt objects must
//! still exist) and rebuilt when it is stale, e.g. after a gcc upgrade.

use crate::shim_prelink::{cache_dirs, find_in_path, fnv1a, write_atomically};
use crate::system_link::Linker;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Bump when the recipe format or discovery changes.
const RECIPE_VERSION: u32 = 1;
/// Placeholders in the probe command and the cached recipe.
const INPUT_TOKEN: &str = "hybridc-inputs.o";
const OUTPUT_TOKEN: &str = "hybridc-output";

/// A linker and its arguments around the inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRecipe {
    pub program: PathBuf,
    /// Arguments before the inputs; `-o` is followed by [`OUTPUT_TOKEN`].
    pub before: Vec<String>,
    /// Arguments after the inputs (libraries, closing crt objects).
    pub after: Vec<String>,
}

impl LinkRecipe {
    /// The command linking `inputs` (objects, libraries, flags in order)
    /// into `output`.
    pub fn command(&self, inputs: &[OsString], output: &Path) -> Command {
        let mut cmd = Command::new(&self.program);
        for arg in &self.before {
            if arg == OUTPUT_TOKEN {
                cmd.arg(output);
            } else {
                cmd.arg(arg);
            }
        }
        cmd.args(inputs);
        cmd.args(&self.after);
        cmd
    }

    fn serialize(&self) -> String {
        let mut s = format!("hybridc link recipe {RECIPE_VERSION}\n{}\n", self.program.display());
        for arg in &self.before {
            s.push_str(arg);
            s.push('\n');
        }
        s.push_str(INPUT_TOKEN);
        s.push('\n');
        for arg in &self.after {
            s.push_str(arg);
            s.push('\n');
        }
        s
    }

    fn parse(text: &str) -> Option<LinkRecipe> {
        let mut lines = text.lines();
        if lines.next()? != format!("hybridc link recipe {RECIPE_VERSION}") {
            return None;
        }
        let program = PathBuf::from(lines.next()?);
        let rest: Vec<String> = lines.map(str::to_string).collect();
        let split = rest.iter().position(|a| a == INPUT_TOKEN)?;
        Some(LinkRecipe { program, before: rest[..split].to_vec(), after: rest[split + 1..].to_vec() })
    }

    /// The linker and every absolute `.o` it names still exist.
    fn still_valid(&self) -> bool {
        self.program.is_file()
            && self.before.iter().chain(&self.after).filter(|a| a.starts_with('/') && a.ends_with(".o")).all(|a| Path::new(a).is_file())
    }
}

/// Split one line of `cc -###` output into arguments: words separated by
/// spaces, or `"..."` with backslash escapes.
pub fn split_driver_line(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek() == Some(&' ') {
            chars.next();
        }
        let Some(&first) = chars.peek() else { break };
        let mut arg = String::new();
        if first == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => arg.extend(chars.next()),
                    '"' => break,
                    c => arg.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                arg.push(c);
                chars.next();
            }
        }
        args.push(arg);
    }
    args
}

/// The recipe from the driver's `-###` output (`stderr`), where the probe's
/// input was `input`. `linker_program` names the real linker when the driver
/// runs gcc's `collect2` wrapper.
pub fn recipe_from_driver_output(stderr: &str, input: &str, linker_program: impl FnOnce() -> Option<PathBuf>) -> Option<LinkRecipe> {
    let line = stderr.lines().rev().find(|l| {
        let t = l.trim_start();
        !t.starts_with("COLLECT_") && split_driver_line(t).iter().any(|a| a == input)
    })?;
    let mut words = split_driver_line(line.trim_start()).into_iter();
    let first = PathBuf::from(words.next()?);
    let program = if first.file_name().is_some_and(|n| n == "collect2") { linker_program()? } else { first };
    let mut args = Vec::new();
    while let Some(w) = words.next() {
        if w == "-plugin" {
            words.next();
        } else if w.starts_with("-plugin-opt=") || w.starts_with("-fuse-ld=") {
            continue;
        } else {
            args.push(w);
        }
    }
    if args.iter().any(|a| a.contains('\n')) {
        return None;
    }
    let split = args.iter().position(|a| a == input)?;
    let before = args[..split].to_vec();
    if !before.iter().any(|a| a == OUTPUT_TOKEN) {
        return None;
    }
    Some(LinkRecipe { program, before, after: args[split + 1..].to_vec() })
}

fn cc_program() -> OsString {
    std::env::var_os("HYBRID_CC").unwrap_or_else(|| "cc".into())
}

/// The real linker behind `collect2` for `linker`.
fn linker_program(linker: &Linker) -> Option<PathBuf> {
    match linker {
        Linker::Gold => find_in_path("ld.gold"),
        // (never probed: the in-process link uses the system linker's recipe)
        Linker::InProcess | Linker::Image => None,
        Linker::Lld(dir) => Some(dir.join("ld.lld")).filter(|p| p.is_file()),
        Linker::System => {
            let out = Command::new(cc_program()).arg("-print-prog-name=ld").output().ok()?;
            let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
            let path = PathBuf::from(&name);
            if path.is_absolute() {
                Some(path).filter(|p| p.is_file())
            } else {
                find_in_path(&name)
            }
        }
    }
}

/// The driver flags that select `linker`.
pub fn driver_linker_flags(linker: &Linker) -> Vec<OsString> {
    match linker {
        Linker::Gold => vec!["-fuse-ld=gold".into()],
        Linker::Lld(dir) => vec!["-fuse-ld=lld".into(), format!("-B{}", dir.display()).into()],
        Linker::System | Linker::InProcess | Linker::Image => Vec::new(),
    }
}

/// Ask the driver for its link command (see the module docs).
pub fn discover(linker: &Linker, scratch: &Path) -> Result<LinkRecipe, String> {
    std::fs::create_dir_all(scratch).map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    // clang wants the input to exist; gcc does not care.
    let input = scratch.join(INPUT_TOKEN);
    std::fs::write(&input, b"").map_err(|e| e.to_string())?;
    let input = input.to_str().ok_or("non-UTF-8 cache path")?.to_string();
    let mut cmd = Command::new(cc_program());
    cmd.args(driver_linker_flags(linker)).arg("-###").arg(&input).arg("-o").arg(OUTPUT_TOKEN);
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let _ = std::fs::remove_file(&input);
    if !out.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    recipe_from_driver_output(&stderr, &input, || linker_program(linker))
        .ok_or_else(|| format!("cannot read the link command from `{cmd:?}`:\n{stderr}"))
}

/// The recipe for `linker`, from the cache next to `shim_lib` or found now.
pub fn link_recipe(linker: &Linker, shim_lib: &Path) -> Result<LinkRecipe, String> {
    let cc = cc_program();
    let linker_key = format!("{linker:?}");
    let key = fnv1a(&[cc.as_encoded_bytes(), linker_key.as_bytes(), &RECIPE_VERSION.to_le_bytes()]);
    let name = format!("link-recipe-{key:016x}.txt");
    let dirs = cache_dirs(shim_lib);
    for dir in &dirs {
        if let Ok(text) = std::fs::read_to_string(dir.join(&name)) {
            if let Some(recipe) = LinkRecipe::parse(&text).filter(LinkRecipe::still_valid) {
                return Ok(recipe);
            }
        }
    }
    let mut errors = Vec::new();
    for dir in &dirs {
        let scratch = dir.join(format!(".probe-{}", std::process::id()));
        let recipe = discover(linker, &scratch);
        let _ = std::fs::remove_dir_all(&scratch);
        let recipe = recipe?;
        match write_atomically(dir, &name, |tmp| std::fs::write(tmp, recipe.serialize()).map_err(|e| e.to_string())) {
            Ok(_) => return Ok(recipe),
            Err(e) => errors.push(e),
        }
    }
    Err(errors.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_gcc_quoting() {
        let line = r#" /usr/lib/gcc/x86_64-linux-gnu/12/collect2 -plugin /p.so "-plugin-opt=-fresolution=/tmp/x.res" "--hash-style=gnu" -pie "a \"b\" c" x"#;
        assert_eq!(
            split_driver_line(line.trim_start()),
            [
                "/usr/lib/gcc/x86_64-linux-gnu/12/collect2",
                "-plugin",
                "/p.so",
                "-plugin-opt=-fresolution=/tmp/x.res",
                "--hash-style=gnu",
                "-pie",
                "a \"b\" c",
                "x"
            ]
        );
    }

    const GCC_OUTPUT: &str = r#"Using built-in specs.
COLLECT_GCC=cc
 /usr/lib/gcc/x86_64-linux-gnu/12/collect2 -plugin /usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so "-plugin-opt=-pass-through=-lgcc" --build-id --eh-frame-hdr -m elf_x86_64 "--hash-style=gnu" --as-needed -dynamic-linker /lib64/ld-linux-x86-64.so.2 -pie "-fuse-ld=gold" -o hybridc-output /usr/lib/x86_64-linux-gnu/Scrt1.o /usr/lib/gcc/x86_64-linux-gnu/12/crtbeginS.o -L/usr/lib/gcc/x86_64-linux-gnu/12 /tmp/c/hybridc-inputs.o -lgcc --push-state --as-needed -lgcc_s --pop-state -lc /usr/lib/gcc/x86_64-linux-gnu/12/crtendS.o
COLLECT_GCC_OPTIONS='-fuse-ld=gold' '-o' 'hybridc-output' '-mtune=generic' '-march=x86-64'
"#;

    #[test]
    fn reads_gccs_collect2_line() {
        let r = recipe_from_driver_output(GCC_OUTPUT, "/tmp/c/hybridc-inputs.o", || Some("/usr/bin/ld.gold".into())).unwrap();
        assert_eq!(r.program, Path::new("/usr/bin/ld.gold"));
        assert_eq!(r.before[..4], ["--build-id", "--eh-frame-hdr", "-m", "elf_x86_64"]);
        assert!(!r.before.iter().any(|a| a.contains("plugin") || a.contains("fuse-ld")), "{:?}", r.before);
        assert!(r.before.windows(2).any(|w| w == ["-o", OUTPUT_TOKEN]));
        assert_eq!(r.after.first().map(String::as_str), Some("-lgcc"));
        assert_eq!(r.after.last().map(String::as_str), Some("/usr/lib/gcc/x86_64-linux-gnu/12/crtendS.o"));
        assert_eq!(LinkRecipe::parse(&r.serialize()), Some(r.clone()));
        let cmd = r.command(&["a.o".into(), "-lm".into()], Path::new("out/prog"));
        let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        let o = args.iter().position(|a| a == "-o").unwrap();
        assert_eq!(args[o + 1], "out/prog");
        let a = args.iter().position(|a| a == "a.o").unwrap();
        assert_eq!(args[a + 1], "-lm");
        assert_eq!(args[a + 2], "-lgcc");
    }

    #[test]
    fn reads_clangs_linker_line() {
        let out = r#"clang version 19.1.7
 "/usr/bin/ld" "-pie" "--hash-style=gnu" "-o" "hybridc-output" "/lib/x86_64-linux-gnu/Scrt1.o" "/tmp/c/hybridc-inputs.o" "-lc" "/lib/x86_64-linux-gnu/crtn.o""#;
        let r = recipe_from_driver_output(out, "/tmp/c/hybridc-inputs.o", || None).unwrap();
        assert_eq!(r.program, Path::new("/usr/bin/ld"));
        assert_eq!(r.before, ["-pie", "--hash-style=gnu", "-o", OUTPUT_TOKEN, "/lib/x86_64-linux-gnu/Scrt1.o"]);
        assert_eq!(r.after, ["-lc", "/lib/x86_64-linux-gnu/crtn.o"]);
    }

    #[test]
    fn unusable_output_gives_no_recipe() {
        assert_eq!(recipe_from_driver_output("cc: error: something", "/tmp/in.o", || None), None);
        // collect2 without a known real linker.
        assert_eq!(recipe_from_driver_output(GCC_OUTPUT, "/tmp/c/hybridc-inputs.o", || None), None);
    }
}
