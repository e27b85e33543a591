//! Desks and the situations officers follow.
//!
//! A user scoped to some countries (a mission) sees the desks they work and the situations of
//! those desks or assigned to them; ministry users see every desk their clearance allows.
//! Changing a situation's status, acknowledging it or adding a note needs the
//! update permission and a reason to touch it (its owner, an officer of its desk, or the
//! leadership); opening one, assigning it or reclassifying it needs the assign permission.

use crate::{Caller, Service, ServiceError, now_ms};
use serde::Deserialize;
use tre_access::{Action, Role, Scope};
use tre_store::{
    Desk, DeskDefinition, SITUATION_STATUSES, Situation, SituationEntry, SituationFilter,
};

/// A change to a situation, or a new one; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SituationChange {
    pub id: String,
    pub title: Option<String>,
    pub query: Option<String>,
    pub desk: Option<String>,
    pub owner: Option<String>,
    pub status: Option<String>,
    /// A level key or name (`mat`, `Tối mật`).
    pub classification: Option<String>,
}

/// The file format of desk imports: `[[desk]]` and `[[situation]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeskFile {
    #[serde(default)]
    desk: Vec<DeskEntry>,
    #[serde(default)]
    situation: Vec<SituationEntry2>,
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
struct SituationEntry2 {
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

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub desks: usize,
    pub situations: usize,
}

pub fn check_id(id: &str, what: &str) -> Result<(), ServiceError> {
    if id.is_empty()
        || id.len() > 64
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Err(ServiceError::Invalid(format!(
            "{what} id {id:?} must be lower-case letters, digits and hyphens (e.g. nhat-ban)"
        )));
    }
    Ok(())
}

fn check_status(status: &str) -> Result<(), ServiceError> {
    if SITUATION_STATUSES.contains(&status) {
        Ok(())
    } else {
        Err(ServiceError::Invalid(format!(
            "status {status:?} is not one of {}",
            SITUATION_STATUSES.join(", ")
        )))
    }
}

fn check_pillars(pillars: &[String]) -> Result<(), ServiceError> {
    for p in pillars {
        if !crate::reads::PILLARS.contains(&p.as_str()) {
            return Err(ServiceError::Invalid(format!(
                "pillar {p:?} is not one of {}",
                crate::reads::PILLARS.join(", ")
            )));
        }
    }
    Ok(())
}

fn norm_all(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| tre_text::normalize(s.trim()))
        .filter(|s| !s.is_empty())
        .collect()
}

impl Service {
    fn sees_every_desk(caller: &Caller) -> bool {
        matches!(caller.principal.scope, Scope::Global)
    }

    fn level(&self, text: &Option<String>, what: &str) -> Result<i32, ServiceError> {
        match text {
            None => Ok(0),
            Some(t) => Ok(self
                .levels()
                .parse(t)
                .map_err(|e| ServiceError::Invalid(format!("{what}: {e}")))?
                .rank),
        }
    }

    /// The desks the caller may see.
    pub async fn desks(&self, caller: &Caller) -> Result<Vec<Desk>, ServiceError> {
        self.authorize(caller, Action::Read, "desks").await?;
        let all = self.view(caller).desks().await?;
        Ok(if Self::sees_every_desk(caller) {
            all
        } else {
            all.into_iter()
                .filter(|d| caller.principal.desks.contains(&d.id))
                .collect()
        })
    }

