// `collect()` into `Result<Vec<T>, E>` (the first `Err` stops it) and
// `Option<Vec<T>>`: by turbofish, from a `let` type and a return type, and `?` on it.

// (errors as `String`s: `std::num::ParseIntError` is not nameable in hybridc yet)

fn parse_list(s: &str) -> Result<Vec<i32>, String> {
    s.split(',').map(|t| t.trim().parse::<i32>().map_err(|e| e.to_string())).collect()
}

fn sum_list(s: &str) -> Result<i32, String> {
    let v: Vec<i32> = s.split(',').map(|t| t.parse::<i32>().map_err(|e| format!("{t}: {e}"))).collect::<Result<Vec<_>, _>>()?;
    Ok(v.iter().sum())
}

fn firsts(words: &[&str]) -> Option<Vec<char>> {
    words.iter().map(|w| w.chars().next()).collect()
}

fn main() {
    let v: Result<Vec<i32>, _> = "1,2,3".split(',').map(|t| t.parse::<i32>()).collect();
    println!("{:?}", v);
    let bad: Result<Vec<i32>, _> = "1,x,3".split(',').map(|t| t.parse::<i32>()).collect();
    println!("{:?}", bad);
    println!("{:?}", parse_list("4, 5 ,6"));
    println!("{:?}", parse_list("4,,6").is_err());
    println!("{:?}", sum_list("10,20,30"));
    match sum_list("10,2x") {
        Ok(n) => println!("sum {}", n),
        Err(e) => println!("error: {}", e),
    }
    println!("{:?}", firsts(&["ab", "cd"]));
    println!("{:?}", firsts(&["ab", "", "cd"]));
    let halves: Option<Vec<i32>> = [2, 4, 6].iter().map(|&x| if x % 2 == 0 { Some(x / 2) } else { None }).collect();
    println!("{:?}", halves);
    let names = vec![String::from("a"), String::from("bb")];
    let owned: Option<Vec<String>> = names.iter().map(|s| if s.is_empty() { None } else { Some(s.clone()) }).collect();
    println!("{:?}", owned);
    let strs: Result<Vec<String>, String> =
        names.iter().map(|s| if s.len() < 2 { Ok(s.to_uppercase()) } else { Err(format!("too long: {}", s)) }).collect();
    println!("{:?}", strs);
    let checked = [1u8, 2, 3].iter().map(|&b| b.checked_mul(100)).collect::<Option<Vec<u8>>>();
    println!("{:?}", checked);
}
