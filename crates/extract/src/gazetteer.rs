//! The gazetteer: every name and cue phrase the rules look for, in one trie over lower-cased
//! syllables, so that one walk from a token finds every title, organisation, place, person and
//! cue that starts there.
//!
//! Names come from the lexicon (`tre-lexicon`: titles, organisations, countries and capitals,
//! provinces, districts, persons) and from this crate's `data/` files: title heads and
//! organisations the lexicon lacks (read with the lexicon's own parser), seas, regions, cities
//! and venues (`places.tsv`), cue phrases (`cues.tsv`) and family names (`surnames.txt`).
//! Phrases are keyed like the lexicon keys names ([`tre_lexicon::name_key`]): normalised, cut
//! into letter/digit tokens, lower-cased; so `TP.HCM` and `TP HCM` are one phrase.

use crate::model::Pillar;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use tre_lexicon::{Complement, Lexicon, ProvinceType};

/// The symbol of a token no phrase contains.
pub(crate) const NONE: u32 = u32::MAX;

/// A fast hasher for the integer keys of the trie and the vocabulary (FxHash's mixing step):
/// the default SipHash would dominate the cost of a walk.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The kind of a place, as the contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PlaceKind {
    Country,
    Province,
    City,
    District,
    Sea,
    Venue,
    Region,
    Other,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Province => "province",
            PlaceKind::City => "city",
            PlaceKind::District => "district",
            PlaceKind::Sea => "sea",
            PlaceKind::Venue => "venue",
            PlaceKind::Region => "region",
            PlaceKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "country" => PlaceKind::Country,
            "province" => PlaceKind::Province,
            "city" => PlaceKind::City,
            "district" => PlaceKind::District,
            "sea" => PlaceKind::Sea,
            "venue" => PlaceKind::Venue,
            "region" => PlaceKind::Region,
            "other" => PlaceKind::Other,
            _ => return None,
        })
    }

    /// Which of two places named alike wins: a country over its capital (`Singapore`), a
    /// province over the city or district of the same name (`Cao Bằng`).
    pub fn precedence(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::Province => 1,
            PlaceKind::Sea | PlaceKind::Region => 2,
            PlaceKind::City => 3,
            PlaceKind::Venue => 4,
            PlaceKind::District => 5,
            PlaceKind::Other => 6,
        }
    }
}

/// The event types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum EventType {
    Meeting,
    Talks,
    Visit,
    Conference,
    Signing,
    Appointment,
    PhoneCall,
    Evacuation,
    Other,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Talks => "talks",
            EventType::Visit => "visit",
            EventType::Conference => "conference",
            EventType::Signing => "signing",
            EventType::Appointment => "appointment",
            EventType::PhoneCall => "phone_call",
            EventType::Evacuation => "evacuation",
            EventType::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<EventType> {
        Some(match s {
            "meeting" => EventType::Meeting,
            "talks" => EventType::Talks,
            "visit" => EventType::Visit,
            "conference" => EventType::Conference,
            "signing" => EventType::Signing,
            "appointment" => EventType::Appointment,
            "phone_call" => EventType::PhoneCall,
            "evacuation" => EventType::Evacuation,
            "other" => EventType::Other,
            _ => return None,
        })
    }
}

/// What a cue phrase does (see the header of `data/cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cue {
    Honorific,
    /// Describes a person (`sinh viên`, `độc giả`, `em`): a full name may follow, not a short
    /// one, since `sinh viên Congo` is a student from Congo.
    Describer,
    Prefix,
    Plural,
    Admin(PlaceKind),
    /// `place`: a place or a unit word may complete it (`UBND tỉnh`, `Đại sứ quán Nhật Bản`).
    OrgHead {
        place: bool,
    },
    /// `after_at`: only a venue right after `tại` or `ở` (`Trung tâm`, which also heads
    /// institutes).
    VenueHead {
        after_at: bool,
    },
    DocKind,
    /// `strong`: the phrase names the event by itself; otherwise the rules check its context.
    Event {
        kind: EventType,
        strong: bool,
    },
    Attend,
    RelTime(i32),
    /// `cùng ngày`, `tiếp đó`: the day last named.
    SameDay,
    Daypart,
    At,
    Conj,
    Credit,
    Agreement,
    Pillar(Pillar, f32),
}

#[derive(Debug, Clone)]
pub(crate) struct TitleInfo {
    pub head: String,
    pub rank: i32,
    pub complement: Complement,
}

