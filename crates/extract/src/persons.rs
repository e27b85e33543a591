//! From name mentions to persons: one person per real individual of the article, under the
//! fullest form of the name it uses, with every title attached to any of its mentions.
//!
//! Mentions are grouped in document order. A name of two or more syllables is a person (or
//! joins the person with the same name, the lexicon person it names — `Xi Jinping` and `Tập
//! Cận Bình` — or the person whose name it ends: `Thanh Sơn` of `Bùi Thanh Sơn`). A one-syllable
//! name after a title or honorific (`Bộ trưởng Sơn`, `ông Thưởng`, `Tổng thống Putin`) is a
//! short reference: it joins the one person whose name ends with it (begins with it, for the
//! surname-first names of China, Korea and Japan: `ông Tập`), the nearest before it when
//! several do, and stands alone only when none does. A title written without a name
//! (`Thủ tướng nhấn mạnh`) is a mention of the one person the article gave that title to.

use crate::doc::{Doc, TokKind};
use crate::gazetteer::Gazetteer;
use crate::mentions::Mentions;
use crate::model::{Person, Span, TitleMention};

pub(crate) struct Cluster {
    /// Lower-cased tokens of the fullest name.
    key: Vec<String>,
    pub name: String,
    pub lex: Option<u32>,
    /// (sentence, span) of every mention, in document order.
    pub mentions: Vec<(usize, Span)>,
    /// Title mentions, as indices into [`Mentions::titles`].
    titles: Vec<usize>,
    first: usize,
    introduced: bool,
    /// From `ông` / `bà` before a mention.
    male: Option<bool>,
}

pub(crate) struct Persons {
    pub clusters: Vec<Cluster>,
}

/// The lower-cased tokens of a name, its punctuation left out (`A. Ouyahia` → `a ouyahia`).
fn key_of(doc: &Doc<'_>, a: usize, b: usize) -> Vec<String> {
    (a..b)
        .filter(|&k| doc.tok(k).kind != TokKind::Punct)
        .map(|k| tre_text::lower(doc.tok_text(k)))
        .collect()
}

fn ends_with(long: &[String], short: &[String]) -> bool {
    long.len() > short.len() && long[long.len() - short.len()..] == *short
}

/// `V Putin` and `Vladimir Putin`: the same last token and initials that fit.
fn initials_fit(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.len() < 2 || a.last() != b.last() {
        return false;
    }
    a.iter().zip(b).all(|(x, y)| {
        x == y
            || (x.chars().count() == 1 && y.starts_with(x.as_str()))
            || (y.chars().count() == 1 && x.starts_with(y.as_str()))
    })
}

