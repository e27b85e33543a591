//! Finding inputs and reading them: files whole, JSON Lines a record at a time.
//!
//! Memory stays flat whatever the input size: page files are refused above a size limit before
//! they are read, and JSON Lines (plain or zstd-compressed) are streamed line by line, a line
//! longer than the limit being skipped without ever being held whole.

use crate::{Failure, IngestOptions, Produced};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use tokio::sync::mpsc::Sender;

/// What a file holds, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Scraped page text: title first, then the body with site residue.
    Text,
    Html,
    JsonLines,
    JsonLinesZstd,
}

impl InputKind {
    /// The kind of a file from its name, if tre reads it.
    pub fn of(path: &Path) -> Option<InputKind> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".jsonl.zst") || name.ends_with(".ndjson.zst") {
            Some(InputKind::JsonLinesZstd)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(InputKind::JsonLines)
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            Some(InputKind::Html)
        } else if name.ends_with(".txt") {
            Some(InputKind::Text)
        } else {
            None
        }
    }
}

/// An input file to read.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: PathBuf,
    pub kind: InputKind,
    pub size: u64,
}

/// The files a run will read, and the inputs already known to fail or be skipped.
#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<InputFile>,
    pub failures: Vec<Failure>,
    pub skipped: Vec<Failure>,
}

const SUPPORTED: &str = ".txt, .html, .htm, .jsonl, .ndjson, .jsonl.zst";

/// Expands files and folders (recursively, in name order) into the files to read.
pub fn discover(paths: &[PathBuf]) -> Plan {
    let mut plan = Plan::default();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                plan.failures.push(Failure {
                    source: p.display().to_string(),
                    reason: format!("cannot read it: {e}; check the path"),
                });
                continue;
            }
        };
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name();
            for entry in walker {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        plan.failures.push(Failure {
                            source: e
                                .path()
                                .map(|p| p.display().to_string())
                                .unwrap_or_else(|| p.display().to_string()),
                            reason: format!("cannot read it: {e}"),
                        });
                        continue;
                    }
                };
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry.file_name().to_string_lossy();
                // Hidden files (.DS_Store, editor swap files) are never articles.
                if name.starts_with('.') {
                    continue;
                }
                let path = entry.path().to_owned();
                match InputKind::of(&path) {
                    Some(kind) => plan.files.push(InputFile {
                        size: entry.metadata().map(|m| m.len()).unwrap_or(0),
                        path,
                        kind,
                    }),
                    None => plan.skipped.push(Failure {
                        source: path.display().to_string(),
                        reason: format!("not a kind of file tre reads ({SUPPORTED})"),
                    }),
                }
            }
        } else {
            match InputKind::of(p) {
                Some(kind) => plan.files.push(InputFile {
                    path: p.clone(),
                    kind,
                    size: meta.len(),
                }),
                None => plan.failures.push(Failure {
                    source: p.display().to_string(),
                    reason: format!(
                        "not a kind of file tre reads; give it one of the endings {SUPPORTED}"
                    ),
                }),
            }
        }
    }
    plan
}

/// One input for a worker to turn into an article.
pub struct Job {
    /// `path` or `path#Lnn`.
    pub source: String,
    /// The identity to use when the input names none: the file name without extension.
    pub default_id: String,
    pub payload: Payload,
}

pub enum Payload {
    Text(Vec<u8>),
    Html(Vec<u8>),
    /// One JSON Lines record.
    Record(Vec<u8>),
}

/// The file name without its extensions.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_lowercase();
    for ext in [
        ".jsonl.zst",
        ".ndjson.zst",
        ".html",
        ".htm",
        ".txt",
        ".jsonl",
        ".ndjson",
    ] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_owned();
        }
    }
    name
}

/// Reads every file, sending jobs to the workers and file-level outcomes to the writer.
pub(crate) fn read_all(
    files: &[InputFile],
    opts: &IngestOptions,
    bytes_read: &Arc<AtomicU64>,
    jobs: &SyncSender<Job>,
    out: &Sender<Produced>,
) {
    for f in files {
        let source = f.path.display().to_string();
        let fail = |reason: String| {
            out.blocking_send(Produced::Failed(Failure {
                source: source.clone(),
                reason,
            }))
            .is_ok()
        };
        let keep_going = match f.kind {
            InputKind::Text | InputKind::Html => {
                if f.size > opts.max_file_bytes {
                    bytes_read.fetch_add(f.size, Ordering::Relaxed);
                    fail(format!(
                        "the file is {}, more than the {} an article page can be; if it holds \
                         many articles, convert it to JSON Lines (.jsonl), one article a line",
                        human_bytes(f.size),
                        human_bytes(opts.max_file_bytes)
                    ))
                } else {
                    match std::fs::read(&f.path) {
                        Ok(bytes) => {
                            bytes_read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                            let payload = if f.kind == InputKind::Html {
                                Payload::Html(bytes)
                            } else {
                                Payload::Text(bytes)
                            };
                            jobs.send(Job {
                                source: source.clone(),
                                default_id: stem(&f.path),
                                payload,
                            })
                            .is_ok()
                        }
                        Err(e) => fail(format!("cannot read it: {e}")),
                    }
                }
            }
            InputKind::JsonLines | InputKind::JsonLinesZstd => {
                read_lines(f, opts, bytes_read, jobs, out)
            }
        };
        if !keep_going || out.blocking_send(Produced::FileDone).is_err() {
            return;
        }
    }
}

