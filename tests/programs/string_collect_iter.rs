fn main() {
    let s = "hello";
    let r: String = s.chars().rev().collect();
    println!("{}", r);
    let up = s.chars().map(|c| c.to_ascii_uppercase()).collect::<String>();
    println!("{}", up);
    let words = vec![String::from("x"), String::from("yy"), String::from("zzz")];
    println!("{}", words.join(", "));
    let caps: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    println!("{}", caps.join("-"));
    let pieces: String = vec!["ab", "cd"].into_iter().collect();
    println!("{}", pieces);
    let nums: String = (0..5).map(|i| char::from(b'0' + i as u8)).collect();
    println!("{}", nums);
    let strs: String = words.iter().map(|w| w.as_str()).collect();
    println!("{}", strs);
    let owned: String = words.into_iter().collect();
    println!("{}", owned);
}
