//! Lexicons for extraction from Vietnamese news: the structure of the Vietnamese party and
//! state (organs, ministries, titles and their ranks), the provinces and districts with their
//! changes over time (64 → 63 provinces in 2008, 63 → 34 in 2025, the district level abolished),
//! the world's countries and capitals in Vietnamese, international organisations, and persons
//! whose Vietnamese rendering differs from the international one (Tập Cận Bình / Xi Jinping).
//!
//! The facts live in tab-separated files under `data/lexicon/` (see its README for columns,
//! sources and licences), embedded here with `include_str!`. A user extends or corrects them
//! with files of their own, which the caller reads and passes to [`Lexicon::builtin_with`] or
//! [`Lexicon::from_sources`]: a user row with the same identity as a default row replaces it,
//! other rows are added.
//!
//! **Architecture invariant:** pure code, no I/O. Depends only on `tre-text`, whose
//! normalisation every value and every query goes through.

mod error;
mod key;
mod model;
mod table;
mod tsv;

pub use error::{LoadError, Problem};
pub use key::{folded_key, name_key};
pub use model::{
    Certainty, Complement, Country, District, OrgKind, Organization, Origin, Period, Person, Post,
    Province, ProvinceType, Title, TitleKind, UnStatus,
};
pub use table::{Entry, Table, TableAt};

use std::collections::HashMap;
use std::collections::hash_map::Entry as MapEntry;
use table::NameIndex;
use tsv::Schema;

/// The default lexicon files, as (file name, contents).
pub const DEFAULT_SOURCES: [(&str, &str); 6] = [
    (
        "countries.tsv",
        include_str!("../../../data/lexicon/countries.tsv"),
    ),
    (
        "provinces.tsv",
        include_str!("../../../data/lexicon/provinces.tsv"),
    ),
    (
        "districts.tsv",
        include_str!("../../../data/lexicon/districts.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../../data/lexicon/organizations.tsv"),
    ),
    (
        "titles.tsv",
        include_str!("../../../data/lexicon/titles.tsv"),
    ),
    (
        "persons.tsv",
        include_str!("../../../data/lexicon/persons.tsv"),
    ),
];

/// The six kinds of lexicon file. A source's kind is given by the start of its file name:
/// `countries.tsv`, `countries-extra.tsv`, `countries_mission.tsv` and `countries.local.tsv`
/// are all country files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Countries,
    Provinces,
    Districts,
    Organizations,
    Titles,
    Persons,
}

impl FileKind {
    pub const ALL: [FileKind; 6] = [
        FileKind::Countries,
        FileKind::Provinces,
        FileKind::Districts,
        FileKind::Organizations,
        FileKind::Titles,
        FileKind::Persons,
    ];

    pub fn stem(self) -> &'static str {
        match self {
            FileKind::Countries => "countries",
            FileKind::Provinces => "provinces",
            FileKind::Districts => "districts",
            FileKind::Organizations => "organizations",
            FileKind::Titles => "titles",
            FileKind::Persons => "persons",
        }
    }

    /// The kind of a source from its name (a file name or a path).
    pub fn of_source(name: &str) -> Option<FileKind> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let base = base.strip_suffix(".tsv")?;
        let stem = base.split(['.', '-', '_']).next().unwrap_or(base);
        FileKind::ALL.into_iter().find(|k| k.stem() == stem)
    }

    fn schema(self) -> &'static Schema {
        match self {
            FileKind::Countries => &model::COUNTRIES,
            FileKind::Provinces => &model::PROVINCES,
            FileKind::Districts => &model::DISTRICTS,
            FileKind::Organizations => &model::ORGANIZATIONS,
            FileKind::Titles => &model::TITLES,
            FileKind::Persons => &model::PERSONS,
        }
    }
}

/// Two records of one table answering to the same name in overlapping years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub table: &'static str,
    /// The shared name key.
    pub key: String,
    /// The canonical names of the records that claim it.
    pub names: Vec<String>,
}