pub(crate) fn resolve(doc: &Doc<'_>, gaz: &Gazetteer, m: &Mentions) -> Persons {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assigned: Vec<Option<usize>> = vec![None; m.names.len()];
    let span = |a: usize, b: usize| Span {
        start: doc.tok(a).start,
        end: doc.tok(b - 1).end,
    };

    // Full names first, in document order.
    for (ni, n) in m.names.iter().enumerate() {
        let key = key_of(doc, n.start, n.end);
        if key.len() < 2 && n.person.is_none() {
            continue;
        }
        let found = clusters.iter().position(|c| {
            (n.person.is_some() && c.lex == n.person)
                || c.key == key
                || ends_with(&c.key, &key)
                || initials_fit(&c.key, &key)
        });
        let ci = match found {
            Some(ci) => ci,
            None => {
                // A fuller form of a name seen before (`Putin`, then `Vladimir Putin`).
                if let Some(ci) = clusters
                    .iter()
                    .position(|c| c.lex.is_none() && ends_with(&key, &c.key))
                {
                    ci
                } else {
                    clusters.push(Cluster {
                        key: key.clone(),
                        name: String::new(),
                        lex: n.person,
                        mentions: Vec::new(),
                        titles: Vec::new(),
                        first: n.start,
                        introduced: false,
                        male: None,
                    });
                    clusters.len() - 1
                }
            }
        };
        let c = &mut clusters[ci];
        if key.len() > c.key.len() {
            c.key = key;
        }
        c.male = c.male.or(n.male);
        if c.lex.is_none() {
            c.lex = n.person;
        }
        assigned[ni] = Some(ci);
    }

    // Short references.
    for (ni, n) in m.names.iter().enumerate() {
        if assigned[ni].is_some() {
            continue;
        }
        let key = key_of(doc, n.start, n.end);
        // `ông X` never refers to a person introduced as `bà ...`, nor the reverse.
        let compatible = |c: &Cluster| !matches!((c.male, n.male), (Some(a), Some(b)) if a != b);
        let by_last: Vec<usize> = (0..clusters.len())
            .filter(|&c| {
                compatible(&clusters[c])
                    && (clusters[c].key == key || ends_with(&clusters[c].key, &key))
            })
            .collect();
        let candidates = if by_last.is_empty() {
            (0..clusters.len())
                .filter(|&c| {
                    compatible(&clusters[c])
                        && clusters[c].key.len() > key.len()
                        && clusters[c].key[..key.len()] == key[..]
                })
                .collect()
        } else {
            by_last
        };
        let ci = match candidates.len() {
            0 => {
                clusters.push(Cluster {
                    key,
                    name: String::new(),
                    lex: None,
                    mentions: Vec::new(),
                    titles: Vec::new(),
                    first: n.start,
                    introduced: false,
                    male: n.male,
                });
                clusters.len() - 1
            }
            1 => candidates[0],
            _ => {
                // The nearest person mentioned before.
                let before = |c: usize| {
                    m.names
                        .iter()
                        .zip(&assigned)
                        .filter(|(x, a)| **a == Some(c) && x.start < n.start)
                        .map(|(x, _)| x.start)
                        .max()
                };
                candidates
                    .iter()
                    .copied()
                    .max_by_key(|&c| before(c))
                    .unwrap_or(candidates[0])
            }
        };
        clusters[ci].male = clusters[ci].male.or(n.male);
        assigned[ni] = Some(ci);
    }

    // Foreign names written in full without a title (`Saddam Hussein`, `Silvio Berlusconi`) are
    // persons when the article also refers to them by one of their names alone (`Saddam`,
    // `ông Berlusconi`): places and bodies are not shortened that way.
    let mut promoted: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (oi, &(a, b, si)) in m.others.iter().enumerate() {
        if !(2..=4).contains(&key_of(doc, a, b).len()) || !foreign_name_like(doc, a, b) {
            continue;
        }
        let key = key_of(doc, a, b);
        // Already a person under this very name.
        if let Some(ci) = clusters.iter().position(|c| c.key == key) {
            promoted.push((oi, ci, a, si));
            continue;
        }
        // A capitalised sentence opener (`Với Chirac`) is not a given name.
        if a == doc.sents[si].toks.start
            && tre_text::plausible::is_vietnamese_syllable(doc.tok_text(a))
        {
            continue;
        }
        let (first, last) = (&key[0], &key[key.len() - 1]);
        let single = |k: &String| {
            clusters
                .iter()
                .position(|c| c.key.len() == 1 && &c.key[0] == k)
        };
        let target = single(last).or_else(|| single(first));
        let repeated = m.others.iter().enumerate().any(|(oj, &(x, y, _))| {
            oj != oi && y == x + 1 && {
                let t = tre_text::lower(doc.tok_text(x));
                &t == first || &t == last
            }
        });
        // `Richard Boucher cho biết`: a foreign name the subject of a verb of saying.
        let says = {
            let s_end = doc.sents[si].toks.end;
            let next: Vec<String> = (b..(b + 2).min(s_end))
                .map(|k| tre_text::lower(doc.tok_text(k)))
                .collect();
            let two = next.join(" ");
            SAYING
                .iter()
                .any(|v| two == *v || next.first().is_some_and(|w| w == v))
        };
        match target {
            Some(ci) => {
                clusters[ci].key = key;
                clusters[ci].first = clusters[ci].first.min(a);
                promoted.push((oi, ci, a, si));
            }
            None if repeated || says => {
                clusters.push(Cluster {
                    key,
                    name: String::new(),
                    lex: None,
                    mentions: Vec::new(),
                    titles: Vec::new(),
                    first: a,
                    introduced: false,
                    male: None,
                });
                promoted.push((oi, clusters.len() - 1, a, si));
            }
            None => {}
        }
    }

    for (ni, n) in m.names.iter().enumerate() {
        let Some(ci) = assigned[ni] else { continue };
        let c = &mut clusters[ci];
        c.mentions.push((n.sent, span(n.start, n.end)));
        c.first = c.first.min(n.start);
        c.introduced |= n.introduced || !n.titles.is_empty();
        for &t in &n.titles {
            if !c.titles.contains(&t) {
                c.titles.push(t);
            }
        }
        // The fullest written form names the person.
        let text = doc.span_text(n.start, n.end);
        let better = c.name.is_empty() || {
            // Counted in name tokens, punctuation aside: `Ahmed Ouyahia` over `A. Ouyahia`.
            let tokens = key_of(doc, n.start, n.end).len();
            let cur = tre_text::tokens(&c.name).count();
            tokens > cur || (tokens == cur && text.len() > c.name.len())
        };
        if better {
            c.name = text.to_owned();
        }
    }
    for &(oi, ci, _, si) in &promoted {
        let (a, b, _) = m.others[oi];
        let c = &mut clusters[ci];
        c.mentions.push((si, span(a, b)));
        if b - a >= c.name.split_whitespace().count() {
            c.name = doc.span_text(a, b).to_owned();
        }
    }
    // Prefer the lexicon's own form when the article uses it.
    for c in &mut clusters {
        if let Some(p) = c.lex {
            let canonical = &gaz.persons[p as usize].name;
            if c.mentions.iter().any(|(_, sp)| {
                doc.text
                    .get(sp.start..sp.end)
                    .is_some_and(|t| tre_text::lower(t) == tre_text::lower(canonical))
            }) {
                c.name.clone_from(canonical);
            }
        }
    }

    // Surname-only references in running text (`Putin cho biết`).
    for (oi, &(a, b, si)) in m.others.iter().enumerate() {
        if b <= a || promoted.iter().any(|p| p.0 == oi) {
            continue;
        }
        let key = key_of(doc, a, b);
        let mut hits: Vec<usize> = (0..clusters.len())
            .filter(|&c| clusters[c].key.len() >= 2 && ends_with(&clusters[c].key, &key))
            .collect();
        if hits.is_empty() && key.len() == 1 {
            // The given name of a foreign person written first (`Saddam`).
            hits = (0..clusters.len())
                .filter(|&c| {
                    clusters[c].key.len() >= 2
                        && clusters[c].key[0] == key[0]
                        && clusters[c].lex.is_none()
                        && !clusters[c]
                            .key
                            .iter()
                            .all(|t| tre_text::plausible::is_vietnamese_syllable(t))
                })
                .collect();
        }
        if let [ci] = hits[..] {
            clusters[ci].mentions.push((si, span(a, b)));
        }
    }

    // Titles written without a name, given to the one person who holds that title here.
    for t in m.titles.iter().filter(|t| !t.linked && !t.plural) {
        if !doc.tok(t.start).cap {
            continue;
        }
        let key = key_of(doc, t.start, t.end);
        let holders: Vec<usize> = (0..clusters.len())
            .filter(|&c| {
                clusters[c].titles.iter().any(|&x| {
                    let tk = key_of(doc, m.titles[x].start, m.titles[x].end);
                    m.titles[x].title == t.title || tk.starts_with(&key)
                })
            })
            .collect();
        if let [ci] = holders[..] {
            clusters[ci].mentions.push((t.sent, span(t.start, t.end)));
        }
    }

    for c in &mut clusters {
        c.mentions.sort_by_key(|(_, s)| *s);
        c.mentions.dedup();
    }
    Persons { clusters }
}

