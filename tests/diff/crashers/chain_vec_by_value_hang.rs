// Mutant 704 of seed 1 (tests/fuzz_front.rs): `v.iter().chain(w)` with `w: Vec<i32>` by value
// (rustc: E0271, the items differ) made `hybridc check` run without end, its memory growing:
// the deferred `IntoIterator::Item` projection through the library's generic impl did not unify
// and still counted as progress, so `solve_projections` looped, deferring more bounds each round.
fn total<I: IntoIterator<Item = i32>>(items: I) -> i32 {
    let mut s = 0;
    for x in items {
        s += x;
    }
    s
}

fn main() {
    let v = vec![1, 2, 3];
    let w = vec![10, 20];
    let a = [7, 8];
    let both: Vec<i32> = v.iter().chain(w).copied().collect();
    println!("{:?}", both);
    let pairs: Vec<(i32, i32)> = v.iter().copied().zip(w.clone()).collect();
    println!("{:?}", pairs);
    let halves: Vec<i32> = v.iter().flat_map(|&x| if x % 2 == 1 { Some(x * 100) } else { None }).collect();
    println!("{:?}", halves);
    let from_arr: Vec<&i32> = (&a).into_iter().collect();
    printlnprintln!("{:?}", from_arr);
    let by_ref: i32 = (&v).into_iter().sum();
    println!("{}", by_ref);
    println!("{}", total(w.clone()));
    println!("{}", total(Some(5)));
    let mut m = vec![1, 2];
    for x in (&mut m).into_iter() {
        *x *= 3;
    }
    println!("{:?}", m);
    let nested = vec![vec!["a", "b"], vec!["c"]];
    let words: Vec<&str> = nested.iter().flatten().copied().collect();
    println!("{:?}", words);
    let opt: Option<i32> = None;
    println!("{}", opt.into_iter().count());
}
