// Every fragment kind: ident, ty, expr, literal, tt, pat, block, path,
// stmt, item, lifetime (as a loop label), vis; macros in type and pattern
// position; `?` repetitions and nested repetitions with separators.
mod helpers {
    pub fn double(x: i64) -> i64 {
        x * 2
    }
}

macro_rules! call_path {
    ($p:path, $arg:expr) => {
        $p($arg)
    };
}

macro_rules! typed_array {
    ($t:ty; $($v:expr),*) => {
        [$($v as $t),*]
    };
}

macro_rules! with_block {
    ($b:block) => {
        1 + $b
    };
}

macro_rules! loop_until {
    ($label:lifetime, $limit:expr) => {{
        let mut i = 0;
        $label: loop {
            loop {
                i += 1;
                if i >= $limit {
                    break $label;
                }
            }
        }
        i
    }};
}

macro_rules! sum_pat {
    ($p:pat in $range:expr) => {{
        let mut total = 0;
        for $p in $range {
            total += 1;
        }
        total
    }};
}

macro_rules! items {
    ($($i:item)*) => {
        $($i)*
    };
}

items! {
    fn from_item_a() -> i32 { 7 }
    const FROM_ITEM_B: i32 = 8;
}

macro_rules! module_fns {
    ($($v:vis fn $name:ident() -> $t:ty $body:block)*) => {
        mod generated {
            $($v fn $name() -> $t $body)*
        }
    };
}

module_fns! {
    pub fn seven() -> u8 { 7 }
    pub(crate) fn eight() -> u16 { 8 }
}

macro_rules! float_ty {
    () => {
        f64
    };
}

macro_rules! mut_binding {
    ($name:ident) => {
        mut $name
    };
}

macro_rules! opt_scale {
    ($x:expr $(, times $k:expr)?) => {
        $x $(* $k)?
    };
}

macro_rules! table {
    ($($row:ident: [$($cell:literal),*]);* $(;)?) => {{
        let mut s = 0;
        $(
            let $row = 0 $(+ $cell)*;
            s += $row;
        )*
        s
    }};
}

macro_rules! first_tt {
    ($first:tt $($rest:tt)*) => {
        $first
    };
}

macro_rules! run_stmts {
    ($($s:stmt);* $(;)?) => {
        $($s;)*
    };
}

macro_rules! vis_const {
    ($v:vis $name:ident = $e:expr) => {
        $v const $name: i32 = $e;
    };
}

vis_const!(PRIVATE = 5);
vis_const!(pub PUBLIC = 6);

fn main() {
    println!("vis consts: {} {}", PRIVATE, PUBLIC);
    println!("path: {}", call_path!(helpers::double, 21));
    let arr = typed_array!(f32; 1, 2, 3);
    println!("array: {} {} {} len {}", arr[0], arr[1], arr[2], arr.len());
    println!("block: {}", with_block!({ let a = 4; a * a }));
    println!("label: {}", loop_until!('outer, 5));
    println!("pat: {}", sum_pat!(_ in 0..6));
    println!("items: {} {}", from_item_a(), FROM_ITEM_B);
    println!("vis: {} {}", generated::seven(), generated::eight());
    let x: float_ty!() = 2.5;
    println!("type position: {}", x * 2.0);
    let mut_binding!(counter) = 1;
    counter += 41;
    println!("pattern position: {}", counter);
    println!("optional: {} {}", opt_scale!(3), opt_scale!(3, times 1 + 1));
    println!("nested: {}", table!(a: [1, 2]; b: [3]; c: []; d: [4, 5, 6];));
    println!("tt: {}", first_tt!((2 + 3) * 10 ignored tokens));
    let mut acc = 0u64;
    run_stmts!(acc += 1; acc *= 10; let bonus = 5; acc += bonus);
    println!("stmts: {}", acc);
}
