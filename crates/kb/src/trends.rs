//! Attention over time: how many articles a day mention an entity (or carry a pillar), and
//! the days that stand out against their own recent past.
//!
//! A spike is a day whose count is at least [`SpikeRule::min_count`] and at least
//! [`SpikeRule::factor`] times the mean of the trailing window (plus one half, so that a
//! quiet entity's first two mentions are not an event). The trailing window excludes the day
//! itself, so a spike cannot raise its own baseline.

use serde::Serialize;
use tre_store::days;

/// A series with one point per day, missing days filled with zero.
pub fn dense(points: &[(String, i64)], from: &str, to: &str) -> Vec<(String, i64)> {
    let (Some(a), Some(b)) = (days::parse(from), days::parse(to)) else {
        return Vec::new();
    };
    let mut out: Vec<(String, i64)> = (a..=b).map(|d| (days::to_string(d), 0)).collect();
    for (day, n) in points {
        if let Some(d) = days::parse(day)
            && (a..=b).contains(&d)
        {
            out[(d - a) as usize].1 += n;
        }
    }
    out
}

/// Sums of a dense daily series in 7-day buckets, each labelled by its first day.
pub fn weekly(dense: &[(String, i64)]) -> Vec<(String, i64)> {
    dense
        .chunks(7)
        .map(|w| (w[0].0.clone(), w.iter().map(|(_, n)| n).sum()))
        .collect()
}

/// When a day counts as a spike.
#[derive(Debug, Clone, Copy)]
pub struct SpikeRule {
    /// Trailing days the baseline is the mean of.
    pub window: usize,
    pub min_count: i64,
    pub factor: f64,
}

impl Default for SpikeRule {
    fn default() -> Self {
        SpikeRule {
            window: 28,
            min_count: 3,
            factor: 3.0,
        }
    }
}

/// A day that stands out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spike {
    pub day: String,
    pub count: i64,
    /// Mean articles a day over the trailing window.
    pub baseline: f64,
    /// count / (baseline + 0.5).
    pub factor: f64,
}

impl SpikeRule {
    /// The spike on day `i` of a dense series, if it is one.
    pub fn at(&self, dense: &[(String, i64)], i: usize) -> Option<Spike> {
        let (day, count) = dense.get(i)?;
        let start = i.saturating_sub(self.window);
        let past = &dense[start..i];
        let baseline = if past.is_empty() {
            0.0
        } else {
            past.iter().map(|(_, n)| *n as f64).sum::<f64>() / past.len() as f64
        };
        let factor = *count as f64 / (baseline + 0.5);
        (*count >= self.min_count && factor >= self.factor).then(|| Spike {
            day: day.clone(),
            count: *count,
            baseline,
            factor,
        })
    }

    /// Every spike of a dense series (days with a full window only, so the first days of a
    /// series are never spikes merely for lack of history).
    pub fn all(&self, dense: &[(String, i64)]) -> Vec<Spike> {
        (self.window.min(dense.len())..dense.len())
            .filter_map(|i| self.at(dense, i))
            .collect()
    }
}

/// An entity whose attention spiked on a day, with the series behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySpike {
    pub entity_id: String,
    pub spike: Spike,
    pub series: Vec<(String, i64)>,
}

/// The entities that spiked on `day`, strongest first, from per-entity daily counts covering
/// at least the trailing window before it (`Store::daily_counts`).
pub fn top_spikes(
    counts: &[(String, String, i64)],
    day: &str,
    rule: SpikeRule,
    limit: usize,
) -> Vec<EntitySpike> {
    let Some(d) = days::parse(day) else {
        return Vec::new();
    };
    let from = days::to_string(d - rule.window as i64);
    let mut by_entity: std::collections::HashMap<&str, Vec<(String, i64)>> =
        std::collections::HashMap::new();
    for (entity, on, n) in counts {
        by_entity
            .entry(entity.as_str())
            .or_default()
            .push((on.clone(), *n));
    }
    let mut out: Vec<EntitySpike> = by_entity
        .into_iter()
        .filter_map(|(entity, points)| {
            let series = dense(&points, &from, day);
            let spike = rule.at(&series, series.len().checked_sub(1)?)?;
            Some(EntitySpike {
                entity_id: entity.to_owned(),
                spike,
                series,
            })
        })
        .collect();
    // Strongest first: how far above its past, weighted by how much attention it is.
    out.sort_by(|a, b| {
        let score = |s: &Spike| s.factor * (s.count as f64).ln_1p();
        score(&b.spike)
            .total_cmp(&score(&a.spike))
            .then_with(|| a.entity_id.cmp(&b.entity_id))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(points: &[(&str, i64)]) -> Vec<(String, i64)> {
        points.iter().map(|(d, n)| (d.to_string(), *n)).collect()
    }

    #[test]
    fn dense_fills_gaps_and_weeks_sum() {
        let d = dense(
            &s(&[("2023-01-02", 2), ("2023-01-04", 1)]),
            "2023-01-01",
            "2023-01-08",
        );
        assert_eq!(d.len(), 8);
        assert_eq!(d[1], ("2023-01-02".to_string(), 2));
        assert_eq!(d[2].1, 0);
        assert_eq!(weekly(&d), s(&[("2023-01-01", 3), ("2023-01-08", 0)]));
    }

    #[test]
    fn a_day_above_its_past_is_a_spike_and_a_steady_level_is_not() {
        let rule = SpikeRule {
            window: 7,
            ..Default::default()
        };
        let mut points = Vec::new();
        for day in 1..=14 {
            points.push((format!("2023-03-{day:02}"), 1));
        }
        points.push(("2023-03-15".to_string(), 9));
        let d = dense(&points, "2023-03-01", "2023-03-15");
        let spikes = rule.all(&d);
        assert_eq!(spikes.len(), 1);
        assert_eq!(spikes[0].day, "2023-03-15");
        assert!((spikes[0].baseline - 1.0).abs() < 1e-9);
        assert!((spikes[0].factor - 6.0).abs() < 1e-9);
        // Three articles after a silent month: a spike; two: not yet.
        let quiet = dense(&s(&[("2023-03-15", 3)]), "2023-03-01", "2023-03-15");
        assert_eq!(rule.all(&quiet).len(), 1);
        let two = dense(&s(&[("2023-03-15", 2)]), "2023-03-01", "2023-03-15");
        assert!(rule.all(&two).is_empty());
    }

    #[test]
    fn top_spikes_rank_the_day_across_entities() {
        let mut counts = Vec::new();
        for day in 1..=20 {
            counts.push(("person:a".to_string(), format!("2023-05-{day:02}"), 2));
        }
        counts.push(("person:a".to_string(), "2023-05-21".to_string(), 3));
        counts.push(("place:b".to_string(), "2023-05-21".to_string(), 12));
        counts.push(("org:c".to_string(), "2023-05-21".to_string(), 4));
        let top = top_spikes(&counts, "2023-05-21", SpikeRule::default(), 10);
        let ids: Vec<&str> = top.iter().map(|t| t.entity_id.as_str()).collect();
        assert_eq!(ids, ["place:b", "org:c"], "a steady entity is no spike");
        assert_eq!(top[0].series.len(), 29);
    }
}
