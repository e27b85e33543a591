//! The signed-in user as the rest of tre sees them, and what their queries are restricted to.

use crate::policy::Role;
use serde::Serialize;

/// Which records a user may see by what they concern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "countries")]
pub enum Scope {
    /// The whole service: ministry desks, leadership, administrators.
    Global,
    /// Records concerning these countries (ISO 3166-1 alpha-2 codes, upper case): a mission's
    /// host country and the countries it is accredited to, plus any granted.
    Countries(Vec<String>),
}

impl Scope {
    /// Parses the stored form: `*` for global, otherwise country codes separated by spaces or
    /// commas. An empty list is a scope that sees nothing scoped.
    pub fn parse(text: &str) -> Result<Scope, String> {
        let t = text.trim();
        if t == "*" || t.eq_ignore_ascii_case("global") {
            return Ok(Scope::Global);
        }
        let mut codes = Vec::new();
        for c in t.split([' ', ',', ';']).filter(|c| !c.is_empty()) {
            if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                return Err(format!(
                    "{c:?} is not a country code; give two-letter ISO codes such as JP or US \
                     (or * for the whole service)"
                ));
            }
            let c = c.to_ascii_uppercase();
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
        codes.sort();
        Ok(Scope::Countries(codes))
    }

    /// The stored form (see [`Scope::parse`]).
    pub fn to_stored(&self) -> String {
        match self {
            Scope::Global => "*".to_owned(),
            Scope::Countries(c) => c.join(" "),
        }
    }
}

/// A user acting in tre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Principal {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The highest classification rank this user may see.
    pub clearance: i32,
    pub scope: Scope,
    /// The mission the user belongs to (its code), if any.
    pub mission: Option<String>,
    /// The desks the user is assigned to.
    pub desks: Vec<String>,
}

impl Principal {
    /// The operator of the command line on the machine holding the data: whoever can run `tre`
    /// against the store can read its files anyway, so they act as an administrator with every
    /// clearance. Their actions are still audited, under `name` (the operating-system user).
    pub fn operator(name: &str) -> Principal {
        Principal {
            user_id: format!("cli:{name}"),
            username: format!("cli:{name}"),
            display_name: format!("{name} (command line)"),
            role: Role::Administrator,
            clearance: i32::MAX,
            scope: Scope::Global,
            mission: None,
            desks: Vec::new(),
        }
    }

    /// What this user's queries must be restricted to.
    pub fn visibility(&self) -> Visibility {
        Visibility {
            max_level: self.clearance,
            countries: match &self.scope {
                Scope::Global => None,
                Scope::Countries(c) => Some(c.clone()),
            },
        }
    }

    /// Whether this user may see a record of `level` concerning `countries`.
    pub fn may_see(&self, level: i32, countries: &[String]) -> bool {
        self.visibility().allows(level, countries)
    }
}

/// The restriction a query runs under: records at or below `max_level`, and, when `countries`
/// is set, only records concerning at least one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visibility {
    pub max_level: i32,
    pub countries: Option<Vec<String>>,
}

impl Visibility {
    /// No restriction (maintenance jobs that derive data from everything, never a user's
    /// reads).
    pub fn all() -> Visibility {
        Visibility {
            max_level: i32::MAX,
            countries: None,
        }
    }

    pub fn is_unrestricted(&self) -> bool {
        self.max_level == i32::MAX && self.countries.is_none()
    }

    pub fn allows(&self, level: i32, countries: &[String]) -> bool {
        level <= self.max_level
            && match &self.countries {
                None => true,
                Some(mine) => countries.iter().any(|c| mine.contains(c)),
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(clearance: i32, scope: &str) -> Principal {
        Principal {
            user_id: "u1".into(),
            username: "lan".into(),
            display_name: "Lan".into(),
            role: Role::MissionOfficer,
            clearance,
            scope: Scope::parse(scope).unwrap(),
            mission: Some("dsq-tokyo".into()),
            desks: vec![],
        }
    }

    #[test]
    fn a_mission_officer_sees_their_countries_up_to_their_clearance() {
        let u = user(20, "jp");
        let jp = vec!["JP".to_owned(), "VN".to_owned()];
        let us = vec!["US".to_owned()];
        assert!(u.may_see(0, &jp));
        assert!(u.may_see(20, &jp));
        assert!(!u.may_see(30, &jp), "above clearance");
        assert!(!u.may_see(0, &us), "outside scope");
        assert!(!u.may_see(0, &[]), "concerns no country: not theirs");
        let g = user(0, "*");
        assert!(g.may_see(0, &[]) && g.may_see(0, &us) && !g.may_see(10, &us));
    }

    #[test]
    fn scopes_parse_and_print() {
        assert_eq!(Scope::parse(" * ").unwrap(), Scope::Global);
        let s = Scope::parse("us, jp JP").unwrap();
        assert_eq!(s, Scope::Countries(vec!["JP".into(), "US".into()]));
        assert_eq!(s.to_stored(), "JP US");
        assert!(Scope::parse("Japan").unwrap_err().contains("ISO"));
        assert_eq!(Scope::parse("").unwrap(), Scope::Countries(vec![]));
    }
}