/// The contract's persons, in order of first mention, and for each cluster its index in that
/// list.
pub(crate) fn output(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    m: &Mentions,
    p: &Persons,
) -> (Vec<Person>, Vec<usize>) {
    let mut order: Vec<usize> = (0..p.clusters.len()).collect();
    order.sort_by_key(|&c| p.clusters[c].first);
    let mut index = vec![0; p.clusters.len()];
    let mut out = Vec::with_capacity(order.len());
    for c in order {
        let cl = &p.clusters[c];
        index[c] = out.len();
        let mut tms: Vec<&crate::mentions::TitleM> =
            cl.titles.iter().map(|&t| &m.titles[t]).collect();
        tms.sort_by_key(|t| t.start);
        let mut title_mentions: Vec<TitleMention> = Vec::new();
        let mut titles: Vec<String> = Vec::new();
        let mut keys: Vec<Vec<String>> = Vec::new();
        for t in &tms {
            let text = doc.span_text(t.start, t.end).to_owned();
            let info = &gaz.titles[t.title as usize];
            title_mentions.push(TitleMention {
                title: text.clone(),
                head: info.head.clone(),
                rank: info.rank,
                span: Span {
                    start: doc.tok(t.start).start,
                    end: doc.tok(t.end - 1).end,
                },
            });
            let key = key_of(doc, t.start, t.end);
            if !keys.contains(&key) {
                keys.push(key);
                titles.push(text);
            }
        }
        // A bare head is left out when a fuller title of the person starts with it.
        // (`tân thủ tướng Libăng` holds `Thủ tướng` too: a prefix such as `tân` aside.)
        let bare = |k: &[String]| -> Vec<String> {
            let skip = usize::from(
                k.first()
                    .is_some_and(|w| TITLE_PREFIXES.contains(&w.as_str())),
            );
            k[skip..].to_vec()
        };
        let keep: Vec<bool> = keys
            .iter()
            .map(|k| {
                !keys.iter().any(|other| {
                    let o = bare(other);
                    other.len() > k.len() && o.len() > k.len() && o.starts_with(k)
                })
            })
            .collect();
        let titles: Vec<String> = titles
            .into_iter()
            .zip(keep)
            .filter_map(|(t, k)| k.then_some(t))
            .collect();
        let lex = cl.lex.map(|i| &gaz.persons[i as usize]);
        let confidence = if lex.is_some() {
            0.95
        } else if cl.key.len() >= 2 && (cl.introduced || !titles.is_empty()) {
            0.93
        } else if cl.key.len() >= 2 {
            0.85
        } else {
            0.6
        };
        out.push(Person {
            id: format!(
                "person:{}",
                lex.map_or_else(|| cl.key.join(" "), |p| tre_text::lower(&p.name))
            ),
            canonical: lex.map(|p| p.name.clone()),
            international: lex.and_then(|p| p.international.clone()),
            name: cl.name.clone(),
            titles,
            mentions: cl.mentions.iter().map(|(_, s)| *s).collect(),
            title_mentions,
            confidence,
        });
    }
    (out, index)
}

