//! Reading the officeholder ledger: who was seen holding a post when, and what does not fit.
//!
//! The ledger holds observations (this article, of this date, calls this person by this
//! title). From them, per person: a tenure as observed (first and last date seen, how often),
//! and contradictions: an article calling someone by a post that another person was seen
//! holding after this person's last earlier observation — either the article is wrong, or
//! the post changed hands twice; an analyst should look. Posts held by several people at once
//! (deputies, members, assistants) cannot contradict each other and are not checked.

use serde::Serialize;
use tre_store::{ArticleRef, OfficeObservation};

/// One person's hold on a post, as observed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tenure {
    pub person_id: String,
    pub person: String,
    /// The title as most often written.
    pub title: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The article of the first dated observation: where an appointment would show first.
    pub first_article: Option<ArticleRef>,
    pub last_article: Option<ArticleRef>,
    pub observations: usize,
    /// Observations in articles with no date.
    pub undated: usize,
    pub contradictions: Vec<Contradiction>,
}

/// An observation that does not fit the order of holders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    /// The article calling this person by the post, and its date.
    pub article: ArticleRef,
    pub seen_on: String,
    /// Another person seen holding the post in between.
    pub other_person: String,
    pub other_seen_on: String,
    pub other_article: ArticleRef,
}

/// Whether several people hold the post at once (so that a second holder is no
/// contradiction): deputies, members, assistants, delegates.
pub fn is_shared_post(title_key: &str) -> bool {
    const SHARED: &[&str] = &[
        "pho ",
        "thu truong",
        "uy vien",
        "tro ly",
        "thanh vien",
        "dai bieu",
        "chuyen vien",
        "can bo",
        "nhan vien",
    ];
    SHARED.iter().any(|p| title_key.starts_with(p))
}

/// Tenures per person from the observations of one post (`obs` all share a title key), in
/// order of first sighting; undated-only holders last.
pub fn tenures(obs: &[OfficeObservation]) -> Vec<Tenure> {
    let mut order: Vec<&str> = Vec::new();
    for o in obs {
        if !order.contains(&o.person_id.as_str()) {
            order.push(&o.person_id);
        }
    }
    let shared = obs.first().is_some_and(|o| is_shared_post(&o.title_key));
    let mut out: Vec<Tenure> = order
        .iter()
        .map(|pid| {
            let mine: Vec<&OfficeObservation> =
                obs.iter().filter(|o| o.person_id == *pid).collect();
            let mut dated: Vec<&OfficeObservation> = mine
                .iter()
                .copied()
                .filter(|o| o.seen_on.is_some())
                .collect();
            dated.sort_by(|a, b| a.seen_on.cmp(&b.seen_on));
            let title = most_common(mine.iter().map(|o| o.title.as_str()));
            Tenure {
                person_id: (*pid).to_owned(),
                person: mine[0].person.clone(),
                title,
                first_seen: dated.first().and_then(|o| o.seen_on.clone()),
                last_seen: dated.last().and_then(|o| o.seen_on.clone()),
                first_article: dated.first().map(|o| o.article.clone()),
                last_article: dated.last().map(|o| o.article.clone()),
                observations: mine.len(),
                undated: mine.len() - dated.len(),
                contradictions: if shared {
                    Vec::new()
                } else {
                    contradictions(pid, &dated, obs)
                },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (a.first_seen.is_none(), &a.first_seen).cmp(&(b.first_seen.is_none(), &b.first_seen))
    });
    out
}

fn most_common<'a>(titles: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for t in titles {
        match counts.iter_mut().find(|(x, _)| *x == t) {
            Some((_, n)) => *n += 1,
            None => counts.push((t, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(t, _)| (*t).to_owned())
        .unwrap_or_default()
}

/// Observations of `pid` (dated, in order) made after another person was seen holding the
/// post since `pid`'s previous observation.
fn contradictions(
    pid: &str,
    mine: &[&OfficeObservation],
    all: &[OfficeObservation],
) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for w in mine.windows(2) {
        let (before, now) = (w[0], w[1]);
        let (Some(b), Some(n)) = (&before.seen_on, &now.seen_on) else {
            continue;
        };
        let other = all.iter().find(|o| {
            o.person_id != pid
                && o.seen_on
                    .as_ref()
                    .is_some_and(|d| d.as_str() > b.as_str() && d.as_str() < n.as_str())
        });
        if let Some(o) = other {
            out.push(Contradiction {
                article: now.article.clone(),
                seen_on: n.clone(),
                other_person: o.person.clone(),
                other_seen_on: o.seen_on.clone().unwrap_or_default(),
                other_article: o.article.clone(),
            });
        }
    }
    out
}

/// How a tenure relates to a date asked about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Seen holding the post both on or before and on or after the date.
    Holding,
    /// Last seen holding it before the date, by nobody else since.
    LastSeenBefore,
    /// First seen holding it after the date, by nobody else before.
    FirstSeenAfter,
}

/// Who held a post on a date, as far as the articles show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holder {
    pub tenure: Tenure,
    pub standing: Standing,
}

