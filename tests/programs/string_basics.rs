// `String`: construction, growth, `+`, `+=`, comparisons, deref to `&str`,
// `clone`, `String` fields and `Vec<String>`.
#[derive(Debug, Clone, PartialEq)]
struct User {
    name: String,
    id: u32,
}

fn shout(s: &str) -> String {
    let mut out = s.to_uppercase();
    out.push_str("!");
    out
}

fn count_a(s: &str) -> usize {
    let mut n = 0;
    for b in s.bytes() {
        if b == b'a' {
            n += 1;
        }
    }
    n
}

fn main() {
    let mut s = String::new();
    println!("{} {} [{}]", s.len(), s.is_empty(), s);
    s.push_str("banana");
    s += " split";
    println!("{} {} {}", s, s.len(), s.is_empty());
    let t = String::from("ab") + "cd" + "ef";
    println!("{} {}", t, t == "abcdef");
    let u = "xy".to_string();
    let v = "xy".to_owned();
    println!("{} {} {}", u == v, u != v, u == "xz");
    println!("{} {}", count_a(&s), count_a(s.as_str()));
    println!("{} {}", s.starts_with("ban"), s.contains("split"));
    println!("{}", shout(&t));
    let w = s.clone();
    s.push_str("!!");
    println!("{} / {}", w, s);
    let slice = &s[0..6];
    println!("{} {}", slice, slice.len());
    let mut users = Vec::new();
    users.push(User { name: String::from("ann"), id: 1 });
    users.push(User { name: "bob".to_string(), id: 2 });
    let copy = users.clone();
    println!("{:?}", users);
    println!("{}", copy[1].name);
    let names: Vec<String> = vec![String::from("p"), String::from("q")];
    let mut joined = String::new();
    for n in &names {
        joined += n;
        joined.push_str(",");
    }
    println!("{} {:?}", joined, names);
    println!("{}", "ab".repeat(3));
    println!("{}", String::from("MiXeD").to_lowercase());
    let trimmed = String::from("  spaced  ");
    println!("[{}]", trimmed.trim());
}
