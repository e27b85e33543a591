//! Events: one per occurrence, typed by the words that name them (`data/cues.tsv`, class
//! `event`), dated by the date of their sentence, with the persons of the sentences that report
//! them as participants.
//!
//! What is a mention of an occurrence:
//! - A weak trigger (`tiếp`, `gặp`, `thăm`, `ký`, `trao`, `cử`) counts only with what makes it
//!   an event: a capitalised object (`tiếp Đại sứ`), an agreement (`ký Bản ghi nhớ`), a person
//!   in its sentence (`bổ nhiệm`), a post (`cử ... làm`).
//! - A trigger after a plural (`các cuộc làm việc`, `nhiều hội nghị`) is a generality, unless
//!   named counterparts follow (`các cuộc gặp với A; B; C`): then it is one meeting with each.
//! - A trigger after `sẽ`, `sắp`, `dự kiến` is announced, not reported; it goes with the
//!   events of type `other` to [`crate::Extraction::other_events`].
//!
//! The date of a trigger is the date of its sentence nearest before it (`Sáng 10/1, Bộ Ngoại
//! giao tổ chức hội nghị`), else shortly after it. Not an event's date: one in parentheses
//! (unless right after the trigger: `chuyến thăm (từ ngày 5-7/12)`), one that belongs to a
//! document, one of a report (`ngày 21-3 cho biết`). A visit takes the sentence's date only when
//! nothing else in the sentence happened: a day named with a visit and a meeting is the
//! meeting's.
//!
//! Mentions are one event when they are of one type, their dates agree (or one has none) and
//! their participants agree (one set holds the other): the article reports the same meeting
//! twice (`tại buổi làm việc`), but `hội kiến Tổng thống Algeria` and `gặp Thủ tướng Tuynizi`
//! are two meetings. An undated event stands when the title or the lead reports it or a named
//! person takes part. Sentences of attendance (`Cùng dự có đồng chí ...`) add their persons to
//! the event reported before them.

use crate::dates::{DateM, Ymd};
use crate::doc::{Doc, PartKind, TokKind};
use crate::gazetteer::{Cue, EventType, Gazetteer, PlaceKind, Target};
use crate::mentions::Mentions;
use crate::model::{Event, Span};
use crate::persons::Persons;
use std::ops::Range;

/// How far after a trigger (in tokens) a date may still be the event's.
const DATE_AFTER: usize = 20;
/// How far after a trigger (in tokens) a parenthesis may give its dates.
const PAREN_AFTER: usize = 8;

struct Cand {
    kind: EventType,
    date: Option<Ymd>,
    sent: usize,
    span: Span,
    trigger: String,
    lead: bool,
    written_date: bool,
    planned: bool,
    /// Refers back to an event (`tại buổi làm việc`, `dự hội nghị`) rather than reporting one.
    reference: bool,
    persons: Vec<usize>,
}

struct Group {
    kind: EventType,
    date: Option<Ymd>,
    cands: Vec<Cand>,
    persons: Vec<usize>,
    place: Option<String>,
    planned: bool,
}

/// The events of the contract, and the others (type `other`, or announced for the future).
pub(crate) struct Found {
    pub events: Vec<Event>,
    pub other: Vec<Event>,
}

/// A trigger found in a sentence.
struct Trigger {
    start: usize,
    end: usize,
    kind: EventType,
    strong: bool,
}

