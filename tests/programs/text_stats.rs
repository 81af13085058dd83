// Text processing with `char`s and string patterns: words split on
// punctuation, letter frequencies, a capitalized title, palindromes, and
// columns joined back.

fn is_palindrome(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    let n = letters.len();
    (0..n / 2).all(|i| letters[i] == letters[n - 1 - i])
}

fn strip(w: &str) -> &str {
    w.trim_matches(',').trim_matches('!').trim_matches(':').trim_matches(';').trim_matches('.')
}

fn capitalize(w: &str) -> String {
    let mut out = String::new();
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn main() {
    let text = "Never odd or even; a man, a plan, a canal: Panama! Level-headed kayak racecars.";
    let mut counts = [0u32; 26];
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            counts[(c.to_ascii_lowercase() as u8 - b'a') as usize] += 1;
        }
    }
    let mut top: Vec<(char, u32)> = Vec::new();
    for i in 0..26 {
        if counts[i] >= 5 {
            top.push(((b'a' + i as u8) as char, counts[i]));
        }
    }
    println!("{:?}", top);
    for sentence in text.split(';').filter(|s| !s.trim().is_empty()) {
        let s = sentence.trim();
        println!("{:<32}|{}", s, is_palindrome(s));
    }
    let mut words: Vec<&str> = Vec::new();
    for w in text.split(' ') {
        words.push(strip(w));
    }
    println!("{}", words.len());
    let mut title: Vec<String> = Vec::new();
    for w in words.iter().take(4) {
        title.push(capitalize(w));
    }
    println!("{}", title.join(" "));
    let pals: Vec<&str> = words.iter().copied().filter(|w| w.len() > 3 && is_palindrome(w)).collect();
    println!("{:?}", pals);
    let row = ["id", "name", "score"];
    println!("{}", row.join("\t"));
    let vowels = text.chars().filter(|c| "aeiouAEIOU".contains(*c)).count();
    println!("vowels {vowels}");
    let last_word = words.iter().rev().find(|w| !w.is_empty()).unwrap();
    println!("{last_word} {:?}", last_word.char_indices().nth(3));
}
