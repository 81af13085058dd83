//! The in-process link: the wild linker (`libwild`) run inside hybridc on the
//! driver's link command line, so a build starts no linker process at all.
//!
//! A small program links in ~5 ms this way against ~20 ms for gold run as a
//! process (most of which is gold's start-up and reading libc's scripts);
//! a 1 000-function program in ~8 ms against ~30 ms. The command line is
//! the same one the external linkers get ([`crate::link_recipe`]), so the
//! output is an ordinary PIE linked against the system's crt objects and
//! libc.

use crate::LinkError;
use std::ffi::OsString;

/// Link with `args` (a whole `ld` command line, without the program name).
/// `threads` is the linker's worker count (0: all cores); it is always
/// passed explicitly so libwild never looks for a make jobserver.
pub fn link(args: &[OsString], threads: usize) -> Result<(), LinkError> {
    let threads = if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
    let mut words: Vec<String> = Vec::with_capacity(args.len() + 1);
    for arg in args {
        let Some(word) = arg.to_str() else {
            return Err(failed(args, format!("the argument {arg:?} is not UTF-8")));
        };
        words.push(word.to_string());
    }
    words.push(format!("--threads={threads}"));

    let parsed = libwild::Args::parse(|| words.iter().map(String::as_str)).map_err(|e| failed(args, e.to_string()))?;
    // Builds rayon's global pool with `threads` workers unless it exists
    // already (then the pool is shared with host code generation).
    let activated = parsed.activate_thread_pool().map_err(|e| failed(args, e.to_string()))?;
    let linker = libwild::Linker::new();
    linker.run(&activated).map_err(|e| failed(args, e.to_string()))?;
    Ok(())
}

fn failed(args: &[OsString], message: String) -> LinkError {
    let command = std::iter::once("<in-process wild>".to_string())
        .chain(args.iter().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ");
    LinkError::LinkerFailed { command, status: "in-process link failed".to_string(), stderr: message }
}
