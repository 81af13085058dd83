// Where macros are visible: textual scope into child modules declared
// after the definition, `#[macro_use]` on a module, `#[macro_export]`
// with `crate::m!` and `$crate::`, shadowing by a later definition,
// body-local macros scoped to their block, and a macro named like a
// builtin one.
macro_rules! base {
    () => {
        1
    };
}

mod a {
    pub fn f() -> i32 {
        base!() + 10
    }

    macro_rules! a_local {
        () => {
            100
        };
    }

    pub fn g() -> i32 {
        a_local!() + base!()
    }

    pub mod deeper {
        pub fn h() -> i32 {
            base!() * 1000
        }
    }
}

#[macro_use]
mod b {
    macro_rules! triple {
        ($x:expr) => {
            $x * 3
        };
    }

    pub fn h() -> i32 {
        triple!(2)
    }
}

fn uses_b() -> i32 {
    triple!(5)
}

mod c {
    #[macro_export]
    macro_rules! plus_helper {
        ($x:expr) => {
            $crate::helper($x)
        };
    }

    pub fn via_export() -> i32 {
        crate::plus_helper!(3)
    }
}

fn helper(x: i32) -> i32 {
    x + 1000
}

macro_rules! version {
    () => {
        1
    };
}

fn first_version() -> i32 {
    version!()
}

macro_rules! version {
    () => {
        2
    };
}

fn second_version() -> i32 {
    version!()
}

// `use` of macros (rustc 2018's path-based scope): re-exported where
// defined, imported by path elsewhere, renamed
macro_rules! hundred_more {
    ($x:expr) => {
        $x + 100
    };
}
pub(crate) use hundred_more;

mod util {
    macro_rules! local_twice {
        ($x:expr) => {
            $x * 2
        };
    }
    pub(crate) use local_twice;
    pub(crate) use local_twice as twice_alias;

    pub fn f() -> i32 {
        crate::hundred_more!(1) + self::local_twice!(3)
    }
}

mod other {
    use crate::util::local_twice;

    pub fn g() -> i32 {
        local_twice!(21) + super::util::twice_alias!(1)
    }
}

fn main() {
    println!("use: {} {} {} {}", util::f(), other::g(), hundred_more!(5), util::local_twice!(4));
    println!("a::f = {}", a::f());
    println!("a::g = {}", a::g());
    println!("a::deeper::h = {}", a::deeper::h());
    println!("b::h = {}, uses_b = {}", b::h(), uses_b());
    println!("exported = {} {} {}", crate::plus_helper!(1), plus_helper!(2), c::via_export());
    println!("versions = {} {}", first_version(), second_version());
    let outer = {
        macro_rules! local {
            () => {
                "inner block"
            };
        }
        println!("{}", local!());
        macro_rules! local {
            () => {
                5
            };
        }
        local!()
    };
    macro_rules! local {
        () => {
            7
        };
    }
    println!("local = {} {}", outer, local!());
    macro_rules! vec {
        ($($x:expr),*) => {
            0 $(+ $x)*
        };
    }
    println!("user vec! = {}", vec![1, 2, 3]);
}
