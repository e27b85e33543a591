//! Printing: colours only on a terminal, progress bars only on a terminal, errors on stderr.
//! Everything on stdout goes through [`out!`](crate::out), which ends the program quietly when
//! the reader has gone away (`tre search ... | head`) instead of panicking.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Bold on a terminal, plain otherwise.
pub fn bold(s: &str) -> String {
    if stdout_is_terminal() {
        format!("\x1b[1m{s}\x1b[0m")
    } else {
        s.to_owned()
    }
}

/// Dim on a terminal, plain otherwise.
pub fn dim(s: &str) -> String {
    if stdout_is_terminal() {
        format!("\x1b[2m{s}\x1b[0m")
    } else {
        s.to_owned()
    }
}

/// Highlight markers for snippets: bold on a terminal, `**` otherwise (readable in logs and
/// Markdown).
pub fn marks() -> (&'static str, &'static str) {
    if stdout_is_terminal() {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("**", "**")
    }
}

pub fn error(msg: &str) {
    let e = if std::io::stderr().is_terminal() {
        "\x1b[1;31merror:\x1b[0m"
    } else {
        "error:"
    };
    eprintln!("{e} {msg}");
}

/// A progress bar on stderr; invisible when stderr is not a terminal.
pub fn bar(len: u64, template: &str) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes a line to stdout; exits with status 0 if stdout was closed by its reader.
#[macro_export]
macro_rules! out {
    () => { $crate::output::write_line(format_args!("")) };
    ($($arg:tt)*) => { $crate::output::write_line(format_args!($($arg)*)) };
}

pub fn write_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|_| stdout.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(2);
    }
}