/// Verbs of saying whose subject is a person.
const SAYING: &[&str] = &[
    "cho biết",
    "cho hay",
    "nói",
    "khẳng định",
    "tuyên bố",
    "phát biểu",
    "nhấn mạnh",
    "nhận định",
    "bình luận",
    "thừa nhận",
    "viết",
];

/// Words written before a title that are not the title's head (`nguyên`, `tân`).
const TITLE_PREFIXES: &[&str] = &["nguyên", "cựu", "tân", "quyền", "cố"];

/// Two to four capitalised tokens, none an acronym, at least one not a Vietnamese syllable: the
/// shape of a foreign personal name.
fn foreign_name_like(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        let t = doc.tok(k);
        match t.kind {
            // `Kim Chun-ho`: a hyphen and the lower-case half after it.
            TokKind::Punct => doc.tok_text(k) == "-",
            _ if !t.cap => k > a && doc.tok(k - 1).kind == TokKind::Punct,
            _ => !(t.upper && t.end - t.start > 1),
        }
    }) && (a..b).any(|k| {
        // A hyphen or a syllable Vietnamese does not have.
        doc.tok_text(k) == "-"
            || (doc.tok(k).kind != TokKind::Punct
                && !tre_text::plausible::is_vietnamese_syllable(doc.tok_text(k)))
    })
}
