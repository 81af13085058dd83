// A small stack machine: instructions as a data-carrying enum, run by a
// `match` loop with guards and nested patterns; results as an enum too.

#[derive(Clone, Copy, Debug)]
enum Instr {
    Push(i64),
    Add,
    Mul,
    Sub,
    Dup,
    Swap,
    JumpIfZero { target: usize },
    Jump(usize),
    Halt,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Outcome {
    Done { top: i64, steps: u32 },
    Underflow(usize),
    TooLong,
}

fn run(code: &[Instr], limit: u32) -> Outcome {
    let mut stack = [0i64; 16];
    let mut sp = 0usize;
    let mut pc = 0usize;
    let mut steps = 0u32;
    loop {
        if steps >= limit {
            return Outcome::TooLong;
        }
        steps += 1;
        let instr = code[pc];
        pc += 1;
        match instr {
            Instr::Push(v) => {
                stack[sp] = v;
                sp += 1;
            }
            Instr::Add | Instr::Mul | Instr::Sub | Instr::Swap if sp < 2 => return Outcome::Underflow(pc - 1),
            Instr::Dup | Instr::JumpIfZero { .. } if sp < 1 => return Outcome::Underflow(pc - 1),
            Instr::Add => {
                sp -= 1;
                stack[sp - 1] += stack[sp];
            }
            Instr::Mul => {
                sp -= 1;
                stack[sp - 1] *= stack[sp];
            }
            Instr::Sub => {
                sp -= 1;
                stack[sp - 1] -= stack[sp];
            }
            Instr::Dup => {
                stack[sp] = stack[sp - 1];
                sp += 1;
            }
            Instr::Swap => {
                let t = stack[sp - 1];
                stack[sp - 1] = stack[sp - 2];
                stack[sp - 2] = t;
            }
            Instr::JumpIfZero { target } => {
                sp -= 1;
                if stack[sp] == 0 {
                    pc = target;
                }
            }
            Instr::Jump(t) => pc = t,
            Instr::Halt => {
                let top = if sp > 0 { stack[sp - 1] } else { 0 };
                return Outcome::Done { top, steps };
            }
        }
    }
}

fn report(i: usize, out: Outcome) {
    match out {
        Outcome::Done { top, steps } if steps < 10 => println!("program {}: {} in {} steps (fast)", i, top, steps),
        Outcome::Done { top, .. } => println!("program {}: {}", i, top),
        Outcome::Underflow(at) => println!("program {}: underflow at {}", i, at),
        Outcome::TooLong => println!("program {}: too long", i),
    }
    println!("  {:?}", out);
}

fn main() {
    let arith = [Instr::Push(2), Instr::Push(3), Instr::Add, Instr::Push(7), Instr::Mul, Instr::Halt];
    let under = [Instr::Push(1), Instr::Add, Instr::Halt];
    let spin = [Instr::Jump(0)];
    // a loop through jumps that counts n down from 100 to 0 (the top)
    let sum_to = [
        Instr::Push(0),
        Instr::Push(100),
        // 2: [sum, n]
        Instr::Dup,
        Instr::JumpIfZero { target: 12 },
        // [sum, n] -> [n, sum + n] -> [sum + n, n]
        Instr::Dup,
        Instr::Swap,
        Instr::Swap,
        Instr::Push(0),
        Instr::Add,
        // [sum, n, n]: rotate to add
        Instr::Jump(13),
        Instr::Halt,
        Instr::Halt,
        // 12: done
        Instr::Halt,
        // 13: [sum, n, n] -> [sum, n, n - 1]... simplified: [sum + n, n - 1]
        Instr::Push(-1),
        Instr::Add,
        // [sum, n, n-1] -> swap -> [sum, n-1, n]
        Instr::Swap,
        // bring sum up: we cannot rotate three, so fold n into sum: [sum, n-1, n] -> Jump(17)
        Instr::Jump(17),
        // 17
        Instr::Swap,
        // [sum, n, n-1]: drop by adding into a zero-multiplied copy
        Instr::Push(0),
        Instr::Mul,
        Instr::Add,
        // [sum, n]: add n to sum while keeping n: [sum, n] -> Dup -> [sum, n, n]
        Instr::Push(-1),
        Instr::Add,
        Instr::Jump(2),
    ];
    report(0, run(&arith, 50));
    report(1, run(&under, 50));
    report(2, run(&spin, 50));
    report(3, run(&sum_to, 10000));
    println!("{:?} {:?}", arith[4], sum_to[3]);
}
