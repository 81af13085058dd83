struct Glyph {
    c: char,
    width: u32,
}

fn classify(c: char) -> &'static str {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        'A'..='Z' => "upper",
        '0'..='9' => "digit",
        ' ' | '\t' | '\n' => "space",
        _ => "other",
    }
}

fn main() {
    let a = 'a';
    let nl = '\n';
    let smile = '\u{1F600}';
    let e = 'é';
    println!("{} {} {} {}", a, smile, e, 'Z');
    println!("{:?} {:?} {:?} {:?} {:?} {:?}", a, nl, smile, '\'', '"', '\\');
    println!("{:?} {:?} {:?}", '\t', '\r', '\0');
    println!("{} {} {}", a as u32, smile as u32, e as u32);
    println!("{}", (a as u8 + 2) as char);
    println!("{}", 'A' as u8);
    let b: u8 = 100;
    println!("{}", b as char);
    println!("{:?} {:?}", char::from_u32(0x41), char::from_u32(0xD800));
    println!("{:?} {:?}", char::from_u32(0x110000), char::from_u32(0x1F600));
    println!("{:?} {:?} {:?}", char::from_digit(7, 10), char::from_digit(11, 16), char::from_digit(10, 10));
    println!("{:?} {:?} {:?}", '7'.to_digit(10), 'f'.to_digit(16), 'z'.to_digit(10));
    println!("{} {} {}", '5'.is_ascii_digit(), 'x'.is_ascii_digit(), 'Q'.is_alphabetic());
    println!("{} {} {}", ' '.is_whitespace(), '\u{3000}'.is_whitespace(), 'a'.is_whitespace());
    println!("{} {}", 'q'.to_ascii_uppercase(), 'Q'.to_ascii_lowercase());
    println!("{} {}", '!'.to_ascii_uppercase(), 'é'.to_ascii_uppercase());
    println!("{} {} {} {}", 'a'.len_utf8(), 'é'.len_utf8(), '€'.len_utf8(), smile.len_utf8());
    println!("{} {} {}", 'a' < 'b', 'z' >= 'a', 'x' == 'x');
    println!("{}", 'a' != 'b');
    for c in ['h', 'E', '7', ' ', 'i', '#', 'x'] {
        println!("{c}: {}", classify(c));
    }
    let glyphs = vec![Glyph { c: 'w', width: 3 }, Glyph { c: 'ß', width: 1 }];
    for g in &glyphs {
        println!("{}={}", g.c, g.width);
    }
    let mut v: Vec<char> = Vec::new();
    v.push('z');
    v.push('y');
    v.push('x');
    v.sort();
    println!("{:?}", v);
    println!("{}", v.contains(&'y'));
    println!("{} {}", 'x'.is_ascii_punctuation(), '?'.is_ascii_punctuation());
    println!("{} {}", 'A'.is_uppercase(), 'a'.is_lowercase());
    println!("{} {}", char::MAX as u32, 'é'.is_alphanumeric());
    let s = 'q'.to_string();
    println!("{s} {}", s.len());
    println!("[{:>4}] [{:<4}] [{:^5}]", 'r', 's', 't');
}
