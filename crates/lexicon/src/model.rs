//! The typed records of each lexicon file and how one line becomes one record.

use crate::error::Problem;
use crate::tsv::{Line, Schema, split_list};

/// Where a record was read from, for error messages and for a user who wonders which file won.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

/// The years an entity existed under its name, both ends inclusive; `None` = unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Period {
    pub fn contains(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| year <= t)
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        let lo = self
            .from
            .unwrap_or(i32::MIN)
            .max(other.from.unwrap_or(i32::MIN));
        let hi = self
            .to
            .unwrap_or(i32::MAX)
            .min(other.to.unwrap_or(i32::MAX));
        lo <= hi
    }

    /// Still in existence (no end year).
    pub fn is_open(&self) -> bool {
        self.to.is_none()
    }
}

/// A country's relation to the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnStatus {
    Member,
    Observer,
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    /// The name Vietnamese press and the foreign ministry use.
    pub name: String,
    pub variants: Vec<String>,
    pub english: String,
    /// Capitals as Vietnamese writes them, preferred form first (several where a country has
    /// several capitals).
    pub capitals: Vec<String>,
    pub capital_en: String,
    pub region: String,
    pub continent: String,
    pub un: UnStatus,
    pub asean_since: Option<i32>,
    pub period: Period,
    pub note: String,
    pub origin: Origin,
}

impl Country {
    pub fn is_asean_member(&self, year: i32) -> bool {
        self.asean_since.is_some_and(|y| y <= year) && self.period.contains(year)
    }
}

/// The two kinds of province-level unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvinceType {
    /// tỉnh
    Province,
    /// thành phố trực thuộc trung ương
    CentralCity,
}

