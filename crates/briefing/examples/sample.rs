//! Renders the test fixture's briefing (built from the seed articles) in all four formats, to
//! look at: `cargo run -p tre-briefing --example sample -- OUT_DIR`.

#[path = "../tests/it/fixture.rs"]
mod fixture;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".to_string()));
    std::fs::create_dir_all(&out)?;
    let b = fixture::briefing();
    std::fs::write(out.join("briefing.md"), tre_briefing::to_markdown(&b))?;
    std::fs::write(out.join("briefing.html"), tre_briefing::to_html(&b))?;
    std::fs::write(out.join("briefing.docx"), tre_briefing::to_docx(&b)?)?;
    std::fs::write(out.join("briefing.json"), tre_briefing::to_json(&b))?;
    for p in b.problems() {
        eprintln!("problem: {p}");
    }
    println!("wrote {}", out.display());
    Ok(())
}
