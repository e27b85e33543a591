//! `tre trends`: mention series per day or week with spikes flagged, for an entity or a pillar;
//! `--top`: what spiked on a day, across everything.

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::{Result, bail};
use serde_json::json;
use std::process::ExitCode;
use tre_kb::trends::{self, SpikeRule};
use tre_store::days;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A person, organisation, place or document, by name.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["pillar", "top"])]
    pub entity: Option<String>,
    /// Narrow --entity (or --top) to one kind: person, organization, place, document.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// A pillar: political, economic, cultural, overseas_citizens, party_external_relations,
    /// defence_security.
    #[arg(long, value_name = "PILLAR", conflicts_with = "top")]
    pub pillar: Option<String>,
    /// What spiked on --date (default: the latest day in the store), across all entities.
    #[arg(long)]
    pub top: bool,
    /// The day for --top (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Series start (default: 90 days before --to).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Series end (default: the latest day in the store).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Series resolution.
    #[arg(long, value_name = "day|week", default_value = "day")]
    pub by: String,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

const KINDS: &[&str] = &["person", "organization", "place", "document"];
const PILLARS: &[&str] = &[
    "political",
    "economic",
    "cultural",
    "overseas_citizens",
    "party_external_relations",
    "defence_security",
];

fn check_date(d: &Option<String>, flag: &str) -> Result<()> {
    if let Some(d) = d
        && days::parse(d).is_none()
    {
        bail!("{flag} {d:?} is not a date; write it as YYYY-MM-DD");
    }
    Ok(())
}

pub async fn run(place: &Place, args: Args) -> Result<ExitCode> {
    check_date(&args.from, "--from")?;
    check_date(&args.to, "--to")?;
    check_date(&args.date, "--date")?;
    if let Some(k) = &args.kind
        && !KINDS.contains(&k.as_str())
    {
        bail!(
            "--kind {k:?} is not a kind; use one of {}",
            KINDS.join(", ")
        );
    }
    if let Some(p) = &args.pillar
        && !PILLARS.contains(&p.as_str())
    {
        bail!(
            "--pillar {p:?} is not a pillar; use one of {}",
            PILLARS.join(", ")
        );
    }
    if !matches!(args.by.as_str(), "day" | "week") {
        bail!("--by {:?}: use day or week", args.by);
    }
    if args.entity.is_none() && args.pillar.is_none() && !args.top {
        bail!("say what to trend: --entity NAME, --pillar PILLAR, or --top");
    }
    let store = place.store().await?;
    super::knowledge::catch_up_kb(store.as_ref(), args.json).await?;
    let (_, last) = store.day_range().await?;
    let Some(last) = last else {
        output::error("the store holds no articles yet; ingest some first");
        return Ok(ExitCode::from(1));
    };
    let rule = SpikeRule::default();

    if args.top {
        let day = args.date.clone().unwrap_or(last);
        let d = days::parse(&day).unwrap_or(0);
        let from = days::to_string(d - rule.window as i64);
        let counts = store
            .daily_counts(&from, &day, args.kind.as_deref(), None)
            .await?;
        let top = trends::top_spikes(&counts, &day, rule, args.limit.max(1));
        let mut named = Vec::new();
        for t in &top {
            let e = store.entity(&t.entity_id).await?;
            named.push((e, t));
        }
        if args.json {
            let v: Vec<_> = named
                .iter()
                .map(|(e, t)| json!({"entity": e, "spike": t.spike, "series": t.series}))
                .collect();
            crate::out!(
                "{}",
                serde_json::to_string_pretty(&json!({"day": day, "spikes": v}))?
            );
            return Ok(ExitCode::SUCCESS);
        }
        crate::out!(
            "{}",
            output::bold(&format!(
                "What spiked on {day}, against the {} days before",
                rule.window
            ))
        );
        if named.is_empty() {
            crate::out!("Nothing stood out.");
        }
        for (e, t) in &named {
            let name = e.as_ref().map(|e| e.name.as_str()).unwrap_or(&t.entity_id);
            crate::out!(
                "  {:<32} {:>4} articles  ×{:.1} over {:.1}/day  {}",
                name,
                t.spike.count,
                t.spike.factor,
                t.spike.baseline,
                sparkline(&t.series)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }

    let to = args.to.clone().unwrap_or(last);
    let from = args
        .from
        .clone()
        .unwrap_or_else(|| days::to_string(days::parse(&to).unwrap_or(0) - 89));
    if days::parse(&from) > days::parse(&to) {
        bail!("--from is after --to: swap them");
    }
    let (label, points) = if let Some(p) = &args.pillar {
        (p.clone(), store.pillar_series(p, &from, &to).await?)
    } else {
        let name = args.entity.clone().unwrap_or_default();
        let key = tre_kb::name_key(&name);
        let found = store.find_entities(args.kind.as_deref(), &key, 5).await?;
        let Some(e) = found.into_iter().next() else {
            output::error(&format!(
                "nothing called {name:?} in the knowledge base; try part of the name"
            ));
            return Ok(ExitCode::from(1));
        };
        let series = store.entity_series(&e.id, &from, &to).await?;
        (e.name, series)
    };
    let daily = trends::dense(&points, &from, &to);
    let spikes = rule.all(&daily);
    let shown = if args.by == "week" {
        trends::weekly(&daily)
    } else {
        daily.clone()
    };
    if args.json {
        crate::out!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "subject": label, "from": from, "to": to, "by": args.by,
                "series": shown, "spikes": spikes,
            }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let total: i64 = daily.iter().map(|(_, n)| n).sum();
    crate::out!(
        "{}",
        output::bold(&format!(
            "{label}: {} articles from {from} to {to}",
            thousands(total as u64)
        ))
    );
    crate::out!("  {}", sparkline(&shown));
    let max = shown.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    for (day, n) in shown.iter().filter(|(_, n)| *n > 0) {
        let spike = spikes.iter().find(|s| &s.day == day);
        let bar = "█".repeat(((*n as f64 / max as f64) * 40.0).ceil() as usize);
        crate::out!(
            "  {day}  {n:>5}  {bar}{}",
            spike
                .map(|s| format!("  ← spike ×{:.1} over {:.1}/day", s.factor, s.baseline))
                .unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A one-line chart of a series with block characters.
fn sparkline(series: &[(String, i64)]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = series.iter().map(|(_, n)| *n).max().unwrap_or(0);
    series
        .iter()
        .map(|(_, n)| {
            if max == 0 || *n == 0 {
                ' '
            } else {
                BLOCKS[((*n as f64 / max as f64) * 7.0).round() as usize]
            }
        })
        .collect()
}
