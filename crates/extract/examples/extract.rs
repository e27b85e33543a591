//! Prints the extraction of scraped text pages (`samples/seeds/*.txt`) as JSON Lines, in the
//! shape of the extraction contract (plus this crate's extra fields).
//!
//! ```sh
//! cargo run --release -p tre-extract --example extract -- samples/seeds/*.txt > /tmp/out.jsonl
//! python3 ../shared/tools/score_extraction.py ../shared/gold/seeds /tmp/out.jsonl --verbose
//! ```
//!
//! A `.jsonl` file is read as records with `id`, `title` and `text` (the bulk corpus), cleaned
//! with `tre_page::clean_article`; so is a `.txt` file with `--record` (its first line the title,
//! then a blank line, then the text). `--contract` prints only the contract's fields.

use std::path::Path;
use std::process::ExitCode;
use tre_extract::{ArticleInput, Extraction, Extractor};

fn from_page(id: String, page: tre_page::Page) -> ArticleInput {
    ArticleInput {
        id,
        title: page.title,
        paragraphs: page.lead.into_iter().chain(page.paragraphs).collect(),
        captions: page.captions,
        byline: page.byline,
        source_line: page.source_line,
        published: page.published,
    }
}

/// The records of a JSON Lines file (`id`, `title`, `text`), as the bulk corpus holds them.
fn jsonl_inputs(path: &Path) -> Result<Vec<ArticleInput>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
        match tre_page::clean_article(&field("title"), &field("text")) {
            Ok(page) => out.push(from_page(field("id"), page)),
            Err(e) => eprintln!("{}:{}: {e}", path.display(), n + 1),
        }
    }
    Ok(out)
}

/// A `.txt` file holding a corpus record: the title, a blank line, then the text.
fn record_input(path: &Path) -> Result<ArticleInput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = tre_page::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let (title, body) = text.text.split_once("\n\n").unwrap_or((&text.text, ""));
    let page =
        tre_page::clean_article(title, body).map_err(|e| format!("{}: {e}", path.display()))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(from_page(id, page))
}

fn input(path: &Path) -> Result<ArticleInput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = tre_page::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let page =
        tre_page::clean_text_page(&text.text).map_err(|e| format!("{}: {e}", path.display()))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(from_page(id, page))
}

fn contract(x: &Extraction) -> serde_json::Value {
    serde_json::json!({
        "id": x.id,
        "title": x.title,
        "published": x.published,
        "persons": x.persons.iter().map(|p| serde_json::json!({"name": p.name, "titles": p.titles})).collect::<Vec<_>>(),
        "organizations": x.organizations.iter().map(|o| serde_json::json!({"name": o.name})).collect::<Vec<_>>(),
        "places": x.places.iter().map(|p| serde_json::json!({"name": p.name, "kind": p.kind})).collect::<Vec<_>>(),
        "documents": x.documents.iter().map(|d| serde_json::json!({"kind": d.kind, "number": d.number, "date": d.date})).collect::<Vec<_>>(),
        "events": x.events.iter().map(|e| serde_json::json!({"type": e.kind, "date": e.date, "participants": e.participants, "place": e.place})).collect::<Vec<_>>(),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only_contract = args.iter().any(|a| a == "--contract");
    let records = args.iter().any(|a| a == "--record");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("usage: extract [--contract] [--record] FILE.txt|FILE.jsonl...");
        return ExitCode::from(2);
    }
    let lexicon = tre_lexicon::Lexicon::builtin();
    let extractor = Extractor::new(&lexicon);
    let mut failed = false;
    for f in files {
        let path = Path::new(f);
        let inputs = if path.extension().is_some_and(|e| e == "jsonl") {
            jsonl_inputs(path)
        } else if records {
            record_input(path).map(|a| vec![a])
        } else {
            input(path).map(|a| vec![a])
        };
        match inputs {
            Ok(inputs) => {
                for a in inputs {
                    let x = extractor.extract(&a);
                    let line = if only_contract {
                        contract(&x).to_string()
                    } else {
                        serde_json::to_string(&x).unwrap_or_default()
                    };
                    println!("{line}");
                }
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
