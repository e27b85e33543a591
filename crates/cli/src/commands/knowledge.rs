//! The knowledge base on the command line: `tre person`, `tre org`, `tre document`,
//! `tre events`, `tre who`. Each first brings the knowledge base up to date with the store.

use crate::open::Place;
use crate::output::{self, thousands};
use anyhow::Result;
use serde_json::json;
use std::process::ExitCode;
use tre_store::{ArticleRef, EntitySummary, EventFilter, EventRecord, OfficeFilter, Store};

/// Brings the knowledge base up to date, with a progress bar when there is real work.
pub async fn catch_up_kb(store: &dyn Store, quiet: bool) -> Result<()> {
    let pb = output::bar(
        0,
        "{spinner} linking facts [{elapsed_precise}] [{bar:30}] {pos}/{len} articles ({per_sec})",
    );
    if quiet {
        pb.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut progress = |done: u64, total: u64| {
        pb.set_length(total);
        pb.set_position(done);
    };
    let r = tre_kb::catch_up(store, &mut progress).await;
    pb.finish_and_clear();
    let r = r?;
    if r.articles > 0 && !quiet {
        eprintln!(
            "{}",
            output::dim(&format!(
                "knowledge base: {} articles linked{}",
                thousands(r.articles),
                if r.without_facts > 0 {
                    format!(
                        " ({} without extracted facts: ingested with --no-extract)",
                        thousands(r.without_facts)
                    )
                } else {
                    String::new()
                }
            ))
        );
    }
    Ok(())
}

/// The entity of `kind` a user means by `name`, or a message saying what was found instead.
async fn resolve(
    store: &dyn Store,
    kind: &str,
    name: &str,
    what: &str,
) -> Result<Result<EntitySummary, String>> {
    let key = tre_kb::name_key(name);
    if key.is_empty() {
        return Ok(Err(format!("give the {what}'s name")));
    }
    let found = store.find_entities(Some(kind), &key, 10).await?;
    let exact: Vec<&EntitySummary> = found
        .iter()
        .filter(|e| tre_kb::name_key(&e.name) == key)
        .collect();
    Ok(match (found.len(), exact.len()) {
        (0, _) => Err(format!(
            "no {what} called {name:?} in the knowledge base; try part of the name, or check \
             that the articles naming it are ingested"
        )),
        (_, 1) => Ok(exact[0].clone()),
        (1, _) => Ok(found[0].clone()),
        _ => Err(format!(
            "{} {what}s match {name:?}: {}; give more of the name",
            found.len(),
            found
                .iter()
                .map(|e| format!("{} ({} articles)", e.name, e.articles))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    })
}

fn article_line(a: &ArticleRef) -> String {
    format!(
        "{}  {}  {}",
        a.published
            .as_deref()
            .map(|d| &d[..d.len().min(10)])
            .unwrap_or("(undated)  "),
        a.title,
        output::dim(&format!("[{}]", a.id))
    )
}

fn event_line(e: &EventRecord) -> String {
    let who: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    format!(
        "{:<10}  {:<11} {}{}  {}",
        e.date.as_deref().unwrap_or("(undated)"),
        e.kind,
        who.join(", "),
        e.place
            .as_deref()
            .map(|p| format!(" · at {p}"))
            .unwrap_or_default(),
        output::dim(&format!("[{}]", e.article.id))
    )
}

#[derive(clap::Args, Debug)]
pub struct EntityArgs {
    /// The name, with or without diacritics (part of it is enough when it is unambiguous).
    #[arg(required = true, value_name = "NAME")]
    pub name: Vec<String>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `tre person NAME`: titles over time with their sources, events, documents, company kept.
pub async fn person(place: &Place, args: EntityArgs) -> Result<ExitCode> {
    let store = place.store().await?;
    catch_up_kb(store.as_ref(), args.json).await?;
    let name = args.name.join(" ");
    let p = match resolve(store.as_ref(), "person", &name, "person").await? {
        Ok(p) => p,
        Err(msg) => {
            output::error(&msg);
            return Ok(ExitCode::from(1));
        }
    };
    let offices = store
        .offices(&OfficeFilter {
            person_id: Some(p.id.clone()),
            limit: 5000,
            ..Default::default()
        })
        .await?;
    // Titles over time: one line per post, with when it was seen and where first.
    let mut keys: Vec<&str> = Vec::new();
    for o in &offices {
        if !keys.contains(&o.title_key.as_str()) {
            keys.push(&o.title_key);
        }
    }
    let posts: Vec<tre_kb::Tenure> = keys
        .iter()
        .filter_map(|k| {
            let obs: Vec<_> = offices
                .iter()
                .filter(|o| o.title_key == *k)
                .cloned()
                .collect();
            tre_kb::tenures(&obs).into_iter().next()
        })
        .collect();
    let events = store
        .events(&EventFilter {
            person_id: Some(p.id.clone()),
            limit: 200,
            ..Default::default()
        })
        .await?;
    let with = store.cooccurring(&p.id, 40).await?;
    let articles = store.entity_articles(&p.id, 10).await?;
    if args.json {
        let v = json!({
            "person": p, "titles": posts, "events": events,
            "seen_with": with.iter().map(|(e, n)| json!({"entity": e, "shared_articles": n})).collect::<Vec<_>>(),
            "articles": articles,
        });
        crate::out!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    crate::out!(
        "{}  {}",
        output::bold(&p.name),
        output::dim(&format!(
            "{} articles · {}",
            thousands(p.articles as u64),
            p.id
        ))
    );
    if !posts.is_empty() {
        crate::out!("\n{}", output::bold("Titles over time"));
        for t in &posts {
            let when = match (&t.first_seen, &t.last_seen) {
                (Some(a), Some(b)) if a == b => a.clone(),
                (Some(a), Some(b)) => format!("{a} → {b}"),
                _ => "undated".to_owned(),
            };
            let src = t
                .first_article
                .as_ref()
                .map(|a| format!("first in [{}]", a.id))
                .unwrap_or_default();
            crate::out!(
                "  {}  {}",
                t.title,
                output::dim(&format!("{when} · {} times {src}", t.observations))
            );
            for c in &t.contradictions {
                crate::out!(
                    "    ! [{}] calls {} this on {}, but {} was seen holding it on {} [{}]",
                    c.article.id,
                    t.person,
                    c.seen_on,
                    c.other_person,
                    c.other_seen_on,
                    c.other_article.id
                );
            }
        }
    }
    if !events.is_empty() {
        crate::out!("\n{}", output::bold("Events"));
        for e in events.iter().take(30) {
            crate::out!("  {}", event_line(e));
        }
        if events.len() > 30 {
            crate::out!(
                "  … {} more: tre events --person {:?}",
                events.len() - 30,
                p.name
            );
        }
    }
    print_company(&with);
    if !articles.is_empty() {
        crate::out!("\n{}", output::bold("Latest articles"));
        for a in &articles {
            crate::out!("  {}", article_line(a));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_company(with: &[(EntitySummary, i64)]) {
    for (kind, label) in [
        ("document", "Documents cited alongside"),
        ("person", "Seen with"),
        ("organization", "Organisations"),
        ("place", "Places"),
    ] {
        let items: Vec<String> = with
            .iter()
            .filter(|(e, _)| e.kind == kind)
            .take(8)
            .map(|(e, n)| format!("{} ({n})", e.name))
            .collect();
        if !items.is_empty() {
            crate::out!("\n{}", output::bold(label));
            crate::out!("  {}", items.join(" · "));
        }
    }
}

/// `tre org NAME`: articles, the people and places that come with it.
pub async fn org(place: &Place, args: EntityArgs) -> Result<ExitCode> {
    let store = place.store().await?;
    catch_up_kb(store.as_ref(), args.json).await?;
    let name = args.name.join(" ");
    let o = match resolve(store.as_ref(), "organization", &name, "organisation").await? {
        Ok(o) => o,
        Err(msg) => {
            output::error(&msg);
            return Ok(ExitCode::from(1));
        }
    };
    let with = store.cooccurring(&o.id, 40).await?;
    let articles = store.entity_articles(&o.id, 15).await?;
    if args.json {
        let v = json!({
            "organization": o,
            "seen_with": with.iter().map(|(e, n)| json!({"entity": e, "shared_articles": n})).collect::<Vec<_>>(),
            "articles": articles,
        });
        crate::out!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    crate::out!(
        "{}  {}",
        output::bold(&o.name),
        output::dim(&format!(
            "{} articles · {}",
            thousands(o.articles as u64),
            o.id
        ))
    );
    print_company(&with);
    if !articles.is_empty() {
        crate::out!("\n{}", output::bold("Latest articles"));
        for a in &articles {
            crate::out!("  {}", article_line(a));
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct DocumentArgs {
    /// The document's number as written: 34-NQ/TW, 30/2020/NĐ-CP.
    pub number: String,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `tre document NUMBER`: every article citing it, by date.
pub async fn document(place: &Place, args: DocumentArgs) -> Result<ExitCode> {
    let store = place.store().await?;
    catch_up_kb(store.as_ref(), args.json).await?;
    let d = match resolve(store.as_ref(), "document", &args.number, "document").await? {
        Ok(d) => d,
        Err(msg) => {
            output::error(&msg);
            return Ok(ExitCode::from(1));
        }
    };
    let cites = store.citations(&d.id).await?;
    if args.json {
        crate::out!(
            "{}",
            serde_json::to_string_pretty(&json!({"document": d, "citations": cites}))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let dated = cites.iter().find_map(|c| c.document_date.clone());
    crate::out!(
        "{}  {}",
        output::bold(&d.name),
        output::dim(&format!(
            "{}cited by {} articles",
            dated.map(|d| format!("of {d} · ")).unwrap_or_default(),
            thousands(cites.len() as u64)
        ))
    );
    for c in &cites {
        crate::out!("  {}", article_line(&c.article));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct EventsArgs {
    /// Events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Events on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// meeting, talks, visit, conference, signing, appointment, phone_call, evacuation, other.
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only events this person took part in.
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Only events at this place.
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

const EVENT_TYPES: &[&str] = &[
    "meeting",
    "talks",
    "visit",
    "conference",
    "signing",
    "appointment",
    "phone_call",
    "evacuation",
    "other",
];

/// `tre events`: who met whom, where, when.
pub async fn events(place: &Place, args: EventsArgs) -> Result<ExitCode> {
    for (d, flag) in [(&args.from, "--from"), (&args.to, "--to")] {
        if let Some(d) = d
            && tre_search::index::day_number(d).is_none()
        {
            anyhow::bail!("{flag} {d:?} is not a date; write it as YYYY-MM-DD");
        }
    }
    if let Some(k) = &args.kind
        && !EVENT_TYPES.contains(&k.as_str())
    {
        anyhow::bail!(
            "--type {k:?} is not an event type; use one of {}",
            EVENT_TYPES.join(", ")
        );
    }
    let store = place.store().await?;
    catch_up_kb(store.as_ref(), args.json).await?;
    let mut person_id = None;
    if let Some(name) = &args.person {
        match resolve(store.as_ref(), "person", name, "person").await? {
            Ok(p) => person_id = Some(p.id),
            Err(msg) => {
                output::error(&msg);
                return Ok(ExitCode::from(1));
            }
        }
    }
    let mut place_id = None;
    if let Some(name) = &args.place {
        match resolve(store.as_ref(), "place", name, "place").await? {
            Ok(p) => place_id = Some(p.id),
            Err(msg) => {
                output::error(&msg);
                return Ok(ExitCode::from(1));
            }
        }
    }
    let events = store
        .events(&EventFilter {
            from: args.from.clone(),
            to: args.to.clone(),
            kind: args.kind.clone(),
            person_id,
            place_id,
            limit: args.limit.max(1),
        })
        .await?;
    if args.json {
        crate::out!("{}", serde_json::to_string_pretty(&events)?);
        return Ok(ExitCode::SUCCESS);
    }
    crate::out!(
        "{}",
        output::bold(&format!("{} events", thousands(events.len() as u64)))
    );
    for e in &events {
        crate::out!("  {}", event_line(e));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct WhoArgs {
    /// The post, as the press writes it: "Bộ trưởng Ngoại giao", "Thủ tướng", "Tổng Bí thư".
    #[arg(required = true, value_name = "TITLE")]
    pub title: Vec<String>,
    /// Who held it on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `tre who TITLE [--on DATE]`: who was seen holding a post, and when.
pub async fn who(place: &Place, args: WhoArgs) -> Result<ExitCode> {
    if let Some(d) = &args.on
        && tre_search::index::day_number(d).is_none()
    {
        anyhow::bail!("--on {d:?} is not a date; write it as YYYY-MM-DD");
    }
    let store = place.store().await?;
    catch_up_kb(store.as_ref(), args.json).await?;
    let title = args.title.join(" ");
    let key = tre_kb::title_key(&title);
    let obs = store
        .offices(&OfficeFilter {
            title_key: Some(key.clone()),
            limit: 100_000,
            ..Default::default()
        })
        .await?;
    let tenures = tre_kb::tenures(&obs);
    let holders = args.on.as_deref().map(|d| tre_kb::holders_on(&tenures, d));
    if args.json {
        crate::out!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "title": title, "title_key": key, "on": args.on,
                "holders": holders, "tenures": tenures,
            }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    if tenures.is_empty() {
        output::error(&format!(
            "no one is seen holding {title:?} in the articles; write the post as the press does \
             (\"Bộ trưởng Ngoại giao\", \"Thủ tướng\")"
        ));
        return Ok(ExitCode::from(1));
    }
    if let (Some(date), Some(holders)) = (&args.on, &holders) {
        if holders.is_empty() {
            crate::out!("No dated observation of {title:?} to place on {date}.");
        }
        for h in holders {
            let how = match h.standing {
                tre_kb::Standing::Holding => "held it",
                tre_kb::Standing::LastSeenBefore => "last seen holding it before",
                tre_kb::Standing::FirstSeenAfter => "first seen holding it after",
            };
            crate::out!(
                "{} {how} {date} {}",
                output::bold(&h.tenure.person),
                output::dim(&format!(
                    "(seen {} → {}, {} times)",
                    h.tenure.first_seen.as_deref().unwrap_or("?"),
                    h.tenure.last_seen.as_deref().unwrap_or("?"),
                    h.tenure.observations
                ))
            );
        }
        crate::out!();
    }
    crate::out!("{}", output::bold(&format!("Seen holding {title:?}")));
    for t in &tenures {
        let when = match (&t.first_seen, &t.last_seen) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a} → {b}"),
            _ => "undated".to_owned(),
        };
        crate::out!(
            "  {:<28} {}",
            t.person,
            output::dim(&format!(
                "{when} · {} times{}",
                t.observations,
                t.first_article
                    .as_ref()
                    .map(|a| format!(" · first in [{}]", a.id))
                    .unwrap_or_default()
            ))
        );
        for c in &t.contradictions {
            crate::out!(
                "    ! [{}] on {} calls {} this, but {} was seen holding it on {} [{}]",
                c.article.id,
                c.seen_on,
                t.person,
                c.other_person,
                c.other_seen_on,
                c.other_article.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