#[derive(Debug, Clone)]
pub(crate) struct OrgInfo {
    pub name: String,
    pub kind: &'static str,
}

#[derive(Debug, Clone)]
pub(crate) struct PlaceInfo {
    pub canonical: String,
    pub kind: PlaceKind,
    /// ISO alpha-2 of the country (countries and capitals).
    pub country: Option<String>,
    /// The canonical name of the province a district belongs to.
    pub province: Option<String>,
    /// A district-level city or town (`thành phố`, `thị xã`): known by its name alone, unlike
    /// a rural district whose name may be anything else too.
    pub town: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct PersonInfo {
    pub name: String,
    pub international: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct CueInfo {
    pub phrase: String,
    pub cue: Cue,
}

/// What one trie entry stands for: an index into the table of its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Target {
    Title(u32),
    Org(u32),
    /// An organisation's name without its head word (`Ngoại giao` of `Bộ Ngoại giao`), which
    /// completes titles (`Bộ trưởng Ngoại giao`).
    Sector(u32),
    Place(u32),
    Person(u32),
    Cue(u32),
    Surname,
}

/// One phrase of the trie.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub target: Target,
    /// The phrase starts with a capital letter (a name, not a common word).
    pub first_cap: bool,
    /// Every word of the text must be capitalised (see [`Gazetteer::add`]).
    pub title_case: bool,
    /// The phrase is one token written all in capitals (`ASEAN`, `UBND`, `VN`).
    pub acronym: bool,
}

/// One match: the phrase `entry` covers tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub end: usize,
    pub entry: u32,
}

/// The trie and the tables its entries point into.
#[derive(Debug, Clone, Default)]
pub(crate) struct Gazetteer {
    vocab: FxMap<String, u32>,
    edges: FxMap<u64, u32>,
    /// Entries ending at each node (node 0 is the root).
    node_entries: Vec<Vec<u32>>,
    pub entries: Vec<Entry>,
    pub titles: Vec<TitleInfo>,
    pub orgs: Vec<OrgInfo>,
    pub places: Vec<PlaceInfo>,
    pub persons: Vec<PersonInfo>,
    pub cues: Vec<CueInfo>,
}