pub(crate) fn find(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    m: &Mentions,
    persons: &Persons,
    dates: &[DateM],
    person_names: &[String],
    person_index: &[usize],
) -> Found {
    // Person mentions by sentence, with their byte offsets.
    let mut in_sentence: Vec<Vec<(usize, usize)>> = vec![Vec::new(); doc.sents.len()];
    for (ci, c) in persons.clusters.iter().enumerate() {
        for (si, sp) in &c.mentions {
            in_sentence[*si].push((sp.start, ci));
        }
    }
    for v in &mut in_sentence {
        v.sort_unstable();
    }

    let mut cands: Vec<Cand> = Vec::new();
    let mut attendance: Vec<usize> = Vec::new();
    for (si, s) in doc.sents.iter().enumerate() {
        let r = &s.toks;
        let (triggers, attend) = triggers(doc, gaz, m, r);
        let mut kept: Vec<(Trigger, bool)> = Vec::new();
        for tr in triggers {
            let plural = plural_before(doc, gaz, tr.start, r.start);
            let counterparts = plural && followed_by_named(doc, gaz, tr.end, r);
            if (plural && !counterparts)
                || (!tr.strong && !weak_ok(doc, gaz, m, &tr, r, &in_sentence[si]))
            {
                continue;
            }
            kept.push((tr, counterparts));
        }
        if kept.is_empty() {
            if attend {
                attendance.push(si);
            }
            continue;
        }
        let lead = matches!(
            doc.parts[s.part].kind,
            PartKind::Title | PartKind::Paragraph(0)
        );
        let others_than_visit = kept.iter().any(|(t, _)| t.kind != EventType::Visit);
        for (tr, counterparts) in &kept {
            let mut date = date_for(doc, dates, si, tr.start, tr.end);
            if tr.kind == EventType::Visit
                && others_than_visit
                && date.is_some_and(|(_, _, in_parens)| !in_parens)
            {
                date = None;
            }
            let start_byte = doc.tok(tr.start).start;
            let all: Vec<usize> = dedup(in_sentence[si].iter().map(|&(_, c)| c));
            let groups_of_persons: Vec<Vec<usize>> = if *counterparts {
                // `đã có các cuộc gặp với A; B; C`: one meeting with each.
                let subject: Vec<usize> = dedup(
                    in_sentence[si]
                        .iter()
                        .filter(|(b, _)| *b < start_byte)
                        .map(|&(_, c)| c),
                );
                dedup(
                    in_sentence[si]
                        .iter()
                        .filter(|(b, _)| *b > start_byte)
                        .map(|&(_, c)| c),
                )
                .into_iter()
                .filter(|c| !subject.contains(c))
                .map(|c| {
                    let mut v = subject.clone();
                    v.push(c);
                    v
                })
                .collect()
            } else {
                vec![all]
            };
            for ps in groups_of_persons {
                cands.push(Cand {
                    kind: tr.kind,
                    date: date.map(|d| d.0),
                    sent: si,
                    span: Span {
                        start: start_byte,
                        end: doc.tok(tr.end - 1).end,
                    },
                    trigger: doc.span_text(tr.start, tr.end).to_owned(),
                    lead,
                    written_date: date.is_some_and(|d| d.1),
                    planned: planned(doc, tr.start, r),
                    reference: date.is_none() && reference(doc, gaz, tr.start, r.start),
                    persons: ps,
                });
            }
        }
    }

    // Dated mentions first, so that undated ones can join the event they repeat.
    cands.sort_by_key(|c| (c.date.is_none(), c.span));
    let mut groups: Vec<Group> = Vec::new();
    for c in cands {
        // A talks is also reported as a meeting (`cuộc gặp hôm qua tại Berlin` after `hội
        // đàm`): an undated meeting may be the talks.
        let same_kind = |g: &Group| {
            g.kind == c.kind
                || (c.date.is_none() && c.kind == EventType::Meeting && g.kind == EventType::Talks)
        };
        let fits = |g: &Group| {
            same_kind(g)
                && g.planned == c.planned
                && (g.date == c.date || g.date.is_none() || c.date.is_none())
                && compatible(&g.persons, &c.persons)
        };
        // A headline names the article's event: an undated one in the title is the dated
        // event of its type, when there is exactly one.
        let headline = || {
            let of_kind: Vec<usize> = (0..groups.len())
                .filter(|&gi| groups[gi].kind == c.kind && groups[gi].date.is_some())
                .collect();
            match of_kind[..] {
                [gi] if c.date.is_none()
                    && doc.parts[doc.sents[c.sent].part].kind == PartKind::Title =>
                {
                    Some(gi)
                }
                _ => None,
            }
        };
        let target = groups
            .iter()
            .position(|g| fits(g) && g.date == c.date)
            .or_else(|| groups.iter().position(fits))
            .or_else(headline)
            .or_else(|| {
                // `Tại buổi làm việc, ...`: the event last reported of that type, whoever the
                // sentence names.
                // A reference that names a new counterpart (`Trong cuộc gặp với A, Thủ tướng B`
                // after a meeting of A with C) is another event.
                // Disjoint persons are attendees of a meeting or conference (`Tham dự buổi làm
                // việc còn có ...`), but another visit, talks or call.
                let attendees = matches!(c.kind, EventType::Meeting | EventType::Conference);
                let distinct = |g: &Group| {
                    let shared = c.persons.iter().any(|p| g.persons.contains(p));
                    (shared || !attendees)
                        && c.persons.iter().any(|p| !g.persons.contains(p))
                        && g.persons.iter().any(|p| !c.persons.contains(p))
                };
                c.reference
                    .then(|| {
                        groups
                            .iter()
                            .enumerate()
                            .filter(|(_, g)| g.kind == c.kind && !g.planned && !distinct(g))
                            .filter_map(|(gi, g)| {
                                g.cands
                                    .iter()
                                    .map(|x| x.span.start)
                                    .filter(|&st| st < c.span.start)
                                    .max()
                                    .map(|st| (st, gi))
                            })
                            .max()
                            .map(|(_, gi)| gi)
                    })
                    .flatten()
            });
        match target {
            Some(gi) => {
                let g = &mut groups[gi];
                for &p in &c.persons {
                    if !g.persons.contains(&p) {
                        g.persons.push(p);
                    }
                }
                if g.date.is_none() {
                    g.date = c.date;
                }
                g.cands.push(c);
            }
            None => groups.push(Group {
                kind: c.kind,
                date: c.date,
                persons: c.persons.clone(),
                cands: vec![c],
                place: None,
                planned: false,
            }),
        }
    }
    for g in &mut groups {
        g.cands.sort_by_key(|c| c.span);
        g.planned = g.cands.iter().all(|c| c.planned);
        for c in &g.cands {
            if g.place.is_none() {
                g.place = place_of(doc, m, c.sent, g.kind);
            }
        }
    }
    // An undated event stands when the title or the lead reports it, or when it brings named
    // persons together; one person and no date is too often background (`những cán bộ được bổ
    // nhiệm`, `Hội nghị đối ngoại toàn quốc năm 2021`).
    groups.retain(|g| {
        g.date.is_some()
            || g.persons.len() >= 2
            || g.cands.iter().any(|c| c.lead)
            || (g.kind == EventType::Visit && !g.persons.is_empty() && g.place.is_some())
    });
    // Attendance: the persons of `Cùng dự có ...` took part in the event reported before.
    for si in attendance {
        let at = doc.toks[doc.sents[si].toks.start].start;
        let target = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.planned && g.kind != EventType::Other)
            .filter_map(|(gi, g)| {
                g.cands
                    .iter()
                    .filter(|c| c.span.start < at)
                    .map(|c| c.span.start)
                    .max()
                    .map(|s| (s, gi))
            })
            .max()
            .map(|(_, gi)| gi);
        if let Some(gi) = target {
            for &(_, p) in &in_sentence[si] {
                if !groups[gi].persons.contains(&p) {
                    groups[gi].persons.push(p);
                }
            }
        }
    }

    groups.sort_by_key(|g| g.cands.first().map(|c| c.span));
    let mut found = Found {
        events: Vec::new(),
        other: Vec::new(),
    };
    for g in groups {
        let lead = g.cands.iter().any(|c| c.lead);
        let confidence = match (g.date.is_some(), lead) {
            (true, true) => 0.9,
            (true, false) => 0.75,
            _ => 0.6,
        } * if g.cands.iter().any(|c| c.written_date) {
            1.0
        } else {
            0.95
        };
        let mut triggers: Vec<String> = Vec::new();
        for c in &g.cands {
            if !triggers
                .iter()
                .any(|t| tre_text::lower(t) == tre_text::lower(&c.trigger))
            {
                triggers.push(c.trigger.clone());
            }
        }
        let other = g.planned || g.kind == EventType::Other;
        let e = Event {
            kind: g.kind.as_str().to_owned(),
            date: g.date.map(|d| d.render()),
            participants: g
                .persons
                .iter()
                .map(|&p| person_names[person_index[p]].clone())
                .collect(),
            place: g.place,
            triggers,
            planned: g.planned,
            mentions: g.cands.iter().map(|c| c.span).collect(),
            confidence,
        };
        if other {
            found.other.push(e);
        } else {
            found.events.push(e);
        }
    }
    found
}

