//! `tre segment`: word segmentation, a line in, a line out.
//!
//! The contract scorers and other tools rely on: one output line per input line, words
//! separated by single spaces, the syllables of one word joined by `_`
//! (`Bộ_trưởng Ngoại_giao Bùi_Thanh_Sơn`). Each line is normalised first, like all text in tre.

use anyhow::{Context, Result};
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

pub fn run() -> Result<ExitCode> {
    let seg = tre_segment::Segmenter::shared();
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut buf = String::new();
    for (n, line) in stdin.split(b'\n').enumerate() {
        let bytes = line.context("reading standard input")?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            anyhow::anyhow!(
                "line {} is not valid UTF-8 (at byte {}); tre segment reads UTF-8 text",
                n + 1,
                e.valid_up_to()
            )
        })?;
        let text = text.strip_suffix('\r').unwrap_or(text);
        buf.clear();
        // A line break inside a line cannot happen here, so normalising keeps one line.
        seg.segment_line_into(&tre_text::normalize(text), &mut buf);
        if let Err(e) = writeln!(out, "{buf}") {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(e.into());
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