/// All the lexicons, indexed.
#[derive(Debug, Clone)]
pub struct Lexicon {
    countries: Table<Country>,
    capitals: NameIndex,
    provinces: Table<Province>,
    districts: Table<District>,
    organizations: Table<Organization>,
    titles: Table<Title>,
    persons: Table<Person>,
    /// For each person, the canonical key of each post (see [`post_key`]), in post order.
    post_keys: Vec<Vec<String>>,
}

/// Rows staged while sources are read, with the identity each was registered under.
struct Staged<T> {
    rows: Vec<T>,
    ids: HashMap<String, (usize, String, usize)>,
}

impl<T> Default for Staged<T> {
    fn default() -> Self {
        Staged {
            rows: Vec::new(),
            ids: HashMap::new(),
        }
    }
}

impl<T> Staged<T> {
    /// Adds `row`, or replaces the row of the same identity read from an earlier source.
    fn put(&mut self, id: String, row: T, file: &str, line: usize, problems: &mut Vec<Problem>) {
        match self.ids.entry(id) {
            MapEntry::Vacant(v) => {
                v.insert((self.rows.len(), file.to_owned(), line));
                self.rows.push(row);
            }
            MapEntry::Occupied(mut o) => {
                let (index, first_file, first_line) = o.get().clone();
                if first_file == file {
                    problems.push(Problem {
                        file: file.to_owned(),
                        line,
                        message: format!(
                            "duplicate of line {first_line} (same identity); merge the two lines or tell them apart"
                        ),
                    });
                } else {
                    self.rows[index] = row;
                    o.insert((index, file.to_owned(), line));
                }
            }
        }
    }
}

#[derive(Default)]
struct Builder {
    countries: Staged<Country>,
    provinces: Staged<Province>,
    districts: Staged<District>,
    organizations: Staged<Organization>,
    titles: Staged<Title>,
    persons: Staged<Person>,
}

impl Lexicon {
    /// The lexicon of the default files shipped with tre.
    pub fn builtin() -> Lexicon {
        match Lexicon::from_sources(&DEFAULT_SOURCES) {
            Ok(lexicon) => lexicon,
            Err(e) => panic!("the built-in lexicon files are broken (a bug in tre): {e}"),
        }
    }

    /// The default files followed by the user's: user rows replace default rows of the same
    /// identity and add the others.
    pub fn builtin_with<N: AsRef<str>, T: AsRef<str>>(
        user: &[(N, T)],
    ) -> Result<Lexicon, LoadError> {
        let mut all: Vec<(&str, &str)> = DEFAULT_SOURCES.to_vec();
        all.extend(user.iter().map(|(n, t)| (n.as_ref(), t.as_ref())));
        Lexicon::from_sources(&all)
    }

    /// Builds a lexicon from the given sources only, in order: `(name, text)` pairs where the
    /// name (a file name or path ending in `.tsv`) says which kind of file it is (see
    /// [`FileKind::of_source`]). A later row with the same identity as an earlier row from
    /// another source replaces it; the identity is the ISO alpha-2 code for countries, the
    /// name for provinces, organisations and titles, province + name + type for districts,
    /// name + nationality for persons. Every problem found is returned, each naming its file
    /// and line.
    pub fn from_sources<N: AsRef<str>, T: AsRef<str>>(
        sources: &[(N, T)],
    ) -> Result<Lexicon, LoadError> {
        let mut problems = Vec::new();
        let mut b = Builder::default();
        for (name, text) in sources {
            let name = name.as_ref();
            let Some(kind) = FileKind::of_source(name) else {
                problems.push(Problem {
                    file: name.to_owned(),
                    line: 0,
                    message: format!(
                        "cannot tell what this file holds: its name must end in .tsv and start with one of {}",
                        FileKind::ALL.map(FileKind::stem).join(", ")
                    ),
                });
                continue;
            };
            let Some(lines) = tsv::parse(name, text.as_ref(), kind.schema(), &mut problems) else {
                continue;
            };
            for line in &lines {
                let check = model::Check::new(name, line, &mut problems);
                match kind {
                    FileKind::Countries => {
                        if let Some(r) = model::country(check) {
                            b.countries
                                .put(r.iso2.clone(), r, name, line.number, &mut problems);
                        }
                    }
                    FileKind::Provinces => {
                        if let Some(r) = model::province(check) {
                            b.provinces
                                .put(name_key(&r.name), r, name, line.number, &mut problems);
                        }
                    }
                    FileKind::Districts => {
                        if let Some(r) = model::district(check) {
                            let id = format!(
                                "{}\t{}\t{}",
                                name_key(&r.province),
                                name_key(&r.name),
                                r.kind
                            );
                            b.districts.put(id, r, name, line.number, &mut problems);
                        }
                    }
                    FileKind::Organizations => {
                        if let Some(r) = model::organization(check) {
                            b.organizations.put(
                                name_key(&r.name),
                                r,
                                name,
                                line.number,
                                &mut problems,
                            );
                        }
                    }
                    FileKind::Titles => {
                        if let Some(r) = model::title(check) {
                            b.titles
                                .put(name_key(&r.head), r, name, line.number, &mut problems);
                        }
                    }
                    FileKind::Persons => {
                        if let Some(r) = model::person(check) {
                            let id = format!(
                                "{}\t{}",
                                name_key(&r.name),
                                r.nationality.as_deref().unwrap_or("")
                            );
                            b.persons.put(id, r, name, line.number, &mut problems);
                        }
                    }
                }
            }
        }
        let lexicon = Lexicon::index(b);
        lexicon.check_references(&mut problems);
        if problems.is_empty() {
            Ok(lexicon)
        } else {
            Err(LoadError { problems })
        }
    }

