fn count_vowels(s: &str) -> usize {
    s.chars().filter(|c| "aeiou".contains(*c)).count()
}

fn caesar(s: &str, k: u8) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_lowercase() {
            out.push((((c as u8 - b'a' + k) % 26) + b'a') as char);
        } else {
            out.push(c);
        }
    }
    out
}

fn main() {
    let s = "héllo, wörld! 😀";
    println!("{} bytes, {} chars", s.len(), s.chars().count());
    for (i, c) in s.char_indices() {
        print!("{i}:{c} ");
    }
    println!();
    let rev: String = s.chars().rev().collect::<String>();
    println!("{rev}");
    let up = s.chars().map(|c| c.to_ascii_uppercase()).collect::<String>();
    println!("{up}");
    println!("{}", count_vowels("programming in rust"));
    println!("{}", caesar("hello, world", 3));
    let mut t = String::from("ab");
    t.push('c');
    t.push('ß');
    t.push('€');
    t.push('\u{1F680}');
    println!("{t} {}", t.len());
    println!("{:?}", t.pop());
    println!("{t}");
    t.insert(1, 'X');
    println!("{t}");
    let r = t.remove(0);
    println!("{r} {t}");
    let csv = "alpha,beta,,gamma";
    for part in csv.split(',') {
        println!("[{part}]");
    }
    let words: Vec<&str> = "one, two, three".split(", ").collect();
    println!("{:?}", words);
    println!("{:?}", "a-b-c".split('-').collect::<Vec<&str>>());
    println!("{:?}", "".split(',').collect::<Vec<&str>>());
    println!("{:?}", "ab".split("").collect::<Vec<&str>>());
    println!("{}", "xxhixx".trim_matches('x'));
    println!("{}", "--a--".trim_start_matches('-'));
    println!("{}", "--a--".trim_end_matches("-"));
    println!("{:?} {:?}", "hello".find('l'), "hello".find('z'));
    println!("{:?} {:?}", "hello".find("lo"), "hello".rfind('l'));
    println!("{:?}", "héllo".find('l'));
    println!("{} {}", "hello".starts_with('h'), "hello".ends_with("lo"));
    println!("{:?} {:?}", "v1.2".strip_prefix('v'), "file.rs".strip_suffix(".txt"));
    let first = s.chars().next().unwrap();
    let last = s.chars().last().unwrap();
    println!("{first} {last:?}");
    let digits: u32 = "a1b2c3".chars().filter_map(|c| c.to_digit(10)).sum();
    println!("{digits}");
    let mut letters: Vec<char> = "banana".chars().collect();
    letters.sort();
    letters.dedup();
    println!("{:?}", letters);
    let joined: String = letters.iter().collect::<String>();
    println!("{joined}");
    let s2: String = vec!["ab", "cd", "ef"].into_iter().collect::<String>();
    println!("{s2}");
    println!("{}", 'x'.to_string() + "yz");
    let n = s.chars().filter(|c| c.is_alphabetic()).count();
    println!("{n}");
    let w = "tab\tnew\nline";
    println!("{:?}", w.chars().filter(|c| c.is_whitespace()).collect::<Vec<char>>());
}
