//! What a user typed, understood: words, quoted phrases, exclusions, and aliases.
//!
//! Syntax: words (`bui thanh son`), `"quoted phrases"`, `-word` or `-"phrase"` to exclude.
//! Anything else is treated as text: punctuation splits words the way the index does, so a
//! query can never be a syntax error. Limits keep a hostile query from costing more than a
//! normal one.

use crate::aliases::{AliasGroup, groups};
use crate::analyzer::analyze;
use std::sync::OnceLock;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most tokens a query may hold.
pub const MAX_QUERY_TOKENS: usize = 48;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    Empty,
    TooLong(usize),
    TooManyWords(usize),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Empty => write!(
                f,
                "the query has no words to search for; type some words, e.g. bui thanh son"
            ),
            QueryError::TooLong(n) => write!(
                f,
                "the query is {n} characters long; the limit is {MAX_QUERY_CHARS}: shorten it"
            ),
            QueryError::TooManyWords(n) => write!(
                f,
                "the query has {n} words; the limit is {MAX_QUERY_TOKENS}: use fewer words or a \
                 quoted phrase"
            ),
        }
    }
}

impl std::error::Error for QueryError {}

/// A sequence of tokens in both index forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    /// Lower-cased, diacritics kept.
    pub exact: Vec<String>,
    /// Folded.
    pub fold: Vec<String>,
    /// True when the user typed diacritics in this part: it is matched exactly first.
    pub accented: bool,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        Tokens {
            exact: analyze(text, false),
            fold: analyze(text, true),
            accented: tre_text::has_diacritics(text),
        }
    }

    fn slice(&self, from: usize, to: usize) -> Tokens {
        Tokens {
            exact: self.exact[from..to].to_vec(),
            fold: self.fold[from..to].to_vec(),
            accented: self.accented,
        }
    }

    pub fn len(&self) -> usize {
        self.fold.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fold.is_empty()
    }
}

/// One requirement of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Unquoted words: each must occur; occurring side by side ranks first.
    Words(Tokens),
    /// A quoted phrase: the tokens must occur side by side.
    Phrase(Tokens),
    /// One of several folded phrases (an alias group).
    AnyOf(Vec<Vec<String>>),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    pub required: Vec<Clause>,
    pub excluded: Vec<Tokens>,
}

impl ParsedQuery {
    /// True when some part was typed with diacritics, so that an exact tier exists.
    pub fn has_accented(&self) -> bool {
        self.required.iter().any(|c| match c {
            Clause::Words(t) | Clause::Phrase(t) => t.accented,
            Clause::AnyOf(_) => false,
        })
    }

    /// True when some clause has several tokens that could be found side by side or not.
    pub fn has_scattered_tier(&self) -> bool {
        self.required
            .iter()
            .any(|c| matches!(c, Clause::Words(t) if t.len() > 1))
    }

    /// What to highlight in a hit found by the tier (`strict`: as typed; `adjacent`: runs of
    /// words side by side).
    pub fn highlight_terms(&self, strict: bool, adjacent: bool) -> crate::snippet::Terms {
        use crate::snippet::Sequence;
        let mut sequences = Vec::new();
        for c in &self.required {
            match c {
                Clause::Words(t) | Clause::Phrase(t) => {
                    let exact = strict && t.accented;
                    let tokens = if exact { &t.exact } else { &t.fold };
                    if adjacent || matches!(c, Clause::Phrase(_)) {
                        sequences.push(Sequence {
                            tokens: tokens.clone(),
                            exact,
                        });
                    } else {
                        sequences.extend(tokens.iter().map(|tok| Sequence {
                            tokens: vec![tok.clone()],
                            exact,
                        }));
                    }
                }
                Clause::AnyOf(vs) => sequences.extend(vs.iter().map(|v| Sequence {
                    tokens: v.clone(),
                    exact: false,
                })),
            }
        }
        crate::snippet::Terms { sequences }
    }
}

fn alias_groups() -> &'static [AliasGroup] {
    static G: OnceLock<Vec<AliasGroup>> = OnceLock::new();
    G.get_or_init(groups)
}

/// Parses a query (normalising it first, like everything else).
pub fn parse(raw: &str) -> Result<ParsedQuery, QueryError> {
    let n = raw.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong(n));
    }
    let text = tre_text::normalize(raw).replace('\n', " ");
    let mut required = Vec::new();
    let mut excluded = Vec::new();
    let mut run = String::new();
    let mut chars = text.chars().peekable();
    let flush_run = |run: &mut String, required: &mut Vec<Clause>| {
        let t = Tokens::new(run);
        if !t.is_empty() {
            required.push(Clause::Words(t));
        }
        run.clear();
    };
    while let Some(c) = chars.next() {
        let at_word_start = run.is_empty() || run.ends_with(' ');
        if c == '"' || c == '“' || c == '”' {
            flush_run(&mut run, &mut required);
            let phrase: String = chars
                .by_ref()
                .take_while(|&c| c != '"' && c != '”' && c != '“')
                .collect();
            let t = Tokens::new(&phrase);
            if !t.is_empty() {
                required.push(Clause::Phrase(t));
            }
        } else if c == '-' && at_word_start && chars.peek().is_some_and(|n| !n.is_whitespace()) {
            flush_run(&mut run, &mut required);
            let excl: String = if chars.peek() == Some(&'"') {
                chars.next();
                chars.by_ref().take_while(|&c| c != '"').collect()
            } else {
                chars.by_ref().take_while(|c| !c.is_whitespace()).collect()
            };
            let t = Tokens::new(&excl);
            if !t.is_empty() {
                excluded.push(t);
            }
        } else {
            run.push(c);
        }
    }
    flush_run(&mut run, &mut required);

    let required = expand_aliases(required);
    if required.is_empty() {
        return Err(QueryError::Empty);
    }
    let tokens: usize = required
        .iter()
        .map(|c| match c {
            Clause::Words(t) | Clause::Phrase(t) => t.len(),
            Clause::AnyOf(v) => v.iter().map(Vec::len).max().unwrap_or(0),
        })
        .sum::<usize>()
        + excluded.iter().map(Tokens::len).sum::<usize>();
    if tokens > MAX_QUERY_TOKENS {
        return Err(QueryError::TooManyWords(tokens));
    }
    Ok(ParsedQuery { required, excluded })
}