const TITLES_EXTRA: &str = include_str!("../data/titles-extract.tsv");
const ORGS_EXTRA: &str = include_str!("../data/organizations-extract.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const CUES: &str = include_str!("../data/cues.tsv");
const SURNAMES: &str = include_str!("../data/surnames.txt");

/// Organisation names starting with one of these give a sector: the rest of the name, which
/// titles use as their complement (`Bộ trưởng Ngoại giao`, `Trưởng Ban Đối ngoại Trung ương`).
const SECTOR_HEADS: &[&str] = &["bộ", "ban", "ủy ban", "văn phòng", "cục", "vụ", "tổng cục"];

impl Gazetteer {
    pub fn build(lex: &Lexicon) -> Gazetteer {
        let mut g = Gazetteer {
            node_entries: vec![Vec::new()],
            ..Gazetteer::default()
        };
        // The crate's own additions, parsed and checked by the lexicon crate.
        let extra = match Lexicon::from_sources(&[
            ("titles-extract.tsv", TITLES_EXTRA),
            ("organizations-extract.tsv", ORGS_EXTRA),
        ]) {
            Ok(l) => l,
            Err(e) => panic!("tre-extract's data files are broken (a bug in tre): {e}"),
        };
        for t in lex.titles().all().iter().chain(extra.titles().all()) {
            let idx = g.titles.len() as u32;
            g.titles.push(TitleInfo {
                head: t.head.clone(),
                rank: t.rank,
                complement: t.complement,
            });
            for name in std::iter::once(&t.head).chain(&t.aliases) {
                g.add(name, Target::Title(idx));
            }
        }
        for o in lex
            .organizations()
            .all()
            .iter()
            .chain(extra.organizations().all())
        {
            let idx = g.orgs.len() as u32;
            g.orgs.push(OrgInfo {
                name: o.name.clone(),
                kind: o.kind.as_str(),
            });
            for name in std::iter::once(&o.name).chain(&o.aliases) {
                g.add(name, Target::Org(idx));
                if let Some(rest) = sector_of(name) {
                    g.add(rest, Target::Sector(idx));
                }
            }
        }
        for c in lex.countries().all() {
            let idx = g.push_place(&c.name, PlaceKind::Country, Some(&c.iso2), None);
            for name in c.variants.iter().chain(std::iter::once(&c.english)) {
                g.add(name, Target::Place(idx));
            }
            let capitals: Vec<&String> = c
                .capitals
                .iter()
                .chain(std::iter::once(&c.capital_en))
                .filter(|n| !n.is_empty())
                .collect();
            if let Some(first) = capitals.first() {
                let city = g.push_place(first, PlaceKind::City, Some(&c.iso2), None);
                for cap in &capitals[1..] {
                    g.add(cap, Target::Place(city));
                }
            }
        }
        for p in lex.provinces().all() {
            let kind = match p.kind {
                ProvinceType::Province => PlaceKind::Province,
                ProvinceType::CentralCity => PlaceKind::City,
            };
            let idx = g.push_place(&p.name, kind, Some("VN"), None);
            for v in &p.variants {
                g.add(v, Target::Place(idx));
            }
        }
        for d in lex.districts().all() {
            let idx = g.push_place(&d.name, PlaceKind::District, Some("VN"), Some(&d.province));
            g.places[idx as usize].town = d.kind == "thành phố" || d.kind == "thị xã";
            for v in &d.variants {
                g.add(v, Target::Place(idx));
            }
        }
        for row in tsv_rows(PLACES) {
            let (Some(name), Some(kind)) =
                (row.first(), row.get(1).and_then(|k| PlaceKind::parse(k)))
            else {
                panic!("data/places.tsv: bad row {row:?} (a bug in tre)");
            };
            let iso2 = row.get(3).filter(|c| !c.is_empty());
            // A spelling of a country the lexicon has joins that country.
            let existing = iso2
                .filter(|_| kind == PlaceKind::Country)
                .and_then(|code| {
                    g.places.iter().position(|p| {
                        p.kind == PlaceKind::Country && p.country.as_deref() == Some(code.as_str())
                    })
                });
            let idx = match existing {
                Some(i) => {
                    g.add(name, Target::Place(i as u32));
                    i as u32
                }
                None => g.push_place(name, kind, iso2.map(String::as_str), None),
            };
            for v in row.get(2).map_or("", String::as_str).split('|') {
                if !v.is_empty() {
                    g.add(v, Target::Place(idx));
                }
            }
        }
        for p in lex.persons().all() {
            let idx = g.persons.len() as u32;
            g.persons.push(PersonInfo {
                name: p.name.clone(),
                international: (!p.international.is_empty()).then(|| p.international.clone()),
            });
            for name in std::iter::once(&p.name)
                .chain(&p.aliases)
                .chain(std::iter::once(&p.international))
            {
                if !name.is_empty() {
                    g.add(name, Target::Person(idx));
                }
            }
        }
        for row in tsv_rows(CUES) {
            let cue = parse_cue(&row)
                .unwrap_or_else(|| panic!("data/cues.tsv: bad row {row:?} (a bug in tre)"));
            let idx = g.cues.len() as u32;
            g.cues.push(CueInfo {
                phrase: row[0].clone(),
                cue,
            });
            g.add(&row[0], Target::Cue(idx));
        }
        for line in SURNAMES.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                g.add(&tre_text::normalize(line), Target::Surname);
            }
        }
        g
    }

    fn push_place(
        &mut self,
        name: &str,
        kind: PlaceKind,
        country: Option<&str>,
        province: Option<&str>,
    ) -> u32 {
        let idx = self.places.len() as u32;
        self.places.push(PlaceInfo {
            canonical: name.to_owned(),
            kind,
            country: country.map(str::to_owned),
            province: province.map(str::to_owned),
            town: false,
        });
        self.add(name, Target::Place(idx));
        idx
    }

    /// Adds `phrase` (any form; it is normalised and keyed here) for `target`.
    fn add(&mut self, phrase: &str, target: Target) {
        let phrase = tre_text::normalize(phrase);
        let mut node = 0u32;
        let mut count = 0;
        let mut first_upper_token = false;
        for (n, tok) in tre_text::tokens(&phrase).enumerate() {
            if n == 0 {
                first_upper_token = tok.chars().count() >= 2
                    && tok.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
            }
            let key = tre_text::lower(tok);
            let next_sym = self.vocab.len() as u32;
            let sym = *self.vocab.entry(key).or_insert(next_sym);
            let edge = edge_key(node, sym);
            node = match self.edges.get(&edge) {
                Some(&child) => child,
                None => {
                    let child = self.node_entries.len() as u32;
                    self.node_entries.push(Vec::new());
                    self.edges.insert(edge, child);
                    child
                }
            };
            count += 1;
        }
        if count == 0 {
            return;
        }
        let first_cap = phrase.chars().next().is_some_and(char::is_uppercase);
        // A newspaper named with common words (`Lao Động`, `Thanh Niên`, `Tuổi Trẻ`) is that
        // newspaper only when written as its name, every word capitalised.
        let title_case = count >= 2
            && matches!(target, Target::Org(o) if matches!(self.orgs[o as usize].kind, "outlet" | "news_agency"))
            && tre_text::tokens(&phrase).all(|t| t.chars().next().is_some_and(char::is_uppercase));
        let entry = Entry {
            target,
            first_cap,
            acronym: count == 1 && first_upper_token,
            title_case,
        };
        let list = &mut self.node_entries[node as usize];
        if list
            .iter()
            .any(|&e| self.entries[e as usize].target == target)
        {
            return;
        }
        list.push(self.entries.len() as u32);
        self.entries.push(entry);
    }

    /// The symbol of a lower-cased token, or [`NONE`].
    pub fn symbol(&self, lower: &str) -> u32 {
        self.vocab.get(lower).copied().unwrap_or(NONE)
    }

    /// Every phrase that starts at the first of `syms` (token index, symbol), shortest first.
    /// The caller leaves out the tokens phrases skip (joiners such as `-`).
    pub fn walk(&self, syms: impl Iterator<Item = (usize, u32)>, out: &mut Vec<Hit>) {
        let mut node = 0u32;
        for (idx, sym) in syms {
            if sym == NONE {
                break;
            }
            match self.edges.get(&edge_key(node, sym)) {
                Some(&child) => node = child,
                None => break,
            }
            for &e in &self.node_entries[node as usize] {
                out.push(Hit {
                    end: idx + 1,
                    entry: e,
                });
            }
        }
    }

    pub fn cue(&self, entry: &Entry) -> Option<Cue> {
        match entry.target {
            Target::Cue(i) => Some(self.cues[i as usize].cue),
            _ => None,
        }
    }
}

