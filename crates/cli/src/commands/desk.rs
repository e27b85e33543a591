//! `tre desk` and `tre situation`: desks and what officers follow, from a file or the command
//! line (the web application will edit the same records).

use crate::open::Place;
use crate::output;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use tre_store::{Desk, DeskDefinition, SITUATION_STATUSES, Situation, SituationFilter};

const PILLARS: &[&str] = &[
    "political",
    "economic",
    "cultural",
    "overseas_citizens",
    "party_external_relations",
    "defence_security",
];

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[derive(clap::Subcommand, Debug)]
pub enum DeskCommand {
    /// Create or update desks and situations from a TOML file ([[desk]] and [[situation]]
    /// tables; see samples/desks.toml).
    Import {
        file: PathBuf,
        /// Who is making the change (recorded in situations' history).
        #[arg(long, default_value = "import")]
        by: String,
    },
    /// Every desk.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One desk: what it watches, its officers and situations.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Subcommand, Debug)]
pub enum SituationCommand {
    /// Situations, most recently changed first.
    List {
        #[arg(long)]
        desk: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One situation with its history.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a situation's status or owner, or open a new one.
    Set {
        id: String,
        /// Who is making the change.
        #[arg(long)]
        by: String,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        /// For a new situation: its title.
        #[arg(long)]
        title: Option<String>,
        /// The search query that defines the thread.
        #[arg(long)]
        query: Option<String>,
        #[arg(long)]
        desk: Option<String>,
    },
    /// Acknowledge a situation (the officer has seen its latest news).
    Ack {
        id: String,
        #[arg(long)]
        by: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Add a note to a situation's history.
    Note {
        id: String,
        #[arg(long)]
        by: String,
        text: String,
    },
}

/// The file format of `tre desk import`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeskFile {
    #[serde(default)]
    desk: Vec<DeskEntry>,
    #[serde(default)]
    situation: Vec<SituationEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeskEntry {
    id: String,
    name: String,
    #[serde(default)]
    officers: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    pillars: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    /// Classification level (`mat`, `Tối mật`...); ordinary when absent.
    #[serde(default)]
    classification: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SituationEntry {
    id: String,
    #[serde(default)]
    desk: Option<String>,
    title: String,
    query: String,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default = "default_status")]
    status: String,
    #[serde(default)]
    classification: Option<String>,
}

fn default_status() -> String {
    "new".to_owned()
}

fn check_id(id: &str, what: &str) -> Result<()> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        bail!("{what} id {id:?} must be lower-case letters, digits and hyphens (e.g. nhat-ban)");
    }
    Ok(())
}

fn check_status(s: &str) -> Result<()> {
    if !SITUATION_STATUSES.contains(&s) {
        bail!(
            "status {s:?} is not one of {}",
            SITUATION_STATUSES.join(", ")
        );
    }
    Ok(())
}

