//! The pillars of an article: political, economic and cultural diplomacy, overseas
//! Vietnamese and citizen protection (the four of the foreign service), party external
//! relations and defence and security. Multi-label: every pillar whose cues weigh enough is
//! given, with the cues as evidence.
//!
//! Cues and their weights are in `data/cues.tsv` (class `pillar`). A pillar is given when its
//! cues weigh at least [`MIN_SCORE`] and at least [`MIN_SHARE`] of the strongest pillar's: a
//! long article accumulates weak cues of everything, and the share keeps those out.

use crate::doc::Doc;
use crate::gazetteer::{Cue, Gazetteer, Target};
use crate::model::{Evidence, Pillar, PillarLabel, Span};

const MIN_SCORE: f32 = 4.0;
const MIN_SHARE: f32 = 0.2;
/// Evidence listed per pillar.
const MAX_EVIDENCE: usize = 8;

pub(crate) fn classify(doc: &Doc<'_>, gaz: &Gazetteer) -> Vec<PillarLabel> {
    // (pillar, cue index) -> (weight, first span, count)
    let mut found: Vec<(Pillar, u32, f32, Span, usize)> = Vec::new();
    for s in &doc.sents {
        for i in s.toks.clone() {
            if doc.tok(i).joined {
                continue;
            }
            for h in doc.hits(i) {
                let e = &gaz.entries[h.entry as usize];
                let (Target::Cue(ci), Some(Cue::Pillar(p, w))) = (e.target, gaz.cue(e)) else {
                    continue;
                };
                if !doc.ends_word(h.end, &s.toks) {
                    continue;
                }
                match found.iter_mut().find(|f| f.1 == ci) {
                    Some(f) => f.4 += 1,
                    None => found.push((
                        p,
                        ci,
                        w,
                        Span {
                            start: doc.tok(i).start,
                            end: doc.tok(h.end - 1).end,
                        },
                        1,
                    )),
                }
            }
        }
    }
    let score = |p: Pillar| -> f32 {
        found
            .iter()
            .filter(|f| f.0 == p)
            .map(|f| f.2 * f.4 as f32)
            .sum()
    };
    let top = Pillar::ALL.iter().map(|&p| score(p)).fold(0.0, f32::max);
    let mut out: Vec<PillarLabel> = Pillar::ALL
        .iter()
        .filter_map(|&p| {
            let sc = score(p);
            if sc < MIN_SCORE || sc < MIN_SHARE * top {
                return None;
            }
            let mut ev: Vec<&(Pillar, u32, f32, Span, usize)> =
                found.iter().filter(|f| f.0 == p).collect();
            ev.sort_by(|a, b| (b.2 * b.4 as f32).total_cmp(&(a.2 * a.4 as f32)));
            Some(PillarLabel {
                pillar: p,
                score: sc,
                evidence: ev
                    .into_iter()
                    .take(MAX_EVIDENCE)
                    .map(|f| Evidence {
                        cue: doc.text.get(f.3.start..f.3.end).unwrap_or("").to_owned(),
                        span: f.3,
                        count: f.4,
                    })
                    .collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}
