//! Embedded, versioned schema migrations, checked the same way on every backend.
//!
//! Each backend keeps its SQL in its own `migrations/` folder (the dialects differ) under the
//! same version numbers and names; the backend executes, this module decides what to execute.
//! An applied migration is never edited: its checksum is recorded and compared on every open.

use crate::StoreError;
use sha2::{Digest, Sha256};

/// One schema step, embedded in the binary.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

impl Migration {
    /// Checksum of the SQL text, recorded when the migration is applied.
    pub fn checksum(&self) -> String {
        let d = Sha256::digest(self.sql.as_bytes());
        d.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// A migration recorded as applied in a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedMigration {
    pub version: i64,
    pub name: String,
    pub checksum: String,
}

/// The migrations still to apply, in order, or why the store cannot be used by this binary.
pub fn pending<'a>(
    known: &'a [Migration],
    applied: &[AppliedMigration],
) -> Result<Vec<&'a Migration>, StoreError> {
    for w in known.windows(2) {
        if w[0].version >= w[1].version {
            return Err(StoreError::Schema(format!(
                "embedded migrations out of order at version {}",
                w[1].version
            )));
        }
    }
    for a in applied {
        match known.iter().find(|m| m.version == a.version) {
            None => {
                return Err(StoreError::Schema(format!(
                    "the store has schema version {} ({}), which this version of tre does not \
                     know; it was written by a newer tre: upgrade tre to use it",
                    a.version, a.name
                )));
            }
            Some(m) if m.checksum() != a.checksum => {
                return Err(StoreError::Schema(format!(
                    "migration {} ({}) differs from the one applied to this store; migrations \
                     must never be edited once released",
                    m.version, m.name
                )));
            }
            Some(_) => {}
        }
    }
    Ok(known
        .iter()
        .filter(|m| !applied.iter().any(|a| a.version == m.version))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: &[Migration] = &[
        Migration {
            version: 1,
            name: "a",
            sql: "create table a (x int)",
        },
        Migration {
            version: 2,
            name: "b",
            sql: "create table b (x int)",
        },
    ];

    fn applied(m: &Migration) -> AppliedMigration {
        AppliedMigration {
            version: m.version,
            name: m.name.to_owned(),
            checksum: m.checksum(),
        }
    }

    #[test]
    fn applies_only_what_is_missing() {
        let p = pending(M, &[applied(&M[0])]).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].version, 2);
        assert!(
            pending(M, &[applied(&M[0]), applied(&M[1])])
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn refuses_edited_or_newer_schema() {
        let mut edited = applied(&M[0]);
        edited.checksum = "00".into();
        let e = pending(M, &[edited]).unwrap_err().to_string();
        assert!(e.contains("never be edited"), "{e}");
        let newer = AppliedMigration {
            version: 9,
            name: "future".into(),
            checksum: "x".into(),
        };
        let e = pending(M, &[newer]).unwrap_err().to_string();
        assert!(e.contains("upgrade tre"), "{e}");
    }
}