    /// One desk and its situations.
    pub async fn desk(
        &self,
        caller: &Caller,
        id: &str,
    ) -> Result<(Desk, Vec<Situation>), ServiceError> {
        let desk = self
            .desks(caller)
            .await?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| {
                ServiceError::NotFound(format!(
                    "no desk {id:?} among yours; the desk list shows them"
                ))
            })?;
        let situations = self
            .view(caller)
            .situations(&SituationFilter {
                desk_id: Some(id.to_owned()),
                ..Default::default()
            })
            .await?;
        self.record_read(
            caller,
            "read",
            &format!("desk:{id}"),
            &[(format!("desk:{id}"), desk.classification)],
        )
        .await?;
        Ok((desk, situations))
    }

    /// Creates or replaces a desk.
    #[allow(clippy::too_many_arguments)]
    pub async fn put_desk(
        &self,
        caller: &Caller,
        id: &str,
        name: &str,
        definition: DeskDefinition,
        officers: Vec<String>,
        classification: i32,
    ) -> Result<Desk, ServiceError> {
        self.authorize(caller, Action::ManageDesks, &format!("desk:{id}"))
            .await?;
        check_id(id, "desk")?;
        check_pillars(&definition.pillars)?;
        if name.trim().is_empty() {
            return Err(ServiceError::Invalid(format!("desk {id:?} needs a name")));
        }
        if classification > caller.principal.clearance {
            return Err(ServiceError::Forbidden(
                "you cannot classify a desk above your own clearance".to_owned(),
            ));
        }
        // A desk officer may only change desks they work (or create new ones).
        let existing = self.inner.store.desk(id).await?;
        if caller.principal.role == Role::DeskOfficer
            && existing
                .as_ref()
                .is_some_and(|d| !d.officers.iter().any(|o| o == caller.username()))
        {
            self.record(
                caller,
                "permission",
                &format!("desk:{id}"),
                "denied",
                0,
                serde_json::json!({ "reason": "not an officer of this desk" }),
            )
            .await?;
            return Err(ServiceError::Forbidden(
                "you can change only the desks you work on".to_owned(),
            ));
        }
        let desk = Desk {
            id: id.to_owned(),
            name: tre_text::normalize(name.trim()),
            definition: DeskDefinition {
                places: norm_all(&definition.places),
                entities: norm_all(&definition.entities),
                documents: norm_all(&definition.documents),
                pillars: definition.pillars.clone(),
                keywords: norm_all(&definition.keywords),
            },
            officers: officers
                .iter()
                .map(|o| o.trim().to_lowercase())
                .filter(|o| !o.is_empty())
                .collect(),
            updated_at: now_ms(),
            classification,
        };
        self.inner.store.put_desk(&desk).await?;
        self.record(
            caller,
            "change",
            &format!("desk:{id}"),
            "ok",
            classification,
            serde_json::json!({ "created": existing.is_none() }),
        )
        .await?;
        Ok(desk)
    }

    /// Imports desks and situations from a TOML file's text (`[[desk]]`, `[[situation]]`).
    /// Everything is checked before anything is written.
    pub async fn import_desks(
        &self,
        caller: &Caller,
        toml_text: &str,
    ) -> Result<Imported, ServiceError> {
        self.authorize(caller, Action::ManageDesks, "desk import")
            .await?;
        let parsed: DeskFile = toml::from_str(toml_text)
            .map_err(|e| ServiceError::Invalid(format!("the desk file is not valid: {e}")))?;
        for (i, d) in parsed.desk.iter().enumerate() {
            check_id(&d.id, &format!("desk {}", i + 1))?;
            check_pillars(&d.pillars)?;
            self.level(&d.classification, &format!("desk {:?}", d.id))?;
        }
        let known: Vec<String> = self
            .inner
            .store
            .desks()
            .await?
            .into_iter()
            .map(|d| d.id)
            .collect();
        for (i, s) in parsed.situation.iter().enumerate() {
            check_id(&s.id, &format!("situation {}", i + 1))?;
            check_status(&s.status)?;
            self.level(&s.classification, &format!("situation {:?}", s.id))?;
            if let Some(desk) = &s.desk
                && !known.contains(desk)
                && !parsed.desk.iter().any(|d| &d.id == desk)
            {
                return Err(ServiceError::Invalid(format!(
                    "situation {:?}: no desk {desk:?} in the file or the store",
                    s.id
                )));
            }
        }
        for d in &parsed.desk {
            self.put_desk(
                caller,
                &d.id,
                &d.name,
                DeskDefinition {
                    places: d.places.clone(),
                    entities: d.entities.clone(),
                    documents: d.documents.clone(),
                    pillars: d.pillars.clone(),
                    keywords: d.keywords.clone(),
                },
                d.officers.clone(),
                self.level(&d.classification, "desk")?,
            )
            .await?;
        }
        for s in &parsed.situation {
            self.save_situation(
                caller,
                SituationChange {
                    id: s.id.clone(),
                    title: Some(s.title.clone()),
                    query: Some(s.query.clone()),
                    desk: s.desk.clone(),
                    owner: s.owner.clone(),
                    status: Some(s.status.clone()),
                    classification: s.classification.clone(),
                },
            )
            .await?;
        }
        Ok(Imported {
            desks: parsed.desk.len(),
            situations: parsed.situation.len(),
        })
    }

    fn sees_situation(caller: &Caller, s: &Situation) -> bool {
        Self::sees_every_desk(caller)
            || s.owner.as_deref() == Some(caller.username())
            || s.desk_id
                .as_ref()
                .is_some_and(|d| caller.principal.desks.contains(d))
    }

    /// Situations the caller may see, most recently changed first.
    pub async fn situations(
        &self,
        caller: &Caller,
        filter: &SituationFilter,
    ) -> Result<Vec<Situation>, ServiceError> {
        self.authorize(caller, Action::Read, "situations").await?;
        if let Some(s) = &filter.status {
            check_status(s)?;
        }
        let list = self.view(caller).situations(filter).await?;
        let list: Vec<Situation> = list
            .into_iter()
            .filter(|s| Self::sees_situation(caller, s))
            .collect();
        let shown: Vec<(String, i32)> = list
            .iter()
            .map(|s| (format!("situation:{}", s.id), s.classification))
            .collect();
        self.record_read(caller, "read", "situations", &shown)
            .await?;
        Ok(list)
    }

    /// One situation with its history.
    pub async fn situation(
        &self,
        caller: &Caller,
        id: &str,
    ) -> Result<(Situation, Vec<SituationEntry>), ServiceError> {
        self.authorize(caller, Action::Read, id).await?;
        let found = self.view(caller).situation(id).await?;
        let Some((s, history)) = found.filter(|(s, _)| Self::sees_situation(caller, s)) else {
            return Err(ServiceError::NotFound(format!(
                "no situation {id:?} among yours; the situation list shows them"
            )));
        };
        self.record_read(
            caller,
            "read",
            &format!("situation:{id}"),
            &[(format!("situation:{id}"), s.classification)],
        )
        .await?;
        Ok((s, history))
    }

    /// Whether the caller has a reason to touch a situation (beyond their role allowing it).
    fn involved(caller: &Caller, s: &Situation) -> bool {
        matches!(
            caller.principal.role,
            Role::Administrator | Role::Leadership
        ) || s.owner.as_deref() == Some(caller.username())
            || s.desk_id
                .as_ref()
                .is_some_and(|d| caller.principal.desks.contains(d))
            || (caller.principal.role == Role::MissionHead && Self::sees_situation(caller, s))
    }

    async fn refuse(&self, caller: &Caller, target: &str, why: &str) -> ServiceError {
        if let Err(e) = self
            .record(
                caller,
                "permission",
                target,
                "denied",
                0,
                serde_json::json!({ "reason": why }),
            )
            .await
        {
            return e;
        }
        ServiceError::Forbidden(why.to_owned())
    }

    /// Opens a situation or changes one. Status changes need the update permission; opening,
    /// assigning, re-scoping or reclassifying need the assign permission.
    pub async fn save_situation(
        &self,
        caller: &Caller,
        change: SituationChange,
    ) -> Result<Situation, ServiceError> {
        let target = format!("situation:{}", change.id);
        self.authorize(caller, Action::UpdateSituation, &target)
            .await?;
        check_id(&change.id, "situation")?;
        if let Some(s) = &change.status {
            check_status(s)?;
        }
        let level = match &change.classification {
            Some(_) => Some(self.level(&change.classification, "classification")?),
            None => None,
        };
        if level.is_some_and(|l| l > caller.principal.clearance) {
            return Err(ServiceError::Forbidden(
                "you cannot classify a situation above your own clearance".to_owned(),
            ));
        }
        let now = now_ms();
        let existing = self.view(caller).situation(&change.id).await?;
        let assigns = existing.is_none()
            || change.owner.is_some()
            || change.desk.is_some()
            || change.query.is_some()
            || change.title.is_some()
            || level.is_some();
        if assigns {
            self.authorize(caller, Action::AssignSituation, &target)
                .await?;
        }
        let situation = match existing {
            Some((old, _)) => {
                if !Self::sees_situation(caller, &old) {
                    return Err(ServiceError::NotFound(format!(
                        "no situation {:?} among yours",
                        change.id
                    )));
                }
                if !Self::involved(caller, &old) {
                    return Err(self
                        .refuse(
                            caller,
                            &target,
                            "you can change only situations you own or of desks you work on",
                        )
                        .await);
                }
                let mut s = old.clone();
                if let Some(v) = change.status {
                    s.status = v;
                }
                if let Some(v) = change.owner {
                    s.owner = Some(v.trim().to_lowercase()).filter(|o| !o.is_empty());
                }
                if let Some(v) = change.title {
                    s.title = tre_text::normalize(v.trim());
                }
                if let Some(v) = change.query {
                    s.query = tre_text::normalize(v.trim());
                }
                if let Some(v) = change.desk {
                    s.desk_id = Some(v).filter(|d| !d.is_empty());
                }
                if let Some(l) = level {
                    s.classification = l;
                }
                s.updated_at = now.max(old.updated_at);
                s
            }
            None => {
                let (Some(title), Some(query)) = (change.title, change.query) else {
                    return Err(ServiceError::Invalid(format!(
                        "no situation {:?} yet; to open one give its title and the search \
                         that defines it",
                        change.id
                    )));
                };
                if self.inner.store.situation(&change.id).await?.is_some() {
                    // It exists above the caller's clearance: the id cannot be reused, and
                    // saying why would reveal it.
                    return Err(ServiceError::Invalid(format!(
                        "situation id {:?} cannot be used; choose another",
                        change.id
                    )));
                }
                Situation {
                    id: change.id.clone(),
                    desk_id: change.desk.filter(|d| !d.is_empty()),
                    title: tre_text::normalize(title.trim()),
                    query: tre_text::normalize(query.trim()),
                    owner: change
                        .owner
                        .map(|o| o.trim().to_lowercase())
                        .filter(|o| !o.is_empty()),
                    status: change.status.unwrap_or_else(default_status),
                    created_at: now,
                    updated_at: now,
                    last_briefed_day: None,
                    classification: level.unwrap_or(0),
                }
            }
        };
        if situation.title.is_empty() || situation.query.is_empty() {
            return Err(ServiceError::Invalid(
                "a situation needs a title and a search query".to_owned(),
            ));
        }
        if let Some(d) = &situation.desk_id
            && self.view(caller).desk(d).await?.is_none()
        {
            return Err(ServiceError::Invalid(format!(
                "no desk {d:?}; the desk list shows them"
            )));
        }
        if !Self::involved(caller, &situation) && !Self::sees_every_desk(caller) {
            return Err(self
                .refuse(
                    caller,
                    &target,
                    "you can open situations only on desks you work on",
                )
                .await);
        }
        self.inner
            .store
            .put_situation(&situation, caller.username())
            .await?;
        self.record(
            caller,
            "change",
            &target,
            "ok",
            situation.classification,
            serde_json::json!({ "status": situation.status, "owner": situation.owner }),
        )
        .await?;
        Ok(situation)
    }

    /// Acknowledges a situation (the officer has seen its latest news), with an optional note;
    /// or adds a note (`ack` false).
    pub async fn note_situation(
        &self,
        caller: &Caller,
        id: &str,
        ack: bool,
        note: Option<&str>,
    ) -> Result<(), ServiceError> {
        let target = format!("situation:{id}");
        self.authorize(caller, Action::UpdateSituation, &target)
            .await?;
        let found = self.view(caller).situation(id).await?;
        let Some((s, _)) = found.filter(|(s, _)| Self::sees_situation(caller, s)) else {
            return Err(ServiceError::NotFound(format!(
                "no situation {id:?} among yours; the situation list shows them"
            )));
        };
        if !Self::involved(caller, &s) {
            return Err(self
                .refuse(
                    caller,
                    &target,
                    "you can note only situations you own or of desks you work on",
                )
                .await);
        }
        let note = note
            .map(|n| tre_text::normalize(n.trim()))
            .filter(|n| !n.is_empty());
        if !ack && note.is_none() {
            return Err(ServiceError::Invalid("the note is empty".to_owned()));
        }
        self.inner
            .store
            .log_situation(
                id,
                now_ms().max(s.updated_at),
                caller.username(),
                if ack { "ack" } else { "note" },
                note.as_deref(),
            )
            .await?;
        self.record(
            caller,
            "change",
            &target,
            "ok",
            s.classification,
            serde_json::json!({ "kind": if ack { "ack" } else { "note" } }),
        )
        .await
    }
}
