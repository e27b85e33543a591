//! Classification levels.
//!
//! Every record in tre carries a level; a user sees a record when their clearance is at least
//! its level. Levels are stored as ranks (integers) so that the comparison is the same in Rust,
//! in SQL and in the search index. The default ranks are spaced by ten so that an organisation
//! can insert a level of its own between two existing ones (in `levels.toml`) without
//! renumbering what is already stored.
//!
//! The defaults follow the Law on Protection of State Secrets (Luật Bảo vệ bí mật nhà nước
//! 2018): *Mật*, *Tối mật*, *Tuyệt mật*, below them ordinary (*Thường*) records, and an
//! internal *Hạn chế* ("restricted": not a state secret, not for outside the service).

use serde::{Deserialize, Serialize};

/// One classification level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// The stored rank; higher is more secret. `0` is the lowest level, which every account can
    /// see.
    pub rank: i32,
    /// A short ASCII key for command lines and URLs (`mat`, `toi-mat`).
    pub key: String,
    /// The Vietnamese name, as it is stamped on documents (`MẬT` is `Mật` upper-cased).
    pub name: String,
    /// The English name.
    pub name_en: String,
}

/// The ordered set of levels in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Levels {
    levels: Vec<Level>,
}

#[derive(Deserialize)]
struct LevelsFile {
    level: Vec<Level>,
}

impl Default for Levels {
    fn default() -> Self {
        let l = |rank, key: &str, name: &str, name_en: &str| Level {
            rank,
            key: key.to_owned(),
            name: name.to_owned(),
            name_en: name_en.to_owned(),
        };
        Levels {
            levels: vec![
                l(0, "thuong", "Thường", "Unclassified"),
                l(10, "han-che", "Hạn chế", "Restricted"),
                l(20, "mat", "Mật", "Confidential"),
                l(30, "toi-mat", "Tối mật", "Secret"),
                l(40, "tuyet-mat", "Tuyệt mật", "Top secret"),
            ],
        }
    }
}

impl Levels {
    /// Levels from a TOML file's text:
    ///
    /// ```toml
    /// [[level]]
    /// rank = 0
    /// key = "thuong"
    /// name = "Thường"
    /// name_en = "Unclassified"
    /// ```
    ///
    /// Ranks must be distinct and one of them `0`; keys distinct and non-empty.
    pub fn from_toml(text: &str) -> Result<Levels, String> {
        let file: LevelsFile = toml::from_str(text).map_err(|e| {
            format!("the classification levels file is not valid TOML of [[level]] tables: {e}")
        })?;
        Levels::new(file.level)
    }

    pub fn new(mut levels: Vec<Level>) -> Result<Levels, String> {
        levels.sort_by_key(|l| l.rank);
        if levels.first().map(|l| l.rank) != Some(0) {
            return Err(
                "the classification levels need one level of rank 0 (the lowest, \
                 which every account may see) and no negative ranks"
                    .to_owned(),
            );
        }
        for w in levels.windows(2) {
            if w[0].rank == w[1].rank {
                return Err(format!(
                    "two classification levels have rank {}: {:?} and {:?}",
                    w[0].rank, w[0].name, w[1].name
                ));
            }
        }
        for (i, l) in levels.iter().enumerate() {
            if l.key.trim().is_empty() || l.name.trim().is_empty() {
                return Err(format!(
                    "classification level of rank {} needs a key and a name",
                    l.rank
                ));
            }
            if levels[..i].iter().any(|o| o.key == l.key) {
                return Err(format!("two classification levels have key {:?}", l.key));
            }
        }
        Ok(Levels { levels })
    }

    pub fn all(&self) -> &[Level] {
        &self.levels
    }

    /// The lowest level (rank 0).
    pub fn lowest(&self) -> &Level {
        &self.levels[0]
    }

    /// The highest level.
    pub fn highest(&self) -> &Level {
        self.levels.last().unwrap_or(&self.levels[0])
    }

    /// The level of exactly this rank.
    pub fn get(&self, rank: i32) -> Option<&Level> {
        self.levels.iter().find(|l| l.rank == rank)
    }

    /// The level a stored rank falls under: the highest level whose rank is at most `rank`
    /// (so a record stored under a level since removed is still shown under the one below it,
    /// and still protected by its own rank).
    pub fn at(&self, rank: i32) -> &Level {
        self.levels
            .iter()
            .rev()
            .find(|l| l.rank <= rank)
            .unwrap_or(&self.levels[0])
    }

    /// The level a user typed: its key, its Vietnamese or English name (case and diacritics
    /// ignored: `toi mat`, `Tối mật`, `secret`) or its rank.
    pub fn parse(&self, text: &str) -> Result<&Level, String> {
        let want = tre_text::fold(text.trim()).replace(['-', '_'], " ");
        let want = want.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Ok(rank) = want.parse::<i32>()
            && let Some(l) = self.get(rank)
        {
            return Ok(l);
        }
        let norm = |s: &str| {
            tre_text::fold(s)
                .replace(['-', '_'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        self.levels
            .iter()
            .find(|l| norm(&l.key) == want || norm(&l.name) == want || norm(&l.name_en) == want)
            .ok_or_else(|| {
                format!(
                    "{text:?} is not a classification level; use one of {}",
                    self.levels
                        .iter()
                        .map(|l| format!("{} ({})", l.key, l.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
    }

    /// The stamp a document at `rank` carries (`MẬT`), or `None` at the lowest level, which is
    /// not stamped.
    pub fn stamp(&self, rank: i32) -> Option<String> {
        (rank > 0).then(|| self.at(rank).name.to_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_levels_are_found_however_written() {
        let l = Levels::default();
        for t in ["mat", "Mật", "MẬT", "confidential", "20"] {
            assert_eq!(l.parse(t).unwrap().rank, 20, "{t}");
        }
        for t in ["toi mat", "Tối mật", "toi-mat", "secret"] {
            assert_eq!(l.parse(t).unwrap().rank, 30, "{t}");
        }
        assert_eq!(l.parse("top secret").unwrap().rank, 40);
        assert_eq!(l.parse("han che").unwrap().rank, 10);
        let err = l.parse("very secret").unwrap_err();
        assert!(err.contains("tuyet-mat (Tuyệt mật)"), "{err}");
    }

    #[test]
    fn a_configured_level_can_sit_between_two_defaults() {
        let text = r#"
            [[level]]
            rank = 0
            key = "thuong"
            name = "Thường"
            name_en = "Unclassified"
            [[level]]
            rank = 15
            key = "noi-bo"
            name = "Nội bộ"
            name_en = "Internal"
            [[level]]
            rank = 20
            key = "mat"
            name = "Mật"
            name_en = "Confidential"
        "#;
        let l = Levels::from_toml(text).unwrap();
        assert_eq!(l.parse("noi bo").unwrap().rank, 15);
        assert_eq!(l.at(17).key, "noi-bo");
        assert_eq!(
            l.at(45).key,
            "mat",
            "a removed higher level shows as the top one"
        );
        assert_eq!(l.stamp(15).as_deref(), Some("NỘI BỘ"));
        assert_eq!(l.stamp(0), None);
        assert!(
            Levels::from_toml("[[level]]\nrank = 5\nkey = \"x\"\nname = \"X\"\nname_en = \"X\"")
                .is_err()
        );
        assert!(Levels::from_toml("nonsense").unwrap_err().contains("TOML"));
    }
}