/// Counts bytes as they are consumed (compressed bytes for .zst), for the progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn read_lines(
    f: &InputFile,
    opts: &IngestOptions,
    bytes_read: &Arc<AtomicU64>,
    jobs: &SyncSender<Job>,
    out: &Sender<Produced>,
) -> bool {
    let source = f.path.display().to_string();
    let fail = |reason: String| {
        out.blocking_send(Produced::Failed(Failure {
            source: source.clone(),
            reason,
        }))
        .is_ok()
    };
    let file = match File::open(&f.path) {
        Ok(file) => file,
        Err(e) => return fail(format!("cannot read it: {e}")),
    };
    let counting = Counting {
        inner: file,
        count: bytes_read.clone(),
    };
    let reader: Box<dyn Read + Send> = if f.kind == InputKind::JsonLinesZstd {
        match zstd::stream::read::Decoder::new(counting) {
            Ok(d) => Box::new(d),
            Err(e) => return fail(format!("not a zstd file: {e}")),
        }
    } else {
        Box::new(counting)
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut line_no = 0u64;
    let mut records = 0u64;
    let mut buf: Vec<u8> = Vec::new();
    loop {
        line_no += 1;
        buf.clear();
        match read_line_limited(&mut reader, &mut buf, opts.max_line_bytes) {
            Ok(LineRead::Eof) if records == 0 && line_no == 1 => {
                return fail("empty file: there are no records in it".to_owned());
            }
            Ok(LineRead::Eof) => return true,
            Ok(LineRead::Line) => {
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if records == 0 && buf.contains(&0) {
                    return fail(
                        "binary data, not JSON Lines (a NUL byte in the first record); check                          that this is the file you meant"
                            .to_owned(),
                    );
                }
                records += 1;
                let job = Job {
                    source: format!("{source}#L{line_no}"),
                    default_id: String::new(),
                    payload: Payload::Record(std::mem::take(&mut buf)),
                };
                if jobs.send(job).is_err() {
                    return false;
                }
            }
            Ok(LineRead::TooLong(n)) => {
                let ok = out
                    .blocking_send(Produced::Failed(Failure {
                        source: format!("{source}#L{line_no}"),
                        reason: format!(
                            "the record is longer than {} (at least {}); skipped",
                            human_bytes(opts.max_line_bytes as u64),
                            human_bytes(n as u64)
                        ),
                    }))
                    .is_ok();
                if !ok {
                    return false;
                }
            }
            Err(e) => {
                let what = if f.kind == InputKind::JsonLinesZstd {
                    "the compressed data is damaged or truncated"
                } else {
                    "reading failed"
                };
                return fail(format!(
                    "{what} at line {line_no} ({e}); the lines before it were read"
                ));
            }
        }
    }
}

enum LineRead {
    Line,
    Eof,
    /// The line was longer than the limit; this many bytes were seen before skipping the rest.
    TooLong(usize),
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `limit` bytes in memory.
fn read_line_limited<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<LineRead> {
    let mut seen = 0usize;
    let mut too_long = false;
    loop {
        let available = r.fill_buf()?;
        if available.is_empty() {
            return Ok(if too_long {
                LineRead::TooLong(seen)
            } else if seen == 0 {
                LineRead::Eof
            } else {
                LineRead::Line
            });
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        seen += chunk.len();
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf.clear();
                buf.shrink_to(0);
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let consumed = done.unwrap_or(available.len());
        r.consume(consumed);
        if done.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(if too_long {
                LineRead::TooLong(seen)
            } else {
                LineRead::Line
            });
        }
    }
}

pub(crate) fn human_bytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB {
        format!("{:.0} MB", n as f64 / MB as f64)
    } else if n >= 1024 {
        format!("{:.0} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_stems() {
        assert_eq!(
            InputKind::of(Path::new("a/B.JSONL.ZST")),
            Some(InputKind::JsonLinesZstd)
        );
        assert_eq!(InputKind::of(Path::new("x.htm")), Some(InputKind::Html));
        assert_eq!(InputKind::of(Path::new("x.pdf")), None);
        assert_eq!(stem(Path::new("d/000_3134.txt")), "000_3134");
        assert_eq!(stem(Path::new("d/dump.jsonl.zst")), "dump");
    }

    #[test]
    fn long_lines_are_skipped_without_buffering() {
        let data = format!("{}\nshort\n{}", "x".repeat(100), "y".repeat(10));
        let mut r = BufReader::with_capacity(8, data.as_bytes());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 50).unwrap(),
            LineRead::TooLong(100)
        ));
        assert!(buf.capacity() <= 64);
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 50).unwrap(),
            LineRead::Line
        ));
        assert_eq!(buf, b"short");
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 50).unwrap(),
            LineRead::Line
        ));
        assert_eq!(buf, b"yyyyyyyyyy");
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 50).unwrap(),
            LineRead::Eof
        ));
    }
}