    fn index(b: Builder) -> Lexicon {
        let countries = Table::new(b.countries.rows);
        let mut capitals = NameIndex::default();
        for (i, c) in countries.all().iter().enumerate() {
            for cap in c.capitals.iter().chain(std::iter::once(&c.capital_en)) {
                capitals.insert(cap, i);
            }
        }
        let titles = Table::new(b.titles.rows);
        let persons = Table::new(b.persons.rows);
        let post_keys = persons
            .all()
            .iter()
            .map(|p| {
                p.posts
                    .iter()
                    .map(|post| post_key(&titles, &post.title))
                    .collect()
            })
            .collect();
        Lexicon {
            countries,
            capitals,
            provinces: Table::new(b.provinces.rows),
            districts: Table::new(b.districts.rows),
            organizations: Table::new(b.organizations.rows),
            titles,
            persons,
            post_keys,
        }
    }

    /// Names that point to rows which do not exist.
    fn check_references(&self, problems: &mut Vec<Problem>) {
        let mut report = |origin: &Origin, message: String| {
            problems.push(Problem {
                file: origin.file.clone(),
                line: origin.line,
                message,
            })
        };
        for p in self.provinces.all() {
            if let Some(s) = &p.successor
                && !self.has_canonical(&self.provinces, s)
            {
                report(
                    &p.origin,
                    format!("successor `{s}` is not the name of a province in provinces files"),
                );
            }
        }
        for d in self.districts.all() {
            if !self.has_canonical(&self.provinces, &d.province) {
                report(
                    &d.origin,
                    format!(
                        "province `{}` is not the name of a province in provinces files",
                        d.province
                    ),
                );
            }
        }
        for o in self.organizations.all() {
            if let Some(parent) = &o.parent
                && !self.has_canonical(&self.organizations, parent)
            {
                report(
                    &o.origin,
                    format!(
                        "parent `{parent}` is not the name of an organisation in organizations files"
                    ),
                );
            }
        }
        for p in self.persons.all() {
            if let Some(n) = &p.nationality
                && !self.countries.all().iter().any(|c| &c.iso2 == n)
            {
                report(
                    &p.origin,
                    format!("nationality `{n}` is not an iso2 code in countries files"),
                );
            }
            for post in &p.posts {
                if self.title_prefix(&post.title).is_none() {
                    report(
                        &p.origin,
                        format!(
                            "post `{}` does not start with a title of the titles files",
                            post.title
                        ),
                    );
                }
            }
        }
    }

    fn has_canonical<T: Entry>(&self, table: &Table<T>, name: &str) -> bool {
        let key = name_key(name);
        table
            .lookup(name)
            .iter()
            .any(|r| name_key(r.canonical()) == key)
    }

    pub fn countries(&self) -> &Table<Country> {
        &self.countries
    }

    pub fn provinces(&self) -> &Table<Province> {
        &self.provinces
    }

