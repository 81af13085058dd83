//! `core::result`: `Result<T, E>` and its methods, written in Rust.

/// A value or an error.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Result<T, E> {
    Ok(T),
    Err(E),
}

pub use self::Result::{Err, Ok};

impl<T, E> Result<T, E> {
    pub fn is_ok(&self) -> bool {
        match self {
            Ok(_) => true,
            Err(_) => false,
        }
    }

    pub fn is_err(&self) -> bool {
        !self.is_ok()
    }

    pub fn ok(self) -> Option<T> {
        match self {
            Ok(x) => Some(x),
            Err(_) => None,
        }
    }

    pub fn err(self) -> Option<E> {
        match self {
            Ok(_) => None,
            Err(e) => Some(e),
        }
    }

    pub fn unwrap_or(self, default: T) -> T {
        match self {
            Ok(x) => x,
            Err(_) => default,
        }
    }

    pub fn unwrap_or_else<F: FnOnce(E) -> T>(self, f: F) -> T {
        match self {
            Ok(x) => x,
            Err(e) => f(e),
        }
    }

    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Result<U, E> {
        match self {
            Ok(x) => Ok(f(x)),
            Err(e) => Err(e),
        }
    }

    pub fn map_err<G, F: FnOnce(E) -> G>(self, f: F) -> Result<T, G> {
        match self {
            Ok(x) => Ok(x),
            Err(e) => Err(f(e)),
        }
    }

    pub fn and_then<U, F: FnOnce(T) -> Result<U, E>>(self, f: F) -> Result<U, E> {
        match self {
            Ok(x) => f(x),
            Err(e) => Err(e),
        }
    }

    pub fn or_else<G, F: FnOnce(E) -> Result<T, G>>(self, f: F) -> Result<T, G> {
        match self {
            Ok(x) => Ok(x),
            Err(e) => f(e),
        }
    }
}

impl<T, E: crate::fmt::Debug> Result<T, E> {
    /// The value (panics with rustc's message and the error for `Err`).
    #[track_caller]
    pub fn unwrap(self) -> T {
        match self {
            Ok(x) => x,
            Err(e) => panic!("called `Result::unwrap()` on an `Err` value: {:?}", e),
        }
    }

    /// The value (panics with `msg` and the error for `Err`).
    #[track_caller]
    pub fn expect(self, msg: &str) -> T {
        match self {
            Ok(x) => x,
            Err(e) => panic!("{}: {:?}", msg, e),
        }
    }
}

impl<T: crate::fmt::Debug, E> Result<T, E> {
    /// The error (panics with rustc's message and the value for `Ok`).
    #[track_caller]
    pub fn unwrap_err(self) -> E {
        match self {
            Ok(x) => panic!("called `Result::unwrap_err()` on an `Ok` value: {:?}", x),
            Err(e) => e,
        }
    }

    /// The error (panics with `msg` and the value for `Ok`).
    #[track_caller]
    pub fn expect_err(self, msg: &str) -> E {
        match self {
            Ok(x) => panic!("{}: {:?}", msg, x),
            Err(e) => e,
        }
    }
}

/// What a `main` returning `Result<(), E>` does with its result (the compiler
/// wraps `main`'s body): for `Err(e)`, `Error: {e:?}` on stderr and exit code 1.
pub fn main_result<E>(r: Result<(), E>) {
    match r {
        Ok(_) => {}
        Err(e) => {
            eprintln!("Error: {:?}", e);
            crate::process::exit(1);
        }
    }
}
