// `&str` values: literals, parameters, fields, returns and the common methods.
struct Item {
    name: &'static str,
    count: u32,
}

fn first_word(s: &str) -> &str {
    match s.find(" ") {
        Some(i) => &s[..i],
        None => s,
    }
}

fn describe(flag: bool) -> &'static str {
    if flag {
        "on"
    } else {
        "off"
    }
}

fn main() {
    let s: &str = "hello world";
    let empty = "";
    println!("{} {} {} {}", s.len(), s.is_empty(), empty.len(), empty.is_empty());
    println!("{} {}", s == "hello world", s != "hello");
    println!("{} {} {}", s.starts_with("hell"), s.ends_with("world"), s.ends_with("word"));
    println!("{} {}", s.contains("o w"), s.contains("xyz"));
    println!("[{}] [{}] [{}]", "  pad  ".trim(), "  pad  ".trim_start(), "  pad  ".trim_end());
    println!("{:?} {:?}", s.find("world"), s.find("zzz"));
    println!("{}", first_word(s));
    println!("{}", first_word("single"));
    println!("{} {}", describe(true), describe(false));
    let bytes = s.as_bytes();
    println!("{} {} {}", bytes[0], bytes[4], bytes.len());
    let mut sum = 0u32;
    for b in "abc".bytes() {
        sum += b as u32;
    }
    println!("{}", sum);
    let mut n = 0;
    for w in "  the quick\tbrown  fox\n".split_whitespace() {
        println!("word {}: {}", n, w);
        n += 1;
    }
    for line in "one\ntwo\r\nthree".lines() {
        println!("line [{}]", line);
    }
    let items = [Item { name: "apple", count: 3 }, Item { name: "pear", count: 5 }];
    for it in &items {
        println!("{} x{}", it.name, it.count);
    }
    let t = &s[6..];
    println!("{} {}", t, t.len());
    let u = "héllo";
    println!("{} {}", u.len(), &u[0..1]);
}