    pub fn districts(&self) -> &Table<District> {
        &self.districts
    }

    pub fn organizations(&self) -> &Table<Organization> {
        &self.organizations
    }

    pub fn titles(&self) -> &Table<Title> {
        &self.titles
    }

    pub fn persons(&self) -> &Table<Person> {
        &self.persons
    }

    /// The lexicon as it stood in `year`: only the entities that existed then.
    pub fn at(&self, year: i32) -> LexiconAt<'_> {
        LexiconAt { lex: self, year }
    }

    /// The country whose capital is called `name` (Vietnamese or English form).
    pub fn country_of_capital(&self, name: &str) -> Vec<&Country> {
        self.capitals
            .exact(&name_key(name))
            .iter()
            .map(|&i| &self.countries.all()[i])
            .collect()
    }

    /// The provinces that were merged into (or renamed to) the province `name`.
    pub fn predecessors(&self, name: &str) -> Vec<&Province> {
        let key = name_key(name);
        self.provinces
            .all()
            .iter()
            .filter(|p| p.successor.as_deref().is_some_and(|s| name_key(s) == key))
            .collect()
    }

    /// The districts listed for the province `name` (its canonical name or a variant).
    pub fn districts_of(&self, province: &str) -> Vec<&District> {
        let Some(p) = self.provinces.get(province) else {
            return Vec::new();
        };
        let key = name_key(&p.name);
        self.districts
            .all()
            .iter()
            .filter(|d| name_key(&d.province) == key)
            .collect()
    }

    /// The longest title (head or alias) that `text` starts with, and the byte offset in `text`
    /// where the match ends: `"Bộ trưởng Ngoại giao Bùi Thanh Sơn"` gives the title
    /// `Bộ trưởng Ngoại giao` and the offset just after `giao`. Matching is by name key, so
    /// spacing, punctuation, case and tone placement do not matter.
    pub fn title_prefix(&self, text: &str) -> Option<(&Title, usize)> {
        const LONGEST: usize = 14;
        let mut key = String::new();
        let mut best = None;
        for (n, span) in tre_text::token_spans(text).take(LONGEST).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(&name_key(&text[span.start..span.end]));
            if let Some(&row) = self.titles.index().exact(&key).first() {
                best = Some((&self.titles.all()[row], span.end));
            }
        }
        best
    }

    /// The persons recorded as holding the post `title` (written as in the posts column, e.g.
    /// `Tổng Bí thư`, `Bộ trưởng Ngoại giao`, `Thủ tướng Nhật Bản`) in `year`.
    pub fn holders(&self, title: &str, year: i32) -> Vec<&Person> {
        let key = post_key(&self.titles, title);
        self.persons
            .all()
            .iter()
            .zip(&self.post_keys)
            .filter(|(p, keys)| {
                p.posts
                    .iter()
                    .zip(keys.iter())
                    .any(|(post, k)| *k == key && post.period.contains(year))
            })
            .map(|(p, _)| p)
            .collect()
    }

    /// Names claimed by two records of the same table in overlapping years (for districts:
    /// of the same province). The default files have none; a user file may create some, which
    /// lookups then return as several candidates.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        conflicts_in("countries", &self.countries, |_| String::new(), &mut out);
        conflicts_in("provinces", &self.provinces, |_| String::new(), &mut out);
        conflicts_in(
            "districts",
            &self.districts,
            |d| name_key(&d.province),
            &mut out,
        );
        conflicts_in(
            "organizations",
            &self.organizations,
            |_| String::new(),
            &mut out,
        );
        conflicts_in("titles", &self.titles, |_| String::new(), &mut out);
        conflicts_in(
            "persons",
            &self.persons,
            |p| p.nationality.clone().unwrap_or_default(),
            &mut out,
        );
        out.sort_by(|a, b| (a.table, &a.key).cmp(&(b.table, &b.key)));
        out
    }
}

/// The canonical form of a post as written: the title it names exactly (so `Bộ trưởng Bộ Ngoại
/// giao` and `Bộ trưởng Ngoại giao` are one post), or else the post's own key.
fn post_key(titles: &Table<Title>, post: &str) -> String {
    let key = name_key(post);
    match titles.index().exact(&key).first() {
        Some(&row) => name_key(&titles.all()[row].head),
        None => key,
    }
}

