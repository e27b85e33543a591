//! Prints the extraction of one article given on the command line (title, then paragraphs
//! separated by blank lines), for looking at what the rules do with a sentence.
fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let text = tre_text::normalize(&text);
    let mut parts = text.split("\n\n").map(str::to_owned);
    let title = parts.next().unwrap_or_default();
    let a = tre_extract::ArticleInput {
        id: "debug".into(),
        title,
        paragraphs: parts.collect(),
        published: std::env::var("PUBLISHED").ok(),
        ..Default::default()
    };
    let lexicon = tre_lexicon::Lexicon::builtin();
    let x = tre_extract::Extractor::new(&lexicon).extract(&a);
    for p in &x.persons {
        println!("person {:?} {:?}", p.name, p.titles);
    }
    for o in &x.organizations {
        println!("org {:?} {:?}", o.name, o.canonical);
    }
    for p in &x.places {
        println!("place {:?} {}", p.name, p.kind);
    }
    for d in &x.documents {
        println!("doc {} {} {:?}", d.kind, d.number, d.date);
    }
    for e in &x.events {
        println!(
            "event {} {:?} {:?} {:?} {:?}",
            e.kind, e.date, e.participants, e.place, e.triggers
        );
    }
    for p in &x.pillars {
        println!("pillar {:?} {}", p.pillar, p.score);
    }
}
