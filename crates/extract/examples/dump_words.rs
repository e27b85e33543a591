fn main() {
    let seg = tre_segment::Segmenter::shared();
    let text = std::env::args().nth(1).unwrap();
    let text = tre_text::normalize(&text);
    for w in seg.words(&text) {
        print!("{}[{:?}] ", w.text(&text).replace(' ', "_"), w.kind);
    }
    println!();
}
