//! Development aid: `html_text PAGE.html` prints the page laid out as text, as the cleaner
//! receives it, after the metadata its markup states.

#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    let path = std::env::args().nth(1).expect("usage: html_text PAGE.html");
    let bytes = std::fs::read(&path).expect("read the page");
    let text = slant_corpus::decode::decode(&bytes)
        .expect("a text file")
        .text;
    let page = slant_corpus::html::to_text(&text);
    println!("{:?}\n---", page.meta);
    print!("{}", page.text);
}
