// `if let` (with `else`, and as a value), `while let` driving a state
// machine, `let .. else` with `return`/`continue`/`break`, `matches!` with
// or-patterns and guards.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Walk(u32),
    Jump { height: u32, far: bool },
    Rest,
    Stop,
}

fn plan(i: u32) -> Step {
    match i % 7 {
        0 | 3 => Step::Walk(i),
        1 => Step::Jump { height: i * 2, far: i % 2 == 0 },
        2 | 4 | 5 => Step::Rest,
        _ => Step::Stop,
    }
}

fn walked(s: Step) -> u32 {
    let Step::Walk(n) = s else {
        return 0;
    };
    n
}

fn main() {
    let mut i = 0;
    let mut distance = 0;
    let mut rests = 0;
    // walk until the first stop
    while let Step::Walk(_) | Step::Jump { .. } | Step::Rest = plan(i) {
        if let Step::Jump { height, far: true } = plan(i) {
            distance += height * 2;
        } else if let Step::Jump { height, .. } = plan(i) {
            distance += height;
        } else if let Step::Walk(n) = plan(i) {
            distance += n;
        } else {
            rests += 1;
        }
        i += 1;
    }
    println!("stopped at {} after {} rests, distance {}", i, rests, distance);
    let mut walks = 0;
    let mut total = 0;
    for k in 0..30 {
        let s = plan(k);
        let Step::Walk(n) = s else {
            continue;
        };
        walks += 1;
        total += n + walked(s);
    }
    println!("walks {} total {}", walks, total);
    let mut jumps_far = 0;
    let mut high = 0;
    for k in 0..50 {
        if matches!(plan(k), Step::Jump { far: true, .. }) {
            jumps_far += 1;
        }
        if matches!(plan(k), Step::Jump { height, .. } if height > 40) {
            high += 1;
        }
    }
    println!("far jumps {} high jumps {}", jumps_far, high);
    let label = if let Step::Rest = plan(2) { 1 } else { 0 };
    println!("label {}", label);
    let mut k = 0;
    let found = loop {
        let Step::Jump { height, .. } = plan(k) else {
            k += 1;
            if k > 100 {
                break 0;
            }
            continue;
        };
        if height > 30 {
            break height;
        }
        k += 1;
    };
    println!("found {} at {}", found, k);
    println!("{:?} {:?}", plan(1), plan(6));
}