fn dedup(it: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = Vec::new();
    for x in it {
        if !v.contains(&x) {
            v.push(x);
        }
    }
    v
}

/// Two mentions can be one event when one's participants hold the other's.
fn compatible(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
}

/// The event triggers of a sentence (the longest at each position, at word boundaries, not
/// inside a title or a venue's name) and whether it has a word of attendance.
fn triggers(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    m: &Mentions,
    r: &Range<usize>,
) -> (Vec<Trigger>, bool) {
    let mut out = Vec::new();
    let mut attend = false;
    let mut i = r.start;
    while i < r.end {
        let t = doc.tok(i);
        // Not the inside of a lower-case word (`trực_tiếp`); a capital the segmenter glued to
        // a name before it (`Brunei_Lễ bàn giao`) may start a trigger.
        if t.kind != TokKind::Syl || (t.joined && !t.cap) {
            i += 1;
            continue;
        }
        let mut best: Option<Trigger> = None;
        for h in doc.hits(i) {
            match gaz.cue(&gaz.entries[h.entry as usize]) {
                Some(Cue::Event { kind, strong }) if doc.ends_word(h.end, r) && h.end <= r.end => {
                    best = Some(Trigger {
                        start: i,
                        end: h.end,
                        kind,
                        strong,
                    });
                }
                Some(Cue::Attend) if doc.ends_word(h.end, r) => attend = true,
                _ => {}
            }
        }
        match best {
            Some(tr) if !inside_title_or_venue(m, i) => {
                i = tr.end;
                out.push(tr);
            }
            Some(tr) => i = tr.end,
            None => i += 1,
        }
    }
    (out, attend)
}

