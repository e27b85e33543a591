//! Organisations and places as the contract lists them.
//!
//! Both are listed once per written form, as the contract lists places (`Ucraina` and
//! `Ukraine` are two items): `Hội đồng Bảo an Liên Hợp Quốc` and a later `Hội đồng Bảo an` are
//! two items. The forms of one lexicon entity share its `id`, which is what links them.

use crate::doc::Doc;
use crate::gazetteer::Gazetteer;
use crate::mentions::Mentions;
use crate::model::{Organization, Place, Span};

struct Group {
    /// The lower-cased written form the group collects.
    form_key: String,
    /// The id: the lexicon body's, or the form's.
    key: String,
    forms: Vec<(String, usize)>,
    mentions: Vec<Span>,
    canonical: Option<String>,
    kind: Option<String>,
    confidence: f32,
    first: usize,
}

fn span(doc: &Doc<'_>, a: usize, b: usize) -> Span {
    Span {
        start: doc.tok(a).start,
        end: doc.tok(b - 1).end,
    }
}

fn add(
    groups: &mut Vec<Group>,
    form_key: String,
    form: &str,
    sp: Span,
    make: impl FnOnce() -> Group,
) {
    let gi = match groups.iter().position(|g| g.form_key == form_key) {
        Some(gi) => gi,
        None => {
            let mut g = make();
            g.form_key = form_key;
            groups.push(g);
            groups.len() - 1
        }
    };
    let g = &mut groups[gi];
    if !g.mentions.contains(&sp) {
        g.mentions.push(sp);
        g.first = g.first.min(sp.start);
        let lower = tre_text::lower(form);
        match g
            .forms
            .iter_mut()
            .find(|(f, _)| tre_text::lower(f) == lower)
        {
            Some((_, n)) => *n += 1,
            None => g.forms.push((form.to_owned(), 1)),
        }
    }
}

pub(crate) fn organizations(doc: &Doc<'_>, gaz: &Gazetteer, m: &Mentions) -> Vec<Organization> {
    let mut groups: Vec<Group> = Vec::new();
    for o in &m.orgs {
        let form = doc.span_text(o.start, o.end);
        let sp = span(doc, o.start, o.end);
        let info = o.org.map(|i| &gaz.orgs[i as usize]);
        let confidence = match (info.is_some(), o.structural) {
            (true, _) => 0.95,
            (false, false) => 0.85,
            (false, true) => 0.7,
        };
        // One item per written form, as the contract lists places; forms of one lexicon body
        // share its id.
        add(&mut groups, tre_text::lower(form), form, sp, || Group {
            form_key: String::new(),
            key: format!(
                "org:{}",
                tre_text::lower(info.map_or(form, |i| i.name.as_str()))
            ),
            forms: Vec::new(),
            mentions: Vec::new(),
            canonical: info.map(|i| i.name.clone()),
            kind: info.map(|i| i.kind.to_owned()),
            confidence,
            first: sp.start,
        });
    }
    groups.sort_by_key(|g| g.first);
    groups
        .into_iter()
        .map(|g| Organization {
            name: g.forms.first().map(|f| f.0.clone()).unwrap_or_default(),
            id: g.key,
            canonical: g.canonical,
            kind: g.kind,
            mentions: g.mentions,
            confidence: g.confidence,
        })
        .collect()
}

pub(crate) fn places(doc: &Doc<'_>, gaz: &Gazetteer, m: &Mentions) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for p in &m.places {
        let form = doc.span_text(p.start, p.end);
        let sp = span(doc, p.start, p.end);
        let lower = tre_text::lower(form);
        if let Some(existing) = out.iter_mut().find(|x| tre_text::lower(&x.name) == lower) {
            if !existing.mentions.contains(&sp) {
                existing.mentions.push(sp);
            }
            continue;
        }
        let info = p.place.map(|i| &gaz.places[i as usize]);
        out.push(Place {
            name: form.to_owned(),
            kind: p.kind.as_str().to_owned(),
            id: format!(
                "place:{}",
                tre_text::lower(info.map_or(form, |i| i.canonical.as_str()))
            ),
            canonical: info.map(|i| i.canonical.clone()),
            country: info.and_then(|i| i.country.clone()),
            mentions: vec![sp],
            confidence: if info.is_some() { 0.95 } else { 0.75 },
        });
    }
    out
}