fn edge_key(node: u32, sym: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(sym)
}

/// The rest of an organisation's name after a sector head (`Ngoại giao` of `Bộ Ngoại giao`),
/// when that rest starts with a capital.
fn sector_of(name: &str) -> Option<&str> {
    let lower = tre_text::lower(name);
    for head in SECTOR_HEADS {
        if lower.starts_with(head) && lower[head.len()..].starts_with(' ') {
            let rest = name.get(head.len() + 1..)?;
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(rest);
            }
        }
    }
    None
}

/// The rows of a TSV data file: comments and the header skipped, cells normalised.
fn tsv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut header = true;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        rows.push(
            line.split('\t')
                .map(|c| tre_text::normalize(c.trim()))
                .collect(),
        );
    }
    rows
}

fn parse_cue(row: &[String]) -> Option<Cue> {
    let class = row.get(1)?.as_str();
    let value = row.get(2).map_or("", String::as_str);
    let weight = row.get(3).map_or("", String::as_str);
    Some(match class {
        "honorific" if value == "describer" => Cue::Describer,
        "honorific" => Cue::Honorific,
        "prefix" => Cue::Prefix,
        "plural" => Cue::Plural,
        "admin" => Cue::Admin(PlaceKind::parse(value)?),
        "org_head" => Cue::OrgHead {
            place: value == "place",
        },
        "venue_head" => Cue::VenueHead {
            after_at: value == "at",
        },
        "doc_kind" => Cue::DocKind,
        "event" => Cue::Event {
            kind: EventType::parse(value)?,
            strong: weight == "1",
        },
        "attend" => Cue::Attend,
        "reltime" => Cue::RelTime(value.parse().ok()?),
        "sameday" => Cue::SameDay,
        "daypart" => Cue::Daypart,
        "at" => Cue::At,
        "conj" => Cue::Conj,
        "credit" => Cue::Credit,
        "agreement" => Cue::Agreement,
        "pillar" => {
            let pillar = match value {
                "political" => Pillar::Political,
                "economic" => Pillar::Economic,
                "cultural" => Pillar::Cultural,
                "citizens" => Pillar::OverseasCitizens,
                "party" => Pillar::PartyExternalRelations,
                "defence" => Pillar::DefenceSecurity,
                _ => return None,
            };
            Cue::Pillar(pillar, weight.parse().ok()?)
        }
        _ => return None,
    })
}