fn cue_before(doc: &Doc<'_>, gaz: &Gazetteer, i: usize, start: usize) -> Option<(usize, Cue)> {
    (i.saturating_sub(3).max(start)..i).find_map(|k| {
        doc.hits(k).iter().find_map(|h| {
            (h.end == i)
                .then(|| gaz.cue(&gaz.entries[h.entry as usize]).map(|c| (k, c)))
                .flatten()
        })
    })
}

/// `tại`, `dự`, `trong`, `sau` right before a trigger: a reference to an event already
/// reported (`Phát biểu tại hội nghị`, `Tham dự buổi làm việc`).
fn reference(doc: &Doc<'_>, gaz: &Gazetteer, i: usize, start: usize) -> bool {
    matches!(
        cue_before(doc, gaz, i, start),
        Some((_, Cue::At | Cue::Attend))
    ) || (i > start
        && ["tại", "trong", "sau", "dự", "của", "việc"]
            .contains(&tre_text::lower(doc.tok_text(i - 1)).as_str()))
}

/// `các`, `những`, `nhiều` before a trigger (`các cuộc gặp`).
fn plural_before(doc: &Doc<'_>, gaz: &Gazetteer, i: usize, start: usize) -> bool {
    let is_plural = |end: usize| matches!(cue_before(doc, gaz, end, start), Some((_, Cue::Plural)));
    is_plural(i)
        || (i > start
            && ["cuộc", "buổi", "chuyến", "lần"]
                .contains(&tre_text::lower(doc.tok_text(i - 1)).as_str())
            && is_plural(i - 1))
}

/// `với` and a capitalised name or a title after a trigger: named counterparts.
fn followed_by_named(doc: &Doc<'_>, gaz: &Gazetteer, end: usize, r: &Range<usize>) -> bool {
    end + 1 < r.end
        && tre_text::lower(doc.tok_text(end)) == "với"
        && (doc.tok(end + 1).cap
            || doc
                .hits(end + 1)
                .iter()
                .any(|h| matches!(gaz.entries[h.entry as usize].target, Target::Title(_))))
}

/// Announced, not reported: `sẽ`, `sắp`, `dự kiến`, `dự định` shortly before the trigger.
fn planned(doc: &Doc<'_>, i: usize, r: &Range<usize>) -> bool {
    (i.saturating_sub(6).max(r.start)..i).any(|k| {
        let w = tre_text::lower(doc.tok_text(k));
        w == "sẽ"
            || w == "sắp"
            || ((w == "dự" || w == "chuẩn")
                && k + 1 < i
                && matches!(
                    tre_text::lower(doc.tok_text(k + 1)).as_str(),
                    "kiến" | "định" | "bị"
                ))
    })
}

fn inside_title_or_venue(m: &Mentions, i: usize) -> bool {
    m.titles.iter().any(|t| t.start < i && i < t.end)
        || m.places
            .iter()
            .any(|p| p.kind == PlaceKind::Venue && p.start <= i && i < p.end)
}

/// Whether a weak trigger is an event here.
fn weak_ok(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    m: &Mentions,
    tr: &Trigger,
    r: &Range<usize>,
    persons: &[(usize, usize)],
) -> bool {
    let end = tr.end;
    let next_cap = end < r.end && doc.tok(end).cap;
    let next_is =
        |w: &[&str]| end < r.end && w.contains(&tre_text::lower(doc.tok_text(end)).as_str());
    let next_title = end < r.end
        && doc
            .hits(end)
            .iter()
            .any(|h| matches!(gaz.entries[h.entry as usize].target, Target::Title(_)));
    match tr.kind {
        // `ký Hiệp định`, and the passive `Hiệp định ... đã được X và Y ký`.
        EventType::Signing => (r.start..(end + 6).min(r.end)).any(|k| {
            doc.hits(k).iter().any(|h| {
                matches!(
                    gaz.cue(&gaz.entries[h.entry as usize]),
                    Some(Cue::Agreement)
                )
            })
        }),
        EventType::Appointment => {
            let word = tre_text::lower(doc.tok_text(tr.start));
            if word == "cử" {
                // `cử ông X làm tân Thủ tướng`.
                (end..(end + 8).min(r.end)).any(|k| tre_text::lower(doc.tok_text(k)) == "làm")
            } else {
                !persons.is_empty()
            }
        }
        // `thăm Nhật Bản`: a visit is to a country or a city.
        EventType::Visit => m
            .places
            .iter()
            .any(|p| p.start == end && !matches!(p.kind, PlaceKind::Venue | PlaceKind::Region)),
        EventType::Meeting => {
            persons.len() >= 2
                || next_cap
                || next_title
                || next_is(&[
                    "ông", "bà", "ngài", "đoàn", "phái", "đại", "bộ", "thủ", "các",
                ])
        }
        _ => next_cap || next_is(&["với"]),
    }
}