/// Replaces any alias phrase inside words or phrases by an `AnyOf` clause over its group.
fn expand_aliases(clauses: Vec<Clause>) -> Vec<Clause> {
    let mut out = Vec::new();
    for c in clauses {
        let (t, quoted) = match c {
            Clause::Words(t) => (t, false),
            Clause::Phrase(t) => (t, true),
            other => {
                out.push(other);
                continue;
            }
        };
        // A quoted phrase that is exactly an alias expands; one merely containing an alias
        // stays a phrase (its words must still be side by side).
        if quoted {
            match find_alias(&t.fold, 0) {
                Some((0, end, g)) if end == t.len() => out.push(Clause::AnyOf(g.variants.clone())),
                _ => out.push(Clause::Phrase(t)),
            }
            continue;
        }
        let mut start = 0;
        let mut i = 0;
        while i < t.len() {
            match find_alias(&t.fold, i) {
                Some((from, to, g)) if from == i => {
                    if start < from {
                        out.push(Clause::Words(t.slice(start, from)));
                    }
                    out.push(Clause::AnyOf(g.variants.clone()));
                    i = to;
                    start = to;
                }
                _ => i += 1,
            }
        }
        if start < t.len() {
            out.push(Clause::Words(t.slice(start, t.len())));
        }
    }
    out
}

/// The longest alias variant starting at `at`, as (start, end, group).
fn find_alias(tokens: &[String], at: usize) -> Option<(usize, usize, &'static AliasGroup)> {
    let mut best: Option<(usize, usize, &'static AliasGroup)> = None;
    for g in alias_groups() {
        for v in &g.variants {
            let end = at + v.len();
            if !v.is_empty()
                && end <= tokens.len()
                && tokens[at..end] == v[..]
                && best.is_none_or(|(_, e, _)| end > e)
            {
                best = Some((at, end, g));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(c: &Clause) -> Vec<String> {
        match c {
            Clause::Words(t) | Clause::Phrase(t) => t.fold.clone(),
            Clause::AnyOf(v) => v[0].clone(),
        }
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse(r#"bui thanh son "hội nghị" -gia -"biến động""#).unwrap();
        assert_eq!(q.required.len(), 2);
        assert!(matches!(&q.required[0], Clause::Words(t) if !t.accented && t.len() == 3));
        assert!(matches!(&q.required[1], Clause::Phrase(t) if t.accented));
        assert_eq!(q.excluded.len(), 2);
        assert_eq!(q.excluded[1].fold, ["bien", "dong"]);
    }

    #[test]
    fn hyphens_inside_words_are_not_exclusions() {
        let q = parse("Á-Thái Âu-Mỹ").unwrap();
        assert!(q.excluded.is_empty());
        assert_eq!(words(&q.required[0]), ["a", "thai", "au", "my"]);
        // An alias written with a hyphen is still found.
        let q = parse("tăng trưởng KT-XH").unwrap();
        assert!(matches!(&q.required[1], Clause::AnyOf(_)), "{q:?}");
    }

    #[test]
    fn aliases_expand() {
        for typed in ["TP.HCM", "tp hcm", "Thành phố Hồ Chí Minh", "TPHCM"] {
            let q = parse(&format!("{typed} ngập")).unwrap();
            assert!(
                matches!(&q.required[0], Clause::AnyOf(v) if v.len() >= 4),
                "{typed}: {q:?}"
            );
        }
        // A name that merely contains part of an alias stays words.
        let q = parse("Hồ Chí Minh").unwrap();
        assert!(matches!(&q.required[0], Clause::Words(_)));
    }

    #[test]
    fn hostile_queries_get_errors_not_panics() {
        assert_eq!(parse(""), Err(QueryError::Empty));
        assert_eq!(parse("  !!! ... \"\" - "), Err(QueryError::Empty));
        assert_eq!(parse("-chỉ -loại -trừ"), Err(QueryError::Empty));
        assert!(matches!(
            parse(&"a".repeat(5000)),
            Err(QueryError::TooLong(5000))
        ));
        assert!(matches!(
            parse(&"từ ".repeat(100)),
            Err(QueryError::TooManyWords(100))
        ));
        assert!(parse("\"không đóng ngoặc").is_ok());
        assert!(parse("\u{0}\u{202e}ẻ\u{301}\u{301}").is_ok());
    }
}
