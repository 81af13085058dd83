//! `std::env`: the program's arguments (`args`), read from the runtime,
//! which keeps the `argc`/`argv` the C start code passed. Host only.
//! FIXME(env): `var`, `vars`, `args_os`, `current_dir` are not here yet;
//! an argument that is not UTF-8 is taken as its bytes (rustc panics).

/// The program's arguments, the program's own path first.
pub struct Args {
    next: usize,
    end: usize,
}

/// An iterator over the program's arguments as `String`s.
pub fn args() -> Args {
    Args { next: 0, end: unsafe { core::intrinsics::hybrid_arg_count() } }
}

impl Iterator for Args {
    type Item = String;
    fn next(&mut self) -> Option<String> {
        if self.next >= self.end {
            return None;
        }
        let mut bytes: Vec<u8> = Vec::new();
        unsafe { core::intrinsics::hybrid_arg(self.next, &mut bytes as *mut Vec<u8>) };
        self.next += 1;
        Some(unsafe { String::from_utf8_unchecked(bytes) })
    }
}

impl Args {
    /// The number of arguments left.
    pub fn len(&self) -> usize {
        self.end - self.next
    }
}
