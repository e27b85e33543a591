//! Segmentation benchmark: throughput end to end from raw text, latency per document, model
//! load time and peak memory.
//!
//! ```text
//! cargo run --release -p tre-segment --example segbench -- FILE...
//! ```
//!
//! A `.jsonl` file holds one document per line in its `text` field (the shape of
//! `../shared/corpus/bulk/vntc-train.jsonl`); any other file is one document per line. Files
//! are streamed, one document in memory at a time, so the peak RSS printed at the end is the
//! segmenter's (model, buffers, one document), whatever the corpus size. Each document is
//! normalised first (the spine normalises at its door) and then timed: `Segmenter::words`
//! (sentence splitting, pre-tokenising, CRF labelling, grouping into words) and, separately,
//! `segment_line` on each of its lines (the same plus building the `tre segment` string).

use std::io::BufRead;
use std::time::{Duration, Instant};
use tre_segment::Segmenter;

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i].as_secs_f64() * 1e6
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        return Err("usage: segbench FILE... (.jsonl with a `text` field, or text lines)".into());
    }
    let rss_start = status_kib("VmRSS:");
    let t = Instant::now();
    let seg = Segmenter::new();
    let load = t.elapsed();
    let rss_model = status_kib("VmRSS:");

    let (mut docs, mut bytes, mut syllables, mut words) = (0usize, 0usize, 0usize, 0usize);
    let (mut t_words, mut t_lines) = (Duration::ZERO, Duration::ZERO);
    let mut lat = Vec::new();
    let mut out = String::new();
    for f in &files {
        let reader = std::io::BufReader::new(std::fs::File::open(f)?);
        let jsonl = f.ends_with(".jsonl");
        for line in reader.lines() {
            let line = line?;
            let raw = if jsonl {
                let v: serde_json::Value = serde_json::from_str(&line)?;
                v.get("text")
                    .and_then(|t| t.as_str())
                    .unwrap_or("")
                    .to_string()
            } else {
                line
            };
            let doc = tre_text::normalize(&raw);
            if doc.is_empty() {
                continue;
            }
            docs += 1;
            bytes += doc.len();
            syllables += doc.split_whitespace().count();
            let t0 = Instant::now();
            let w = seg.words(&doc);
            let dt = t0.elapsed();
            t_words += dt;
            lat.push(dt);
            words += w.len();
            drop(w);
            let t0 = Instant::now();
            for l in doc.lines() {
                out.clear();
                seg.segment_line_into(l, &mut out);
                std::hint::black_box(&out);
            }
            t_lines += t0.elapsed();
        }
    }
    lat.sort();
    let secs = t_words.as_secs_f64();
    println!("documents          {docs}");
    println!("bytes              {bytes}");
    println!("syllables          {syllables} (white-space separated, after normalisation)");
    println!("words              {words}");
    println!("model load         {:.1} ms", load.as_secs_f64() * 1e3);
    println!(
        "words()            {:.0} syllables/s  ({:.1} MB/s, {:.3} s)",
        syllables as f64 / secs,
        bytes as f64 / secs / 1e6,
        secs
    );
    println!(
        "segment_line()     {:.0} syllables/s  ({:.3} s)",
        syllables as f64 / t_lines.as_secs_f64(),
        t_lines.as_secs_f64()
    );
    println!(
        "latency/document   p50 {:.1} µs  p90 {:.1} µs  p99 {:.1} µs  max {:.1} µs",
        percentile(&lat, 0.5),
        percentile(&lat, 0.9),
        percentile(&lat, 0.99),
        percentile(&lat, 1.0)
    );
    println!(
        "memory             peak RSS {:.1} MiB; model {:.1} MiB (RSS {:.1} → {:.1} MiB at load)",
        status_kib("VmHWM:") as f64 / 1024.0,
        (rss_model.saturating_sub(rss_start)) as f64 / 1024.0,
        rss_start as f64 / 1024.0,
        rss_model as f64 / 1024.0
    );
    Ok(())
}
