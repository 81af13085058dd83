// `{}` and `{:?}` of `&str` and `String` with widths, alignment and
// precision, and Debug's escapes, as rustc prints them.
fn main() {
    let s = "abc";
    println!("[{}] [{:5}] [{:<5}] [{:>5}] [{:^5}] [{:^6}]", s, s, s, s, s, s);
    println!("[{:.2}] [{:6.1}] [{:>8?}]", s, s, s);
    let tricky = "tab\there \"quoted\" back\\slash\nnew é \u{7f} \0";
    println!("{}", tricky);
    println!("{:?}", tricky);
    let owned = String::from("owned");
    println!("[{}] [{:?}] [{:>7}] [{:<9}]", owned, owned, owned, owned.len());
    let name = "inline";
    println!("{name} {name:?} {name:>8}|");
    println!("{0} {1} {0}", "x", "y");
    let r = &s;
    println!("{} {:?}", r, r);
    let pair = ("a", String::from("b"));
    println!("{:?}", pair);
    let words = vec!["x", "y z"];
    println!("{:?} {:#?}", words, words);
    let opt: Option<&str> = Some("maybe");
    println!("{:?}", opt);
    eprintln!("to stderr: {}", s);
}
