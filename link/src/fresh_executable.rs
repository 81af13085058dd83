//! Starting an executable that this process has just written.
//!
//! A file opened for writing cannot be executed (`ETXTBSY`) while any process
//! still holds a writable descriptor to it. Writing closes its descriptor, but
//! a child forked by another thread in the same moment inherits a copy until
//! it calls `exec` (where `O_CLOEXEC` closes it). Test harnesses and
//! `hybridc run` write executables and start them from multithreaded
//! processes, so the start is retried for as long as that window can last.

use std::io;
use std::time::Duration;

/// How often, and how long apart, a start that failed with `ETXTBSY` is
/// retried: up to about two seconds in all.
const RETRIES: u32 = 200;
const PAUSE: Duration = Duration::from_millis(10);

/// Runs `start` (a `Command::output`, `status` or `spawn` of a freshly written
/// file) and retries it while it fails with `ExecutableFileBusy`.
pub fn start_fresh_executable<T>(mut start: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    let mut tries = 0;
    loop {
        match start() {
            Err(e) if e.kind() == io::ErrorKind::ExecutableFileBusy && tries < RETRIES => {
                tries += 1;
                std::thread::sleep(PAUSE);
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_starts_are_retried_and_other_errors_are_not() {
        let mut calls = 0;
        let got = start_fresh_executable(|| {
            calls += 1;
            if calls < 3 {
                Err(io::Error::from(io::ErrorKind::ExecutableFileBusy))
            } else {
                Ok(calls)
            }
        });
        assert_eq!(got.unwrap(), 3);

        let mut calls = 0;
        let got: io::Result<()> = start_fresh_executable(|| {
            calls += 1;
            Err(io::Error::from(io::ErrorKind::NotFound))
        });
        assert_eq!(got.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(calls, 1);
    }
}