fn norm_all(v: Vec<String>) -> Vec<String> {
    v.into_iter()
        .map(|s| tre_text::normalize(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

pub async fn desk(place: &Place, cmd: DeskCommand) -> Result<ExitCode> {
    match cmd {
        DeskCommand::Import { file, by } => import(place, &file, &by).await,
        DeskCommand::List { json } => {
            let store = place.store().await?;
            let desks = store.desks().await?;
            if json {
                crate::out!("{}", serde_json::to_string_pretty(&desks)?);
            } else if desks.is_empty() {
                crate::out!("No desks yet: `tre desk import samples/desks.toml` adds some.");
            } else {
                for d in &desks {
                    crate::out!(
                        "{:<22} {}  {}",
                        d.id,
                        d.name,
                        output::dim(&d.officers.join(", "))
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        DeskCommand::Show { id, json } => {
            let store = place.store().await?;
            let Some(d) = store.desk(&id).await? else {
                output::error(&format!("no desk {id:?}; `tre desk list` shows them"));
                return Ok(ExitCode::from(1));
            };
            let situations = store
                .situations(&SituationFilter {
                    desk_id: Some(id.clone()),
                    ..Default::default()
                })
                .await?;
            if json {
                crate::out!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"desk": d, "situations": situations})
                    )?
                );
                return Ok(ExitCode::SUCCESS);
            }
            crate::out!("{}  {}", output::bold(&d.name), output::dim(&d.id));
            let def = &d.definition;
            for (label, items) in [
                ("places", &def.places),
                ("entities", &def.entities),
                ("documents", &def.documents),
                ("pillars", &def.pillars),
                ("keywords", &def.keywords),
                ("officers", &d.officers),
            ] {
                if !items.is_empty() {
                    crate::out!("  {label:<10} {}", items.join(" · "));
                }
            }
            for s in &situations {
                crate::out!(
                    "  situation {} [{}] {}{}",
                    s.id,
                    s.status,
                    s.title,
                    s.owner
                        .as_deref()
                        .map(|o| format!(" — {o}"))
                        .unwrap_or_default()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn import(place: &Place, file: &PathBuf, by: &str) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let parsed: DeskFile = toml::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{} is not a valid desks file: {e}", file.display()))?;
    // Check everything before writing anything.
    for (i, d) in parsed.desk.iter().enumerate() {
        check_id(&d.id, &format!("desk {}", i + 1))?;
        for p in &d.pillars {
            if !PILLARS.contains(&p.as_str()) {
                bail!(
                    "desk {:?}: pillar {p:?} is not one of {}",
                    d.id,
                    PILLARS.join(", ")
                );
            }
        }
    }
    let store = place.store().await?;
    let known: Vec<String> = store.desks().await?.into_iter().map(|d| d.id).collect();
    for (i, s) in parsed.situation.iter().enumerate() {
        check_id(&s.id, &format!("situation {}", i + 1))?;
        check_status(&s.status)?;
        if let Some(desk) = &s.desk
            && !known.contains(desk)
            && !parsed.desk.iter().any(|d| &d.id == desk)
        {
            bail!(
                "situation {:?}: no desk {desk:?} in the file or the store",
                s.id
            );
        }
    }
    let levels = place.levels()?;
    let level = |c: &Option<String>, what: &str| -> Result<i32> {
        match c {
            None => Ok(0),
            Some(t) => Ok(levels
                .parse(t)
                .map_err(|e| anyhow::anyhow!("{what}: {e}"))?
                .rank),
        }
    };
    let now = now_ms();
    for d in &parsed.desk {
        store
            .put_desk(&Desk {
                id: d.id.clone(),
                name: tre_text::normalize(&d.name),
                definition: DeskDefinition {
                    places: norm_all(d.places.clone()),
                    entities: norm_all(d.entities.clone()),
                    documents: norm_all(d.documents.clone()),
                    pillars: d.pillars.clone(),
                    keywords: norm_all(d.keywords.clone()),
                },
                officers: d.officers.clone(),
                updated_at: now,
                classification: level(&d.classification, &format!("desk {:?}", d.id))?,
            })
            .await?;
    }
    for s in &parsed.situation {
        let existing = store.situation(&s.id).await?;
        store
            .put_situation(
                &Situation {
                    id: s.id.clone(),
                    desk_id: s.desk.clone(),
                    title: tre_text::normalize(&s.title),
                    query: tre_text::normalize(&s.query),
                    owner: s.owner.clone(),
                    status: s.status.clone(),
                    created_at: existing.as_ref().map_or(now, |(e, _)| e.created_at),
                    updated_at: now,
                    last_briefed_day: existing.and_then(|(e, _)| e.last_briefed_day),
                    classification: level(&s.classification, &format!("situation {:?}", s.id))?,
                },
                by,
            )
            .await?;
    }
    crate::out!(
        "Imported {} desks and {} situations from {}.",
        parsed.desk.len(),
        parsed.situation.len(),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn situation(place: &Place, cmd: SituationCommand) -> Result<ExitCode> {
    let store = place.store().await?;
    match cmd {
        SituationCommand::List {
            desk,
            owner,
            status,
            json,
        } => {
            if let Some(s) = &status {
                check_status(s)?;
            }
            let list = store
                .situations(&SituationFilter {
                    desk_id: desk,
                    owner,
                    status,
                })
                .await?;
            if json {
                crate::out!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                crate::out!("No situations match.");
            } else {
                for s in &list {
                    crate::out!(
                        "{:<30} [{:<9}] {}  {}",
                        s.id,
                        s.status,
                        s.title,
                        output::dim(&format!(
                            "{} · {}",
                            s.owner.as_deref().unwrap_or("unassigned"),
                            s.desk_id.as_deref().unwrap_or("no desk")
                        ))
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        SituationCommand::Show { id, json } => {
            let Some((s, history)) = store.situation(&id).await? else {
                output::error(&format!(
                    "no situation {id:?}; `tre situation list` shows them"
                ));
                return Ok(ExitCode::from(1));
            };
            if json {
                crate::out!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"situation": s, "history": history})
                    )?
                );
                return Ok(ExitCode::SUCCESS);
            }
            crate::out!("{}  [{}]", output::bold(&s.title), s.status);
            crate::out!(
                "{}",
                output::dim(&format!(
                    "{} · owner {} · desk {} · query {:?} · last briefed {}",
                    s.id,
                    s.owner.as_deref().unwrap_or("none"),
                    s.desk_id.as_deref().unwrap_or("none"),
                    s.query,
                    s.last_briefed_day.as_deref().unwrap_or("never")
                ))
            );
            for e in &history {
                crate::out!(
                    "  {}  {:<8} {:<14} {}",
                    tre_store::arrival_day(e.at),
                    e.kind,
                    e.actor,
                    e.detail.as_deref().unwrap_or("")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        SituationCommand::Set {
            id,
            by,
            status,
            owner,
            title,
            query,
            desk,
        } => {
            if let Some(s) = &status {
                check_status(s)?;
            }
            let now = now_ms();
            let existing = store.situation(&id).await?.map(|(s, _)| s);
            let s = match existing {
                Some(mut s) => {
                    if let Some(v) = status {
                        s.status = v;
                    }
                    if let Some(v) = owner {
                        s.owner = Some(v);
                    }
                    if let Some(v) = title {
                        s.title = tre_text::normalize(&v);
                    }
                    if let Some(v) = query {
                        s.query = tre_text::normalize(&v);
                    }
                    if let Some(v) = desk {
                        s.desk_id = Some(v);
                    }
                    s.updated_at = now;
                    s
                }
                None => {
                    check_id(&id, "situation")?;
                    let (Some(title), Some(query)) = (title, query) else {
                        bail!(
                            "no situation {id:?} yet; to open one give --title and --query \
                             (the search that defines it)"
                        );
                    };
                    Situation {
                        id: id.clone(),
                        desk_id: desk,
                        title: tre_text::normalize(&title),
                        query: tre_text::normalize(&query),
                        owner,
                        status: status.unwrap_or_else(default_status),
                        created_at: now,
                        updated_at: now,
                        last_briefed_day: None,
                        classification: 0,
                    }
                }
            };
            if let Some(d) = &s.desk_id
                && store.desk(d).await?.is_none()
            {
                bail!("no desk {d:?}; `tre desk list` shows them");
            }
            store.put_situation(&s, &by).await?;
            crate::out!("{} [{}] {}", s.id, s.status, s.title);
            Ok(ExitCode::SUCCESS)
        }
        SituationCommand::Ack { id, by, note } => {
            store
                .log_situation(&id, now_ms(), &by, "ack", note.as_deref())
                .await?;
            crate::out!("{by} acknowledged {id}.");
            Ok(ExitCode::SUCCESS)
        }
        SituationCommand::Note { id, by, text } => {
            store
                .log_situation(
                    &id,
                    now_ms(),
                    &by,
                    "note",
                    Some(&tre_text::normalize(&text)),
                )
                .await?;
            crate::out!("Noted on {id}.");
            Ok(ExitCode::SUCCESS)
        }
    }
}