/// The date of a trigger at tokens `i..end` of sentence `si`, whether it was written (not
/// relative), and whether it came from a parenthesis.
fn date_for(
    doc: &Doc<'_>,
    dates: &[DateM],
    si: usize,
    i: usize,
    end: usize,
) -> Option<(Ymd, bool, bool)> {
    let r = &doc.sents[si].toks;
    let usable = |d: &&DateM| d.sent == si && !d.document && !reporting_date(doc, d);
    // `chuyến thăm (từ ngày 5-7/12)`: a parenthesis right after the trigger dates it.
    if let Some(open) = (end..(end + PAREN_AFTER).min(r.end)).find(|&k| doc.is_punct(k, &['(']))
        && let Some(d) = dates
            .iter()
            .filter(usable)
            .find(|d| d.in_parens && d.start > open && d.start <= open + 4)
    {
        return Some((d.value, !d.relative, true));
    }
    let plain = dates.iter().filter(usable).filter(|d| !d.in_parens);
    let before = plain.clone().filter(|d| d.end <= i).max_by_key(|d| d.end);
    let after = plain
        .filter(|d| d.start >= end && d.start - end <= DATE_AFTER)
        .min_by_key(|d| d.start);
    before.or(after).map(|d| (d.value, !d.relative, false))
}

/// Verbs of reporting: a date right before one is when something was said (`Văn phòng Chính
/// phủ ngày 21-3 cho biết`), not when the reported event happens.
const REPORTING: &[&str] = &[
    "cho biết",
    "thông báo",
    "tuyên bố",
    "công bố",
    "đưa tin",
    "loan báo",
    "nói",
    "khẳng định",
    "xác nhận",
];

fn reporting_date(doc: &Doc<'_>, d: &DateM) -> bool {
    let r = &doc.sents[d.sent].toks;
    let mut k = d.end;
    if k < r.end && doc.is_punct(k, &[',']) {
        k += 1;
    }
    let words: Vec<String> = (k..(k + 2).min(r.end))
        .map(|x| tre_text::lower(doc.tok_text(x)))
        .collect();
    let two = words.join(" ");
    REPORTING
        .iter()
        .any(|v| two == *v || words.first().is_some_and(|w| w == v))
}

/// Where the event of sentence `si` happened: for a visit, the country or city visited (after
/// `thăm`, `tới`, `sang`, `đến`); else a venue of the sentence, or a place after `tại` or `ở`
/// (a unit word may come between: `tại thủ đô Hà Nội`).
fn place_of(doc: &Doc<'_>, m: &Mentions, si: usize, kind: EventType) -> Option<String> {
    let r = &doc.sents[si].toks;
    let in_sent = |p: &&crate::mentions::PlaceM| r.start <= p.start && p.end <= r.end;
    let word = |k: usize, w: &[&str]| w.contains(&tre_text::lower(doc.tok_text(k)).as_str());
    let after = |p: &&crate::mentions::PlaceM, words: &[&str]| {
        let mut k = p.start;
        while k > r.start
            && p.start - k < 2
            && word(
                k - 1,
                &["tỉnh", "thành", "phố", "tp", "huyện", "quận", "thủ", "đô"],
            )
        {
            k -= 1;
        }
        k > r.start && word(k - 1, words)
    };
    let text = |p: &crate::mentions::PlaceM| doc.span_text(p.start, p.end).to_owned();
    if kind == EventType::Visit
        && let Some(p) = m.places.iter().filter(in_sent).find(|p| {
            p.kind != PlaceKind::Venue && after(p, &["thăm", "tới", "sang", "đến", "tại"])
        })
    {
        return Some(text(p));
    }
    m.places
        .iter()
        .filter(in_sent)
        .find(|p| p.kind == PlaceKind::Venue)
        .or_else(|| {
            m.places
                .iter()
                .filter(in_sent)
                .find(|p| after(p, &["tại", "ở"]))
        })
        .map(text)
}
