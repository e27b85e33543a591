//! The contract's scoring rules (`../shared/spec/extraction.md`, "Scoring"), written from the
//! spec: per field, precision, recall and F1 over sets; persons by name, titles as (name,
//! title) pairs, organisations and places by name, documents by (kind, number), events by (type,
//! date) with at least half of the gold participants found. Gold items marked `optional` count
//! neither as hits nor as misses. Strings are compared after NFC, case folding, collapsed white
//! space and one tone-mark placement.

use serde_json::Value;
use std::collections::BTreeSet;

/// Hits, gold and predicted counts of one field, summed over documents.
#[derive(Debug, Default, Clone, Copy)]
pub struct Count {
    pub hits: usize,
    pub gold: usize,
    pub predicted: usize,
}

impl Count {
    pub fn f1(&self) -> f64 {
        let p = if self.predicted == 0 {
            if self.gold == 0 { 1.0 } else { 0.0 }
        } else {
            self.hits as f64 / self.predicted as f64
        };
        let r = if self.gold == 0 {
            1.0
        } else {
            self.hits as f64 / self.gold as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The counts per field: persons, titles, organizations, places, documents, events, published.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub persons: Count,
    pub titles: Count,
    pub organizations: Count,
    pub places: Count,
    pub documents: Count,
    pub events: Count,
    pub published: Count,
}

/// A string as the scorer compares it.
pub fn norm(s: &str) -> String {
    // tre_text::normalize gives NFC and one tone placement; lower-casing and collapsing white
    // space do the rest.
    tre_text::lower(&tre_text::normalize(s))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .map(norm)
        .unwrap_or_default()
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The keys of one field of a document: (required, optional).
fn items(doc: &Value, field: &str) -> (BTreeSet<Vec<String>>, BTreeSet<Vec<String>>) {
    let mut req = BTreeSet::new();
    let mut opt = BTreeSet::new();
    for x in list(doc, field) {
        let mut keys: Vec<Vec<String>> = Vec::new();
        match field {
            "persons" => {
                let name = text(x, "name");
                keys.push(vec!["person".into(), name.clone()]);
                for t in list(x, "titles") {
                    keys.push(vec![
                        "title".into(),
                        name.clone(),
                        t.as_str().map(norm).unwrap_or_default(),
                    ]);
                }
            }
            "organizations" | "places" => keys.push(vec![text(x, "name")]),
            "documents" => keys.push(vec![text(x, "kind"), text(x, "number")]),
            _ => {}
        }
        if optional(x) {
            opt.extend(keys);
        } else {
            req.extend(keys);
        }
    }
    (req, opt)
}

fn add(count: &mut Count, gold: &BTreeSet<Vec<String>>, pred: &BTreeSet<Vec<String>>) {
    count.hits += gold.intersection(pred).count();
    count.gold += gold.len();
    count.predicted += pred.len();
}

fn date_match(gold: Option<&str>, pred: Option<&str>) -> bool {
    match (gold, pred) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(g), Some(p)) => {
            p == g
                || (g.starts_with("--") && p.ends_with(&g[1..]))
                || (p.starts_with("--") && g.ends_with(&p[1..]))
        }
    }
}

fn score_events(gold: &Value, pred: &Value, count: &mut Count) {
    let preds = list(pred, "events");
    let mut used = vec![false; preds.len()];
    let mut optional_hits = 0;
    for g in list(gold, "events") {
        let gp: BTreeSet<String> = list(g, "participants")
            .iter()
            .filter_map(Value::as_str)
            .map(norm)
            .collect();
        let found = preds.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p.get("type") == g.get("type")
                && date_match(
                    g.get("date").and_then(Value::as_str),
                    p.get("date").and_then(Value::as_str),
                )
                && {
                    let pp: BTreeSet<String> = list(p, "participants")
                        .iter()
                        .filter_map(Value::as_str)
                        .map(norm)
                        .collect();
                    gp.is_empty() || gp.intersection(&pp).count() * 2 >= gp.len()
                }
        });
        if let Some(i) = found {
            used[i] = true;
            if optional(g) {
                optional_hits += 1;
            } else {
                count.hits += 1;
            }
        }
        if !optional(g) {
            count.gold += 1;
        }
    }
    count.predicted += preds.len() - optional_hits;
}

/// Scores one prediction against its gold, adding to `s`.
pub fn score_document(gold: &Value, pred: &Value, s: &mut Scores) {
    for field in ["persons", "organizations", "places", "documents"] {
        let (g, gopt) = items(gold, field);
        let (p, _) = items(pred, field);
        let p: BTreeSet<Vec<String>> = p.difference(&gopt).cloned().collect();
        if field == "persons" {
            let sel = |set: &BTreeSet<Vec<String>>, kind: &str| -> BTreeSet<Vec<String>> {
                set.iter().filter(|k| k[0] == kind).cloned().collect()
            };
            add(&mut s.persons, &sel(&g, "person"), &sel(&p, "person"));
            add(&mut s.titles, &sel(&g, "title"), &sel(&p, "title"));
        } else {
            let c = match field {
                "organizations" => &mut s.organizations,
                "places" => &mut s.places,
                _ => &mut s.documents,
            };
            add(c, &g, &p);
        }
    }
    score_events(gold, pred, &mut s.events);
    s.published.gold += 1;
    s.published.predicted += 1;
    if gold.get("published") == pred.get("published") {
        s.published.hits += 1;
    }
}
