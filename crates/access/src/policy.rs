//! Which role may do what: the one table every front end goes through.
//!
//! Role decides *which actions* a user may take; clearance and scope decide *which records*
//! those actions reach (see [`crate::Principal::may_see`]). Both checks run in the service
//! layer for every use case.

use crate::principal::Principal;
use serde::{Deserialize, Serialize};

/// A user's role in the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages accounts, desks and the system; reads the audit log.
    Administrator,
    /// Ministry leadership: reads everything their clearance allows, assigns situations.
    Leadership,
    /// A ministry desk officer: reads, follows situations, maintains their desks.
    DeskOfficer,
    /// A head of mission: a mission officer who also assigns the mission's situations.
    MissionHead,
    /// A mission officer: reads what concerns their mission, follows situations.
    MissionOfficer,
    /// A consular officer: as a mission officer, for citizen protection.
    ConsularOfficer,
    /// Reads and searches; exports nothing, changes nothing.
    ReadOnly,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Administrator,
        Role::Leadership,
        Role::DeskOfficer,
        Role::MissionHead,
        Role::MissionOfficer,
        Role::ConsularOfficer,
        Role::ReadOnly,
    ];

    /// The stored and typed key (`desk_officer`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Leadership => "leadership",
            Role::DeskOfficer => "desk_officer",
            Role::MissionHead => "mission_head",
            Role::MissionOfficer => "mission_officer",
            Role::ConsularOfficer => "consular_officer",
            Role::ReadOnly => "read_only",
        }
    }

    /// The Vietnamese name shown in the application.
    pub fn name_vi(self) -> &'static str {
        match self {
            Role::Administrator => "Quản trị hệ thống",
            Role::Leadership => "Lãnh đạo",
            Role::DeskOfficer => "Cán bộ địa bàn",
            Role::MissionHead => "Trưởng Cơ quan đại diện",
            Role::MissionOfficer => "Cán bộ Cơ quan đại diện",
            Role::ConsularOfficer => "Cán bộ lãnh sự",
            Role::ReadOnly => "Chỉ đọc",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Role::Administrator => "Administrator",
            Role::Leadership => "Leadership",
            Role::DeskOfficer => "Desk officer",
            Role::MissionHead => "Head of mission",
            Role::MissionOfficer => "Mission officer",
            Role::ConsularOfficer => "Consular officer",
            Role::ReadOnly => "Read-only",
        }
    }

    pub fn parse(text: &str) -> Result<Role, String> {
        let t = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Role::ALL.into_iter().find(|r| r.key() == t).ok_or_else(|| {
            format!(
                "{text:?} is not a role; use one of {}",
                Role::ALL.map(|r| r.key()).join(", ")
            )
        })
    }

    /// Roles that belong to a mission abroad and are scoped to it by default.
    pub fn is_mission_role(self) -> bool {
        matches!(
            self,
            Role::MissionHead | Role::MissionOfficer | Role::ConsularOfficer
        )
    }
}

/// What a user asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Search articles; read articles, entities, events, trends, stories, briefings shown on
    /// screen.
    Read,
    /// Download a briefing or search results as a file (DOCX, Markdown, JSON).
    Export,
    /// Change a situation's status, acknowledge it, add a note.
    UpdateSituation,
    /// Assign a situation to an officer, open or close one.
    AssignSituation,
    /// Create or change desks and their watchlists.
    ManageDesks,
    /// Create, change, disable accounts; reset passwords; revoke sessions.
    ManageUsers,
    /// Read and search the audit log; verify its chain.
    ReadAudit,
    /// Ingest articles, rebuild the index, re-run extraction.
    Maintain,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Read,
        Action::Export,
        Action::UpdateSituation,
        Action::AssignSituation,
        Action::ManageDesks,
        Action::ManageUsers,
        Action::ReadAudit,
        Action::Maintain,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Export => "export",
            Action::UpdateSituation => "update_situation",
            Action::AssignSituation => "assign_situation",
            Action::ManageDesks => "manage_desks",
            Action::ManageUsers => "manage_users",
            Action::ReadAudit => "read_audit",
            Action::Maintain => "maintain",
        }
    }
}

/// The outcome of a permission check, with the reason shown to the user and written to the
/// audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub allowed: bool,
    pub reason: String,
}

/// Whether `role` may take `action` at all (before any record-level check).
pub fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    use Role::*;
    match action {
        Read => true,
        Export => role != ReadOnly,
        UpdateSituation => role != ReadOnly,
        AssignSituation => matches!(role, Administrator | Leadership | DeskOfficer | MissionHead),
        ManageDesks => matches!(role, Administrator | Leadership | DeskOfficer),
        ManageUsers | ReadAudit | Maintain => role == Administrator,
    }
}

/// The decision for `principal` taking `action`.
pub fn decide(principal: &Principal, action: Action) -> Decision {
    if role_allows(principal.role, action) {
        Decision {
            allowed: true,
            reason: format!("role {} may {}", principal.role.key(), action.key()),
        }
    } else {
        Decision {
            allowed: false,
            reason: format!(
                "your role ({}) does not allow this ({}); ask an administrator if you need it",
                principal.role.name_en(),
                action.key()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_is_what_the_roles_mean() {
        // Everyone reads; read-only changes and exports nothing.
        for r in Role::ALL {
            assert!(role_allows(r, Action::Read));
        }
        for a in Action::ALL.into_iter().filter(|a| *a != Action::Read) {
            assert!(!role_allows(Role::ReadOnly, a), "{a:?}");
        }
        // Only administrators manage users, read the audit log, maintain.
        for a in [Action::ManageUsers, Action::ReadAudit, Action::Maintain] {
            let who: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|r| role_allows(*r, a))
                .collect();
            assert_eq!(who, [Role::Administrator], "{a:?}");
        }
        assert!(role_allows(Role::MissionHead, Action::AssignSituation));
        assert!(!role_allows(Role::MissionOfficer, Action::AssignSituation));
        assert!(role_allows(Role::ConsularOfficer, Action::UpdateSituation));
        assert!(!role_allows(Role::MissionHead, Action::ManageDesks));
    }

    #[test]
    fn roles_parse_from_what_people_type() {
        assert_eq!(Role::parse("Desk officer").unwrap(), Role::DeskOfficer);
        assert_eq!(Role::parse("read-only").unwrap(), Role::ReadOnly);
        assert!(Role::parse("king").unwrap_err().contains("administrator"));
    }
}
