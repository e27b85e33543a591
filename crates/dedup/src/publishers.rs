//! Publisher families: which outlets are one source. Corroboration counts families, so a wire
//! story carried by TTXVN, VietnamPlus and Báo Tin tức counts once, and a reprint that credits
//! its source ("Theo TTXVN", a `(TTXVN) -` dateline, a byline `Phương Diệp (TTXVN/Vietnam+)`)
//! counts for the source's family, not for the outlet that reprinted it.

use std::collections::HashMap;

const BUILTIN: &str = include_str!("../data/publishers.tsv");

/// The family registry. [`Publishers::builtin`] holds the list in `data/publishers.tsv`; a
/// deployment adds its own outlets with [`Publishers::extend_from_tsv`] (same format).
#[derive(Debug, Clone, Default)]
pub struct Publishers {
    /// Folded alias → (family key, display name of the outlet).
    by_alias: HashMap<String, (String, String)>,
}

/// A line of a publisher file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublisherError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for PublisherError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "publisher list, line {}: {} (expected: family<TAB>outlet name<TAB>alias|alias...)",
            self.line, self.message
        )
    }
}

impl std::error::Error for PublisherError {}

/// What aliases are compared on: folded, and only letters, digits and the signs that tell
/// names apart (`Vietnam+`, `TG&VN`, `VOV.VN`).
fn alias_key(s: &str) -> String {
    tre_text::fold(s.trim())
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '&' | '.'))
        .collect::<String>()
        .trim_matches('.')
        .to_string()
}

impl Publishers {
    /// The built-in list (`data/publishers.tsv`).
    pub fn builtin() -> Publishers {
        let mut p = Publishers::default();
        // The built-in file is compiled in and checked by a test: it always parses.
        let _ = p.extend_from_tsv(BUILTIN);
        p
    }

    /// Adds the families of a file in the format of `data/publishers.tsv`; an alias listed
    /// again moves to the new family (a user's file overrides the built-in one). Lines are
    /// applied up to the first bad one, which is reported.
    pub fn extend_from_tsv(&mut self, text: &str) -> Result<(), PublisherError> {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |message: &str| PublisherError {
                line: n + 1,
                message: message.to_string(),
            };
            if cols.len() < 2 {
                return Err(err("fewer than two tab-separated columns"));
            }
            let family = cols[0].trim();
            let name = cols[1].trim();
            if family.is_empty() || name.is_empty() {
                return Err(err("empty family key or outlet name"));
            }
            let aliases = cols.get(2).map_or("", |s| s.trim());
            for alias in std::iter::once(name).chain(aliases.split('|')) {
                let key = alias_key(alias);
                if !key.is_empty() {
                    self.by_alias
                        .insert(key, (family.to_string(), name.to_string()));
                }
            }
        }
        Ok(())
    }

    /// The family of an outlet named any way the list knows (`Tuổi Trẻ`, `tuoitre.vn`, `TTO`).
    pub fn known_family(&self, name: &str) -> Option<&str> {
        self.by_alias.get(&alias_key(name)).map(|(f, _)| f.as_str())
    }

    /// The family of an outlet; an outlet the list does not know is a family of its own
    /// (`outlet:` and its folded name), so it still counts once.
    pub fn family_of(&self, outlet: &str) -> String {
        match self.known_family(outlet) {
            Some(f) => f.to_string(),
            None => format!("outlet:{}", alias_key(outlet)),
        }
    }

    /// The family credited by a source line or byline: `Theo TTXVN`, `(Theo Reuters)`,
    /// `Nguồn: VOV`, `Phương Diệp (TTXVN/Vietnam+)`, `Lâm Khánh/TTXVN`. The first part that
    /// names a known publisher wins; `None` when none does.
    pub fn credited_family(&self, source: &str) -> Option<&str> {
        source
            .split(['(', ')', '/', ',', ';', ':', '[', ']', '\n'])
            .flat_map(|part| part.split(" - "))
            .map(|part| {
                let t = part.trim().trim_end_matches(['.', '-', '–']).trim();
                // "Theo TTXVN", "nguồn TTXVN": the connective is not part of the name.
                let mut words = t.splitn(2, char::is_whitespace);
                let first = tre_text::fold(words.next().unwrap_or(""));
                match (first.as_str(), words.next()) {
                    ("theo" | "nguon" | "source" | "by", Some(rest)) => rest.trim(),
                    _ => t,
                }
            })
            .find_map(|part| self.known_family(part))
    }

    /// A credit printed in the article text itself: an agency dateline opening it
    /// (`(TTXVN) - `, `VOV.VN - `) or a closing source line (`Theo TTXVN`, `(Theo AFP)`,
    /// `Nguồn: Reuters`). Attributions inside sentences ("Theo TTXVN, dự án...") are facts
    /// quoted, not a reprint, and are not read.
    pub fn credit_in_text(&self, text: &str) -> Option<&str> {
        let t = text.trim_start();
        let head: String = t.chars().take(30).collect();
        if let Some(rest) = head.strip_prefix('(')
            && let Some(close) = rest.find(')')
            && rest[close + 1..].trim_start().starts_with(['-', '–', '—'])
            && let Some(f) = self.known_family(&rest[..close])
        {
            return Some(f);
        }
        if let Some(dash) = head.find(" - ").or_else(|| head.find("- "))
            && let Some(f) = self.known_family(&head[..dash])
        {
            return Some(f);
        }
        let last = text.lines().rev().map(str::trim).find(|l| !l.is_empty())?;
        let folded = tre_text::fold(last);
        let folded = folded.trim_start_matches('(');
        if last.chars().count() <= 60
            && (folded.starts_with("theo ") || folded.starts_with("nguon"))
        {
            return self.credited_family(last);
        }
        None
    }
}