impl ProvinceType {
    pub fn as_str(self) -> &'static str {
        match self {
            ProvinceType::Province => "tỉnh",
            ProvinceType::CentralCity => "thành phố trực thuộc trung ương",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Province {
    pub name: String,
    pub kind: ProvinceType,
    pub variants: Vec<String>,
    pub region: String,
    pub period: Period,
    /// The unit this one was merged into or renamed to when it ended.
    pub successor: Option<String>,
    pub note: String,
    pub origin: Origin,
}

/// How sure the data is of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    Sure,
    Likely,
}

#[derive(Debug, Clone, PartialEq)]
pub struct District {
    pub name: String,
    /// quận, huyện, thị xã or thành phố.
    pub kind: String,
    /// The canonical name of its province (a row of provinces.tsv).
    pub province: String,
    pub variants: Vec<String>,
    pub period: Period,
    pub certainty: Option<Certainty>,
    pub note: String,
    pub origin: Origin,
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            fn expected() -> String {
                $name::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

string_enum! {
    /// What kind of body an organisation is.
    OrgKind {
        Party = "party",
        PartyOrgan = "party_organ",
        PartyCommittee = "party_committee",
        StateOrgan = "state_organ",
        AssemblyBody = "assembly_body",
        Ministry = "ministry",
        MinistryLevel = "ministry_level",
        GovAgency = "gov_agency",
        Court = "court",
        Procuracy = "procuracy",
        MofaUnit = "mofa_unit",
        MassOrg = "mass_org",
        NewsAgency = "news_agency",
        Outlet = "outlet",
        IntlOrg = "intl_org",
        ForeignParty = "foreign_party",
        Company = "company",
        Other = "other",
    }
}

string_enum! {
    /// Which branch a title belongs to.
    TitleKind {
        Party = "party",
        State = "state",
        Government = "government",
        Assembly = "assembly",
        Judicial = "judicial",
        Diplomatic = "diplomatic",
        Military = "military",
        Local = "local",
        Foreign = "foreign",
        International = "international",
        Generic = "generic",
    }
}

string_enum! {
    /// What usually follows a title's head word.
    Complement {
        /// The title is complete as written ("Tổng Bí thư", "Ủy viên Bộ Chính trị").
        None = "none",
        /// An organisation or sector follows ("Bộ trưởng Ngoại giao", "Trưởng Ban Đối ngoại Trung ương").
        Org = "org",
        /// A place follows ("Bí thư Tỉnh ủy Cao Bằng", "Đại sứ Việt Nam tại Nhật Bản").
        Place = "place",
        /// May stand alone or take a complement ("Thủ tướng", "Thủ tướng Nhật Bản").
        Optional = "optional",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organization {
    pub name: String,
    pub kind: OrgKind,
    pub aliases: Vec<String>,
    pub english: String,
    /// Canonical name of the parent organisation (a row of organizations.tsv).
    pub parent: Option<String>,
    pub period: Period,
    pub note: String,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// The post as written before its complement.
    pub head: String,
    pub kind: TitleKind,
    /// Protocol weight: higher is more senior.
    pub rank: i32,
    pub complement: Complement,
    pub aliases: Vec<String>,
    pub english: String,
    pub period: Period,
    pub note: String,
    pub origin: Origin,
}

/// A post a person held, as written ("Tổng Bí thư", "Thủ tướng Nhật Bản"), with its years.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub title: String,
    pub period: Period,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    /// The international form of the name (Xi Jinping for Tập Cận Bình).
    pub international: String,
    /// ISO 3166 alpha-2 code of the person's country, when given.
    pub nationality: Option<String>,
    pub posts: Vec<Post>,
    pub source: String,
    pub note: String,
    pub origin: Origin,
}

impl Person {
    /// The posts held in `year`.
    pub fn posts_at(&self, year: i32) -> impl Iterator<Item = &Post> {
        self.posts.iter().filter(move |p| p.period.contains(year))
    }
}

pub(crate) static COUNTRIES: Schema = Schema {
    columns: &[
        "iso2",
        "iso3",
        "name",
        "variants",
        "english",
        "capital",
        "capital_en",
        "region",
        "continent",
        "un",
        "asean_since",
        "valid_from",
        "valid_to",
        "note",
    ],
    required: &["iso2", "iso3", "name"],
};

pub(crate) static PROVINCES: Schema = Schema {
    columns: &[
        "name",
        "type",
        "variants",
        "region",
        "valid_from",
        "valid_to",
        "successor",
        "note",
    ],
    required: &["name", "type"],
};

pub(crate) static DISTRICTS: Schema = Schema {
    columns: &[
        "name",
        "type",
        "province",
        "variants",
        "valid_from",
        "valid_to",
        "certainty",
        "note",
    ],
    required: &["name", "type", "province"],
};

pub(crate) static ORGANIZATIONS: Schema = Schema {
    columns: &[
        "name",
        "kind",
        "aliases",
        "english",
        "parent",
        "valid_from",
        "valid_to",
        "note",
    ],
    required: &["name", "kind"],
};

pub(crate) static TITLES: Schema = Schema {
    columns: &[
        "head",
        "kind",
        "rank",
        "complement",
        "aliases",
        "english",
        "valid_from",
        "valid_to",
        "note",
    ],
    required: &["head", "kind", "rank"],
};

pub(crate) static PERSONS: Schema = Schema {
    columns: &[
        "name",
        "aliases",
        "international",
        "nationality",
        "posts",
        "source",
        "note",
    ],
    required: &["name"],
};

/// Collects the problems of one line; a line with any problem yields no record.
pub(crate) struct Check<'a> {
    file: &'a str,
    line: &'a Line,
    problems: &'a mut Vec<Problem>,
    failed: bool,
}

impl<'a> Check<'a> {
    pub fn new(file: &'a str, line: &'a Line, problems: &'a mut Vec<Problem>) -> Self {
        Check {
            file,
            line,
            problems,
            failed: false,
        }
    }

    fn fail(&mut self, message: String) {
        self.failed = true;
        self.problems.push(Problem {
            file: self.file.to_owned(),
            line: self.line.number,
            message,
        });
    }

    fn origin(&self) -> Origin {
        Origin {
            file: self.file.to_owned(),
            line: self.line.number,
        }
    }

    fn text(&self, col: &str) -> String {
        self.line.get(col).to_owned()
    }

    fn required(&mut self, col: &str) -> String {
        let v = self.line.get(col);
        if v.is_empty() {
            self.fail(format!("column `{col}` is empty; it is required"));
        }
        v.to_owned()
    }

    fn year(&mut self, col: &str) -> Option<i32> {
        let v = self.line.get(col);
        if v.is_empty() {
            return None;
        }
        match parse_year(v) {
            Some(y) => Some(y),
            None => {
                self.fail(format!(
                    "column `{col}`: `{v}` is not a year (expected four digits, e.g. 2008)"
                ));
                None
            }
        }
    }

    fn period(&mut self) -> Period {
        let period = Period {
            from: self.year("valid_from"),
            to: self.year("valid_to"),
        };
        if let (Some(f), Some(t)) = (period.from, period.to)
            && f > t
        {
            self.fail(format!("valid_from {f} is after valid_to {t}"));
        }
        period
    }

    fn option(&self, col: &str) -> Option<String> {
        let v = self.line.get(col);
        (!v.is_empty()).then(|| v.to_owned())
    }

    fn code(&mut self, col: &str, len: usize) -> String {
        let v = self.line.get(col).to_owned();
        if v.len() != len || !v.bytes().all(|b| b.is_ascii_uppercase()) {
            self.fail(format!(
                "column `{col}`: `{v}` is not {len} capital letters"
            ));
        }
        v
    }

    fn finish<T>(self, record: T) -> Option<T> {
        (!self.failed).then_some(record)
    }
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

pub(crate) fn country(mut c: Check<'_>) -> Option<Country> {
    let iso2 = c.code("iso2", 2);
    let iso3 = c.code("iso3", 3);
    let name = c.required("name");
    let un = match c.line.get("un") {
        "member" => UnStatus::Member,
        "observer" => UnStatus::Observer,
        "" | "none" => UnStatus::None,
        other => {
            c.fail(format!(
                "column `un`: `{other}` should be member, observer or none"
            ));
            UnStatus::None
        }
    };
    let asean_since = c.year("asean_since");
    let period = c.period();
    let record = Country {
        iso2,
        iso3,
        name,
        variants: c.line.list("variants"),
        english: c.text("english"),
        capitals: c.line.list("capital"),
        capital_en: c.text("capital_en"),
        region: c.text("region"),
        continent: c.text("continent"),
        un,
        asean_since,
        period,
        note: c.text("note"),
        origin: c.origin(),
    };
    c.finish(record)
}

pub(crate) fn province(mut c: Check<'_>) -> Option<Province> {
    let name = c.required("name");
    let kind = match c.line.get("type") {
        "tỉnh" => ProvinceType::Province,
        "thành phố trực thuộc trung ương" => ProvinceType::CentralCity,
        other => {
            c.fail(format!(
                "column `type`: `{other}` should be `tỉnh` or `thành phố trực thuộc trung ương`"
            ));
            ProvinceType::Province
        }
    };
    let period = c.period();
    let record = Province {
        name,
        kind,
        variants: c.line.list("variants"),
        region: c.text("region"),
        period,
        successor: c.option("successor"),
        note: c.text("note"),
        origin: c.origin(),
    };
    c.finish(record)
}

pub(crate) const DISTRICT_TYPES: &[&str] = &["quận", "huyện", "thị xã", "thành phố"];

pub(crate) fn district(mut c: Check<'_>) -> Option<District> {
    let name = c.required("name");
    let kind = c.text("type");
    if !DISTRICT_TYPES.contains(&kind.as_str()) {
        c.fail(format!(
            "column `type`: `{kind}` should be one of {}",
            DISTRICT_TYPES.join(", ")
        ));
    }
    let province = c.required("province");
    let certainty = match c.line.get("certainty") {
        "" => None,
        "sure" => Some(Certainty::Sure),
        "likely" => Some(Certainty::Likely),
        other => {
            c.fail(format!(
                "column `certainty`: `{other}` should be sure, likely or empty"
            ));
            None
        }
    };
    let period = c.period();
    let record = District {
        name,
        kind,
        province,
        variants: c.line.list("variants"),
        period,
        certainty,
        note: c.text("note"),
        origin: c.origin(),
    };
    c.finish(record)
}

pub(crate) fn organization(mut c: Check<'_>) -> Option<Organization> {
    let name = c.required("name");
    let kind_text = c.text("kind");
    let kind = OrgKind::parse(&kind_text).unwrap_or_else(|| {
        c.fail(format!(
            "column `kind`: `{kind_text}` should be one of {}",
            OrgKind::expected()
        ));
        OrgKind::Other
    });
    let period = c.period();
    let record = Organization {
        name,
        kind,
        aliases: c.line.list("aliases"),
        english: c.text("english"),
        parent: c.option("parent"),
        period,
        note: c.text("note"),
        origin: c.origin(),
    };
    c.finish(record)
}

pub(crate) fn title(mut c: Check<'_>) -> Option<Title> {
    let head = c.required("head");
    let kind_text = c.text("kind");
    let kind = TitleKind::parse(&kind_text).unwrap_or_else(|| {
        c.fail(format!(
            "column `kind`: `{kind_text}` should be one of {}",
            TitleKind::expected()
        ));
        TitleKind::Generic
    });
    let rank_text = c.text("rank");
    let rank = rank_text.parse::<i32>().unwrap_or_else(|_| {
        c.fail(format!(
            "column `rank`: `{rank_text}` is not a whole number"
        ));
        0
    });
    let complement_text = c.text("complement");
    let complement = if complement_text.is_empty() {
        Complement::None
    } else {
        Complement::parse(&complement_text).unwrap_or_else(|| {
            c.fail(format!(
                "column `complement`: `{complement_text}` should be one of {}",
                Complement::expected()
            ));
            Complement::None
        })
    };
    let period = c.period();
    let record = Title {
        head,
        kind,
        rank,
        complement,
        aliases: c.line.list("aliases"),
        english: c.text("english"),
        period,
        note: c.text("note"),
        origin: c.origin(),
    };
    c.finish(record)
}

pub(crate) fn person(mut c: Check<'_>) -> Option<Person> {
    let name = c.required("name");
    let nationality = c.option("nationality");
    if let Some(n) = &nationality
        && (n.len() != 2 || !n.bytes().all(|b| b.is_ascii_uppercase()))
    {
        c.fail(format!(
            "column `nationality`: `{n}` should be an ISO 3166 alpha-2 code such as VN"
        ));
    }
    let mut posts = Vec::new();
    for item in split_list(c.line.get("posts")) {
        match parse_post(&item) {
            Some(post) => posts.push(post),
            None => c.fail(format!(
                "column `posts`: `{item}` should be `title@from-to` (e.g. `Thủ tướng@2006-2016`, `Tổng Bí thư@2024-`)"
            )),
        }
    }
    let record = Person {
        name,
        aliases: c.line.list("aliases"),
        international: c.text("international"),
        nationality,
        posts,
        source: c.text("source"),
        note: c.text("note"),
        origin: c.origin(),
    };
    c.finish(record)
}

fn parse_post(item: &str) -> Option<Post> {
    let (title, years) = item.rsplit_once('@')?;
    let title = title.trim();
    if title.is_empty() {
        return None;
    }
    let years = years.trim();
    let period = match years.split_once('-') {
        None => {
            let y = parse_year(years)?;
            Period {
                from: Some(y),
                to: Some(y),
            }
        }
        Some((from, to)) => {
            let from = parse_year(from.trim())?;
            let to = match to.trim() {
                "" => None,
                t => Some(parse_year(t)?),
            };
            if to.is_some_and(|t| t < from) {
                return None;
            }
            Period {
                from: Some(from),
                to,
            }
        }
    };
    Some(Post {
        title: title.to_owned(),
        period,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let p = Period {
            from: Some(2004),
            to: Some(2008),
        };
        assert!(p.contains(2004) && p.contains(2008) && !p.contains(2009) && !p.contains(2003));
        assert!(Period::default().contains(1900));
        assert!(p.overlaps(&Period {
            from: Some(2008),
            to: None
        }));
        assert!(!p.overlaps(&Period {
            from: Some(2009),
            to: None
        }));
    }

    #[test]
    fn posts_parse_with_open_and_single_years() {
        let p = parse_post("Tổng Bí thư@2024-").expect("open");
        assert_eq!(p.title, "Tổng Bí thư");
        assert_eq!(
            p.period,
            Period {
                from: Some(2024),
                to: None
            }
        );
        let p = parse_post("Chủ tịch nước@2024").expect("single");
        assert_eq!(
            p.period,
            Period {
                from: Some(2024),
                to: Some(2024)
            }
        );
        assert!(parse_post("Thủ tướng").is_none());
        assert!(parse_post("Thủ tướng@2016-2006").is_none());
        assert!(parse_post("@2016-2020").is_none());
        assert!(parse_post("Thủ tướng@20x6-").is_none());
    }
}