/// The holders of a post on `date` (`YYYY-MM-DD`), from its tenures: everyone seen holding it
/// across the date; failing that, the last holder seen before it and the first seen after.
pub fn holders_on(tenures: &[Tenure], date: &str) -> Vec<Holder> {
    let dated = |t: &&Tenure| t.first_seen.is_some() && t.last_seen.is_some();
    let holding: Vec<Holder> = tenures
        .iter()
        .filter(dated)
        .filter(|t| {
            t.first_seen.as_deref().is_some_and(|f| f <= date)
                && t.last_seen.as_deref().is_some_and(|l| l >= date)
        })
        .map(|t| Holder {
            tenure: t.clone(),
            standing: Standing::Holding,
        })
        .collect();
    if !holding.is_empty() {
        return holding;
    }
    let mut out = Vec::new();
    if let Some(t) = tenures
        .iter()
        .filter(dated)
        .filter(|t| t.last_seen.as_deref().is_some_and(|l| l < date))
        .max_by(|a, b| a.last_seen.cmp(&b.last_seen))
    {
        out.push(Holder {
            tenure: t.clone(),
            standing: Standing::LastSeenBefore,
        });
    }
    if let Some(t) = tenures
        .iter()
        .filter(dated)
        .filter(|t| t.first_seen.as_deref().is_some_and(|f| f > date))
        .min_by(|a, b| a.first_seen.cmp(&b.first_seen))
    {
        out.push(Holder {
            tenure: t.clone(),
            standing: Standing::FirstSeenAfter,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(person: &str, title: &str, day: Option<&str>, article: &str) -> OfficeObservation {
        OfficeObservation {
            person_id: format!("person:{person}"),
            person: person.into(),
            title: title.into(),
            title_key: crate::title_key(title),
            head: "Bộ trưởng".into(),
            rank: 70,
            seen_on: day.map(str::to_owned),
            article: ArticleRef {
                id: article.into(),
                title: String::new(),
                published: day.map(str::to_owned),
                outlet: None,
                source: format!("{article}.txt"),
                classification: 0,
            },
            span: None,
        }
    }

    #[test]
    fn tenures_and_holders_on_a_date() {
        let o = [
            obs(
                "Phạm Bình Minh",
                "Bộ trưởng Ngoại giao",
                Some("2016-05-01"),
                "a1",
            ),
            obs(
                "Phạm Bình Minh",
                "Bộ trưởng Bộ Ngoại giao",
                Some("2020-12-01"),
                "a2",
            ),
            obs(
                "Bùi Thanh Sơn",
                "Bộ trưởng Ngoại giao",
                Some("2021-08-01"),
                "a3",
            ),
            obs(
                "Bùi Thanh Sơn",
                "Bộ trưởng Ngoại giao",
                Some("2023-04-28"),
                "a4",
            ),
            obs("Bùi Thanh Sơn", "Bộ trưởng Ngoại giao", None, "a5"),
        ];
        let t = tenures(&o);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].person, "Phạm Bình Minh");
        assert_eq!(t[0].first_seen.as_deref(), Some("2016-05-01"));
        assert_eq!(t[0].last_seen.as_deref(), Some("2020-12-01"));
        assert_eq!(t[1].observations, 3);
        assert_eq!(t[1].undated, 1);
        assert_eq!(t[1].first_article.as_ref().unwrap().id, "a3");
        let on = holders_on(&t, "2022-01-01");
        assert_eq!(on.len(), 1);
        assert_eq!(on[0].tenure.person, "Bùi Thanh Sơn");
        assert_eq!(on[0].standing, Standing::Holding);
        let gap = holders_on(&t, "2021-03-01");
        assert_eq!(gap.len(), 2);
        assert_eq!(gap[0].tenure.person, "Phạm Bình Minh");
        assert_eq!(gap[0].standing, Standing::LastSeenBefore);
        assert_eq!(gap[1].standing, Standing::FirstSeenAfter);
        assert!(t.iter().all(|t| t.contradictions.is_empty()));
    }

    #[test]
    fn a_post_called_after_it_changed_hands_is_flagged() {
        let o = [
            obs(
                "Phạm Bình Minh",
                "Bộ trưởng Ngoại giao",
                Some("2020-12-01"),
                "a1",
            ),
            obs(
                "Bùi Thanh Sơn",
                "Bộ trưởng Ngoại giao",
                Some("2021-08-01"),
                "a2",
            ),
            obs(
                "Phạm Bình Minh",
                "Bộ trưởng Ngoại giao",
                Some("2022-03-01"),
                "stale",
            ),
        ];
        let t = tenures(&o);
        let minh = t.iter().find(|t| t.person == "Phạm Bình Minh").unwrap();
        assert_eq!(minh.contradictions.len(), 1);
        let c = &minh.contradictions[0];
        assert_eq!(c.article.id, "stale");
        assert_eq!(c.other_person, "Bùi Thanh Sơn");
        assert_eq!(c.other_seen_on, "2021-08-01");
        // Deputies share their post: no contradiction there.
        let deputies = [
            obs("A", "Thứ trưởng Ngoại giao", Some("2020-01-01"), "d1"),
            obs("B", "Thứ trưởng Ngoại giao", Some("2021-01-01"), "d2"),
            obs("A", "Thứ trưởng Ngoại giao", Some("2022-01-01"), "d3"),
        ];
        assert!(
            tenures(&deputies)
                .iter()
                .all(|t| t.contradictions.is_empty())
        );
    }
}
