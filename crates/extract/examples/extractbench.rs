//! Throughput of extraction on news text, on one core.
//!
//! ```sh
//! zstdcat ../shared/corpus/bulk/vntc-train.jsonl.zst | head -3000 > /tmp/bulk3000.jsonl
//! cargo run --release -p tre-extract --example extractbench -- /tmp/bulk3000.jsonl
//! ```
//!
//! Reads JSON Lines records (`title`, `text`), cleans them with `tre_page::clean_article`
//! (not timed), then times, over the same articles: word segmentation alone
//! (`Segmenter::words` on the article's text, which extraction runs first) and the whole
//! extraction (`Extractor::extract`). Prints syllables per second for both and for the
//! extraction's own work on top of segmentation, the latency per article (p50, p90, p99, max),
//! the extractor's build time and the peak resident memory.

use std::time::{Duration, Instant};
use tre_extract::{ArticleInput, Extractor};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extractbench FILE.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut inputs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("{path}:{}: not JSON, skipped", n + 1);
            continue;
        };
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
        if let Ok(page) = tre_page::clean_article(&field("title"), &field("text")) {
            inputs.push(ArticleInput {
                id: field("id"),
                title: page.title,
                paragraphs: page.lead.into_iter().chain(page.paragraphs).collect(),
                captions: page.captions,
                byline: page.byline,
                source_line: page.source_line,
                published: page.published,
            });
        }
    }
    let syllables: usize = inputs
        .iter()
        .map(|a| tre_text::token_spans(&a.text()).count())
        .sum();
    let lexicon = tre_lexicon::Lexicon::builtin();
    let t = Instant::now();
    let extractor = Extractor::new(&lexicon);
    let build = t.elapsed();
    let seg = tre_segment::Segmenter::shared();
    // Warm up (the segmenter's model is decoded on first use).
    let _ = extractor.extract(&inputs[0]);

    let mut seg_time = Duration::MAX;
    let mut ext_time = Duration::MAX;
    let mut latencies = Vec::with_capacity(inputs.len());
    let mut items = 0usize;
    for round in 0..rounds {
        let t = Instant::now();
        let mut words = 0usize;
        for a in &inputs {
            words += seg.words(&a.text()).len();
        }
        seg_time = seg_time.min(t.elapsed());
        std::hint::black_box(words);

        let t = Instant::now();
        for a in &inputs {
            let t0 = Instant::now();
            let x = extractor.extract(a);
            if round == 0 {
                latencies.push(t0.elapsed());
                items += x.persons.len()
                    + x.organizations.len()
                    + x.places.len()
                    + x.documents.len()
                    + x.events.len();
            }
            std::hint::black_box(x);
        }
        ext_time = ext_time.min(t.elapsed());
    }
    latencies.sort_unstable();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
    let rate = |d: Duration| syllables as f64 / d.as_secs_f64();
    let own = ext_time.saturating_sub(seg_time);
    println!(
        "articles {}  syllables {}  extracted items {}  rounds {} (best taken)",
        inputs.len(),
        syllables,
        items,
        rounds
    );
    println!("extractor build      {:.1} ms", build.as_secs_f64() * 1e3);
    println!(
        "segmentation alone   {:>10.0} syllables/s  ({:.2} s)",
        rate(seg_time),
        seg_time.as_secs_f64()
    );
    println!(
        "extraction (total)   {:>10.0} syllables/s  ({:.2} s)",
        rate(ext_time),
        ext_time.as_secs_f64()
    );
    println!(
        "extraction own work  {:>10.0} syllables/s  ({:.2} s on top of segmentation)",
        rate(own),
        own.as_secs_f64()
    );
    println!(
        "latency per article  p50 {:.0} µs  p90 {:.0} µs  p99 {:.0} µs  max {:.0} µs",
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.9).as_secs_f64() * 1e6,
        pct(0.99).as_secs_f64() * 1e6,
        pct(1.0).as_secs_f64() * 1e6
    );
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM"))
    {
        println!(
            "peak memory          {}",
            line.trim_start_matches("VmHWM:").trim()
        );
    }
}