fn conflicts_in<T: Entry>(
    table_name: &'static str,
    table: &Table<T>,
    scope: impl Fn(&T) -> String,
    out: &mut Vec<Conflict>,
) {
    for (key, rows) in table.index().exact_keys() {
        let mut clash: Vec<usize> = Vec::new();
        for (n, &a) in rows.iter().enumerate() {
            for &b in &rows[n + 1..] {
                let (ra, rb) = (&table.all()[a], &table.all()[b]);
                if scope(ra) == scope(rb) && ra.period().overlaps(&rb.period()) {
                    for r in [a, b] {
                        if !clash.contains(&r) {
                            clash.push(r);
                        }
                    }
                }
            }
        }
        if !clash.is_empty() {
            clash.sort_unstable();
            out.push(Conflict {
                table: table_name,
                key: key.clone(),
                names: clash
                    .into_iter()
                    .map(|i| table.all()[i].canonical().to_owned())
                    .collect(),
            });
        }
    }
}

/// The lexicon seen from one year.
#[derive(Debug, Clone, Copy)]
pub struct LexiconAt<'a> {
    lex: &'a Lexicon,
    year: i32,
}

impl<'a> LexiconAt<'a> {
    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn countries(&self) -> TableAt<'a, Country> {
        self.lex.countries.at(self.year)
    }

    pub fn provinces(&self) -> TableAt<'a, Province> {
        self.lex.provinces.at(self.year)
    }

    pub fn districts(&self) -> TableAt<'a, District> {
        self.lex.districts.at(self.year)
    }

    pub fn organizations(&self) -> TableAt<'a, Organization> {
        self.lex.organizations.at(self.year)
    }

    pub fn titles(&self) -> TableAt<'a, Title> {
        self.lex.titles.at(self.year)
    }

    /// The persons holding `title` in this year.
    pub fn holders(&self, title: &str) -> Vec<&'a Person> {
        self.lex.holders(title, self.year)
    }

    /// The ASEAN members of this year.
    pub fn asean_members(&self) -> Vec<&'a Country> {
        let year = self.year;
        self.lex
            .countries
            .all()
            .iter()
            .filter(|c| c.is_asean_member(year))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_kind_from_names_and_paths() {
        assert_eq!(
            FileKind::of_source("countries.tsv"),
            Some(FileKind::Countries)
        );
        assert_eq!(
            FileKind::of_source("/etc/tre/lexicon/persons-embassy.tsv"),
            Some(FileKind::Persons)
        );
        assert_eq!(
            FileKind::of_source("C:\\lex\\organizations_local.tsv"),
            Some(FileKind::Organizations)
        );
        assert_eq!(
            FileKind::of_source("titles.local.tsv"),
            Some(FileKind::Titles)
        );
        assert_eq!(FileKind::of_source("README.md"), None);
        assert_eq!(FileKind::of_source("country.tsv"), None);
    }

    #[test]
    fn duplicate_identity_in_one_file_is_an_error_across_files_a_replacement() {
        let one = "name\ttype\nHà Nội\tthành phố trực thuộc trung ương\nHà Nội\ttỉnh\n";
        let err = Lexicon::from_sources(&[("provinces.tsv", one)]).expect_err("duplicate");
        assert_eq!(err.problems.len(), 1);
        assert_eq!(err.problems[0].line, 3);
        assert!(err.problems[0].message.contains("duplicate of line 2"));

        let a = "name\ttype\nHà Nội\ttỉnh\n";
        let b = "name\ttype\tnote\nHà Nội\tthành phố trực thuộc trung ương\tfixed\n";
        let lex = Lexicon::from_sources(&[("provinces.tsv", a), ("provinces-fix.tsv", b)])
            .expect("loads");
        assert_eq!(lex.provinces().len(), 1);
        let p = lex.provinces().get("hà nội").expect("found");
        assert_eq!(p.kind, ProvinceType::CentralCity);
        assert_eq!(p.origin.file, "provinces-fix.tsv");
        assert_eq!(p.origin.line, 2);
    }
}
