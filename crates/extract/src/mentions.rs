//! Mentions: titles, names, organisations and places found sentence by sentence, and which
//! titles belong to which name.
//!
//! Each sentence is read left to right. At every token the longest of these wins (a title on
//! a tie; a place before an organisation): a title head from the lexicon with its complement;
//! an organisation of the lexicon, extended by a country or province qualifier (`Bộ Ngoại giao
//! Nhật Bản`); a place of the lexicon (a district only with its province in the article or a
//! unit word before it); an organisation built from a head word and what completes it (`Sở
//! Ngoại vụ Hà Nội`, `Đại sứ quán Việt Nam tại Nhật Bản`, `Hội phụ nữ ASEAN`); a venue (`Trụ sở
//! cơ quan Ủy ban Kiểm tra Trung ương`). What is left of a run of capitalised syllables is a
//! name when it follows a title or an honorific, when it starts with a family name and reads as
//! Vietnamese syllables (not after `tại`, `đường`, `bệnh viện`..., and not when it names a
//! place: `Hoàng Anh Gia Lai`), or when the lexicon knows the person.
//!
//! A title's complement follows its lexicon kind: `org` takes an organisation, an
//! organisation's sector (`Ngoại giao` of `Bộ Ngoại giao`) or the rest of an organisation whose
//! head word ends the title (`Trưởng Ban` + `Đối ngoại Trung ương`); `place` takes a place, or
//! a unit word and a place (`UBND tỉnh`, `Đại sứ Việt Nam tại Nhật Bản`); `optional` takes
//! either when one follows. A country may qualify any title (`Chủ tịch Quốc hội Lào`). The
//! complement never takes a bare run of capitals, so it cannot swallow the name that follows.
//!
//! Titles attach to names by the order of the sentence: titles right before a name, separated
//! by commas or `kiêm`, are its titles (`Ủy viên Trung ương Đảng, Bộ trưởng Ngoại giao Bùi Thanh
//! Sơn`); titles after a name and a comma are its titles until one is followed by a name of its
//! own (`Trần Cẩm Tú, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, ...`); a plural title or one
//! followed by a colon gives itself to each name of the list after it (`các Thứ trưởng Ngoại
//! giao: A, B, C`); predicates attach too (`Name - người được chỉ định là Title`, `cử ông Name
//! làm Title`), and so does `Title, ông Name`. A title that another name of the article already
//! holds (`Thủ tướng Canada`), or one inside an event's name (`Hội nghị Bộ trưởng Ngoại giao
//! ASEAN`), is not chained onto the next name.

use crate::doc::{Doc, TokKind};
use crate::gazetteer::{Cue, Entry, Gazetteer, PlaceKind, Target};
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone)]
pub(crate) struct TitleM {
    /// Token range of the title as written (a prefix such as `nguyên` included).
    pub start: usize,
    pub end: usize,
    pub title: u32,
    pub sent: usize,
    /// Preceded by a plural marker (`các Thứ trưởng`): never one person by itself.
    pub plural: bool,
    /// Right after the name of an event (`Hội nghị Bộ trưởng Ngoại giao ASEAN`): part of that
    /// name unless a personal name follows it directly (`Lễ đón Thủ tướng Singapore Lý Hiển
    /// Long`).
    pub in_name: bool,
    /// Attached to a name.
    pub linked: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct NameM {
    pub start: usize,
    pub end: usize,
    pub sent: usize,
    /// A lexicon person whose name this is.
    pub person: Option<u32>,
    /// Indices into [`Mentions::titles`].
    pub titles: Vec<usize>,
    /// Introduced by a title or an honorific.
    pub introduced: bool,
    /// `Some(true)` after `ông`, `Some(false)` after `bà`: a short reference with one never
    /// resolves to a person introduced with the other.
    pub male: Option<bool>,
}

#[derive(Debug, Clone)]
pub(crate) struct OrgM {
    pub start: usize,
    pub end: usize,
    /// The lexicon organisation, when it is one (possibly qualified: `Bộ Ngoại giao Nhật Bản`
    /// has none, as it is not `Bộ Ngoại giao`).
    pub org: Option<u32>,
    pub structural: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct PlaceM {
    pub start: usize,
    pub end: usize,
    pub place: Option<u32>,
    pub kind: PlaceKind,
}

#[derive(Debug, Default)]
pub(crate) struct Mentions {
    pub titles: Vec<TitleM>,
    pub names: Vec<NameM>,
    pub orgs: Vec<OrgM>,
    pub places: Vec<PlaceM>,
    /// Capitalised runs that are neither names nor known entities, by sentence: a later
    /// surname-only reference (`Putin`) may still resolve to a person.
    pub others: Vec<(usize, usize, usize)>,
}

/// What a token position starts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Title(usize),
    Name(usize),
    /// An honorific, with its token.
    Hon(usize),
    /// A capitalised run that is not (yet) a name: an index into [`Mentions::others`].
    Cap(usize),
    Plural,
    Comma,
    Colon,
    Dash,
    Open,
    Close,
    Kiem,
    Conj,
    /// An organisation, place or venue.
    Ent,
    /// A lower-case word or anything else, with its token.
    Other(usize),
}

/// An organisation or place found at a position.
#[derive(Debug, Clone, Copy)]
enum Ent {
    Org {
        end: usize,
        org: Option<u32>,
        structural: bool,
    },
    Place {
        end: usize,
        place: Option<u32>,
        kind: PlaceKind,
    },
}

impl Ent {
    fn end(&self) -> usize {
        match self {
            Ent::Org { end, .. } | Ent::Place { end, .. } => *end,
        }
    }
}

pub(crate) struct Scanner<'d, 'g> {
    doc: &'d Doc<'d>,
    gaz: &'g Gazetteer,
    /// Canonical names of the provinces the article names: a district of one of them is read
    /// as that district even without a unit word before it.
    provinces: HashSet<&'g str>,
    out: Mentions,
}

/// Words that may start a lower-case place name whose canonical form is capitalised
/// (`thành phố Hồ Chí Minh`, `quần đảo Trường Sa`).
const GENERIC_FIRST: &[&str] = &[
    "thành", "tỉnh", "huyện", "quận", "thị", "quần", "vịnh", "eo", "biển", "sông", "châu", "đảo",
    "bán", "dải", "tp",
];

/// Lower-case words that end a name rather than continue it: verbs, auxiliaries, prepositions
/// and conjunctions that run from a name into the rest of the sentence.
const NAME_BREAKERS: &[&str] = &[
    "đã", "sẽ", "đang", "vừa", "mới", "là", "có", "được", "bị", "cho", "biết", "và", "với", "của",
    "tại", "ở", "trong", "ngày", "năm", "tháng", "này", "đó", "kia", "một", "để", "khi", "thì",
    "mà", "nói", "tới", "đến", "từ", "sang", "về", "theo", "như", "cũng", "đều", "không", "chưa",
    "ông", "bà", "gặp", "tiếp", "thăm", "hội", "ký", "nhận", "trao", "dự", "làm", "nêu", "nhấn",
    "khẳng", "tuyên", "đề", "nghị", "yêu", "cầu", "mong", "muốn", "hoan", "nghênh", "tham", "hai",
    "ba", "trên", "dưới", "sau", "trước", "giữa", "do", "vì", "nên", "nhưng", "hoặc", "hay",
    "rằng", "sáng", "chiều", "tối", "hôm", "qua", "nay", "phía", "bên", "cùng", "đối", "lên",
    "xuống", "ra", "vào", "gồm", "bao", "những", "nhiều", "mỗi", "lần", "thứ", "khóa", "kỳ", "tổ",
];

/// Words between a name and the title it is said to hold (`được bầu làm`, `người được chỉ
/// định là`, `hiện giữ chức`).
const PREDICATE_WORDS: &[&str] = &[
    "người", "được", "đã", "vừa", "mới", "sẽ", "hiện", "nay", "đồng", "thời", "cũng", "là", "làm",
    "chỉ", "định", "bổ", "nhiệm", "cử", "bầu", "giữ", "chức", "trở", "thành", "tái", "đắc", "kiêm",
    "đảm", "nhận", "nhiệm",
];

/// Title heads whose complement may be another office holder's title.
const OF_PERSON_HEADS: &[&str] = &[
    "đặc phái viên",
    "đặc sứ",
    "cố vấn",
    "thư ký",
    "người phát ngôn",
    "phát ngôn viên",
    "phu nhân",
    "trợ lý",
];

/// Lower-case particles inside foreign names.
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "da", "dos", "du",
    "di", "del", "des", "ter", "y",
];

/// Words before a name that make it the name of a thing: a street, a hospital, a school, a
/// bridge, a club, a ship (`đường Trần Hưng Đạo`, `trường Lê Quý Đôn`).
const NAMED_THINGS: &[&str] = &[
    "đường",
    "phố",
    "ngõ",
    "hẻm",
    "ngách",
    "trường",
    "cầu",
    "chợ",
    "sân",
    "đội",
    "clb",
    "tàu",
    "giải",
    "khu",
    "phường",
    "xã",
    "quận",
    "huyện",
    "thôn",
    "ấp",
    "bến",
    "cảng",
    "núi",
    "sông",
    "hồ",
    "đảo",
    "viện",
];

/// Words before which a capitalised run is a place, not a person (`tại Viên Chăn`).
const PLACE_PREPOSITIONS: &[&str] = &["tại", "ở", "đến", "tới", "sang", "từ"];

/// Words after which a capitalised run is a credit or a source, not a person of the story.
const CREDIT_WORDS: &[&str] = &["ảnh", "nguồn", "clip", "video", "đồ họa"];

impl<'d, 'g> Scanner<'d, 'g> {
    pub fn new(doc: &'d Doc<'d>, gaz: &'g Gazetteer) -> Self {
        Scanner {
            doc,
            gaz,
            provinces: HashSet::new(),
            out: Mentions::default(),
        }
    }

    pub fn run(mut self) -> Mentions {
        // Provinces first: they decide whether a district name is a district.
        for s in &self.doc.sents {
            for i in s.toks.clone() {
                for h in self.doc.hits(i) {
                    let e = &self.gaz.entries[h.entry as usize];
                    if let Target::Place(p) = e.target {
                        let info = &self.gaz.places[p as usize];
                        if matches!(info.kind, PlaceKind::Province | PlaceKind::City)
                            && info.country.as_deref() == Some("VN")
                            && self.cap_ok(i, h.end, e)
                        {
                            self.provinces.insert(info.canonical.as_str());
                        }
                    }
                }
            }
        }
        for si in 0..self.doc.sents.len() {
            self.sentence(si);
        }
        self.out
    }

    fn entry(&self, entry: u32) -> &'g Entry {
        &self.gaz.entries[entry as usize]
    }

    /// Whether tokens `a..b` are, lower-cased and joined by spaces, one of `phrases`.
    fn sym_is_phrase(&self, a: usize, b: usize, phrases: &[&str]) -> bool {
        let text: Vec<String> = (a..b)
            .map(|k| tre_text::lower(self.doc.tok_text(k)))
            .collect();
        let text = text.join(" ");
        phrases.contains(&text.as_str())
    }

    fn sym_is(&self, i: usize, words: &[&str]) -> bool {
        let t = self.doc.tok_text(i);
        words
            .iter()
            .any(|w| t.len() == w.len() && tre_text::lower(t) == *w)
    }

    /// The capitalisation of tokens `i..end` fits a name of the gazetteer: some token is
    /// capitalised; a capitalised phrase may start lower-case only with a generic word
    /// (`thành phố`); an acronym must be written in capitals.
    fn cap_ok(&self, i: usize, end: usize, e: &Entry) -> bool {
        let toks = &self.doc.toks[i..end];
        if !toks.iter().any(|t| t.cap) {
            return false;
        }
        if e.title_case && !toks.iter().all(|t| t.cap || t.kind == TokKind::Punct) {
            return false;
        }
        if e.acronym && !self.doc.tok(i).upper {
            return false;
        }
        if e.first_cap && !self.doc.tok(i).cap && !self.sym_is(i, GENERIC_FIRST) {
            return false;
        }
        // Not the first part of a longer lower-case word (`Nga` in `Nga_sơn` is fine, `Đại sứ`
        // in `Đại_sứ_quán` is not).
        // (An acronym glued to the next word is the segmenter's slip: `TP.HCM_nhân`.)
        if let Some(next) = self.doc.toks.get(end)
            && next.joined
            && !next.cap
            && next.kind == TokKind::Syl
            && !self.doc.tok(end - 1).upper
        {
            return false;
        }
        true
    }

    /// A cue of class `pred` starting at `i` and ending at a word boundary: its end.
    fn cue_at(
        &self,
        i: usize,
        s: &Range<usize>,
        pred: impl Fn(Cue) -> bool,
    ) -> Option<(usize, Cue)> {
        // Not from inside a lower-case word (`phủ` of `Chính_phủ`).
        let t = self.doc.tok(i);
        if t.joined && !t.cap {
            return None;
        }
        let mut best = None;
        for h in self.doc.hits(i) {
            if let Some(c) = self.gaz.cue(self.entry(h.entry))
                && pred(c)
                && h.end <= s.end
                && self.doc.ends_word(h.end, s)
            {
                best = Some((h.end, c));
            }
        }
        best
    }

    /// The longest title head at `i`.
    fn title_head_at(&self, i: usize, s: &Range<usize>) -> Option<(usize, u32)> {
        let mut best = None;
        for h in self.doc.hits(i) {
            if let Target::Title(t) = self.entry(h.entry).target
                && h.end <= s.end
                && self.doc.ends_word(h.end, s)
            {
                best = Some((h.end, t));
            }
        }
        best
    }

    /// Whether a district named at `i..end` is that district here: a unit word before it, a
    /// list the sentence opened with one, or its province named in the article.
    fn district_ok(&self, place: u32, i: usize, s: &Range<usize>) -> bool {
        let info = &self.gaz.places[place as usize];
        if info.town {
            return true;
        }
        if info
            .province
            .as_deref()
            .is_some_and(|p| self.provinces.contains(p))
        {
            return true;
        }
        (s.start..i).any(|k| self.sym_is(k, &["huyện", "quận", "xã"]) || self.sym_is(k, &["thị"]))
    }

    /// The best place of the gazetteer at `i`.
    fn place_at(&self, i: usize, s: &Range<usize>) -> Option<Ent> {
        let mut best: Option<(usize, u8, u32, PlaceKind)> = None;
        for h in self.doc.hits(i) {
            let e = self.entry(h.entry);
            let Target::Place(p) = e.target else { continue };
            if h.end > s.end || !self.cap_ok(i, h.end, e) {
                continue;
            }
            let kind = self.gaz.places[p as usize].kind;
            if kind == PlaceKind::District && !self.district_ok(p, i, s) {
                continue;
            }
            let prec = kind.precedence();
            let better = match best {
                None => true,
                Some((end, bp, _, _)) => h.end > end || (h.end == end && prec < bp),
            };
            if better {
                best = Some((h.end, prec, p, kind));
            }
        }
        best.map(|(end, _, p, kind)| Ent::Place {
            end,
            place: Some(p),
            kind,
        })
    }

    /// The longest lexicon organisation at `i`.
    fn lex_org_at(&self, i: usize, s: &Range<usize>) -> Option<(usize, u32)> {
        let mut best = None;
        for h in self.doc.hits(i) {
            let e = self.entry(h.entry);
            if let Target::Org(o) = e.target
                && h.end <= s.end
                && self.cap_ok(i, h.end, e)
            {
                best = Some((h.end, o));
            }
        }
        best
    }

    /// A country, province or city qualifying an organisation or a title at `j`
    /// (`Bộ Ngoại giao Nhật Bản`, `UBND tỉnh Cao Bằng`): its end.
    fn qualifier_at(&self, j: usize, s: &Range<usize>) -> Option<usize> {
        if j >= s.end {
            return None;
        }
        // `Bộ trưởng Thương mại nước ta`: our country.
        if j + 1 < s.end && self.sym_is(j, &["nước"]) && self.sym_is(j + 1, &["ta"]) {
            return Some(j + 2);
        }
        if let Some(Ent::Place { end, kind, .. }) = self.place_at(j, s)
            && matches!(
                kind,
                PlaceKind::Country | PlaceKind::Province | PlaceKind::City
            )
        {
            return Some(end);
        }
        if let Some((end, Cue::Admin(_))) = self.cue_at(j, s, |c| matches!(c, Cue::Admin(_))) {
            return Some(match self.place_at(end, s) {
                Some(p) => p.end(),
                None => self.capwords(end, s).unwrap_or(end),
            });
        }
        None
    }

    /// Whether a Vietnamese personal name starts at `k`: a family name followed by a
    /// capitalised syllable.
    fn name_starts(&self, k: usize, s: &Range<usize>) -> bool {
        if k + 1 >= s.end || !self.doc.tok(k).cap || !self.doc.tok(k + 1).cap {
            return false;
        }
        self.doc
            .hits(k)
            .iter()
            .any(|h| self.entry(h.entry).target == Target::Surname)
    }

    /// A run of capitalised words from `j` (each with the lower-case syllables of its own
    /// segmenter word: `Dầu_khí`), joined by `và`, `&` or `-` between capitals. Stops before a
    /// personal name, a title or an honorific. `None` when no capitalised word starts at `j`.
    fn capwords(&self, j: usize, s: &Range<usize>) -> Option<usize> {
        let mut k = j;
        loop {
            if k >= s.end || !self.doc.tok(k).cap || self.doc.tok(k).kind != TokKind::Syl {
                break;
            }
            if let Some(p) = self.place_at(k, s) {
                k = p.end();
            } else if k > j
                && !self.vietnamese_word(k)
                && self.vietnamese_word(k - 1)
                && !self.doc.tok(k).upper
            {
                // A foreign word after Vietnamese ones starts something else (`Hội đồng An
                // ninh Quốc gia | Michael Green`); a brand comes first (`Tập đoàn Microsoft`).
                break;
            } else {
                if self.name_starts(k, s)
                    || self.title_head_at(k, s).is_some_and(|(_, t)| {
                        self.gaz.titles[t as usize].rank >= 30 && self.doc.tok(k).cap
                    })
                    || self
                        .cue_at(k, s, |c| matches!(c, Cue::Honorific | Cue::Describer))
                        .is_some()
                {
                    break;
                }
                k += 1;
                while k < s.end
                    && self.doc.tok(k).joined
                    && !self.doc.tok(k).cap
                    && self.doc.tok(k).kind == TokKind::Syl
                {
                    k += 1;
                }
            }
            // A joiner between two capitalised words.
            if k + 1 < s.end
                && self.doc.tok(k + 1).cap
                                && (self.sym_is(k, &["và"]) || self.doc.is_punct(k, &['&', '-', '–']))
                // `Đảng Cộng sản và Nhà nước Trung Quốc`: two bodies, not one name.
                && self.cue_at(k + 1, s, |c| matches!(c, Cue::OrgHead { .. })).is_none()
                && !self.sym_is(k + 1, &["nhà"])
            {
                k += 1;
            } else if let Some(b) = self.lower_bridge(k, s) {
                // Lower-case words inside a name between its capitalised parts (`Khối các cơ
                // quan Đối ngoại`, `Đài phát thanh Tiếng Quê Hương`).
                k = b;
            }
        }
        (k > j).then_some(k)
    }

    /// A capitalised word that is a cue of the language (`Hội` of `Chủ tịch Hội người Việt`,
    /// `Bộ`, `Hội nghị`): never a one-word name.
    fn common_word(&self, i: usize, s: &Range<usize>) -> bool {
        self.cue_at(i, s, |c| {
            matches!(
                c,
                Cue::OrgHead { .. }
                    | Cue::Honorific
                    | Cue::Describer
                    | Cue::VenueHead { .. }
                    | Cue::Admin(_)
                    | Cue::DocKind
                    | Cue::Event { .. }
                    | Cue::Plural
            )
        })
        .is_some()
    }

    /// `( ABC )` or `( Petro Vietnam )` at `i`: the token range inside the parentheses, when it
    /// is one to four capitalised tokens that are not a place or a known body.
    fn parenthesised_alias(&self, i: usize, s: &Range<usize>) -> Option<(usize, usize)> {
        if i + 2 >= s.end || !self.doc.is_punct(i, &['(']) {
            return None;
        }
        let a = i + 1;
        let b = (a..s.end.min(a + 5)).find(|&k| self.doc.is_punct(k, &[')']))?;
        let ok = b > a
            && (a..b).all(|k| self.doc.tok(k).cap && self.doc.tok(k).kind == TokKind::Syl)
            && self.place_at(a, s).is_none()
            && self.lex_org_at(a, s).is_none_or(|(e, _)| e < b);
        ok.then_some((a, b))
    }

    /// A hyphen at `k` written tight between a capitalised token and a lower-case one: the
    /// second half of a hyphenated given name (`Ki-moon`, `Jong-il`, `Chun-ho`).
    fn hyphenated_lower(&self, k: usize) -> bool {
        if k == 0 {
            return false;
        }
        let (p, h, n) = (self.doc.tok(k - 1), self.doc.tok(k), self.doc.tok(k + 1));
        p.cap
            && n.kind == TokKind::Syl
            && !n.cap
            && h.start == p.end
            && n.start == h.end
            && self.doc.is_punct(k, &['-'])
    }

    /// A token that reads as a Vietnamese syllable.
    fn vietnamese_word(&self, k: usize) -> bool {
        tre_text::plausible::is_vietnamese_syllable(self.doc.tok_text(k))
    }

    /// One to three lower-case words from `k` that a capitalised word follows, none of them a
    /// verb or function word that would end a name: the position of that capitalised word.
    fn lower_bridge(&self, k: usize, s: &Range<usize>) -> Option<usize> {
        let mut b = k;
        while b < s.end && b - k < 4 && !self.doc.tok(b).cap && self.doc.tok(b).kind == TokKind::Syl
        {
            if self.sym_is(b, NAME_BREAKERS) {
                return None;
            }
            b += 1;
        }
        (b > k && b < s.end && self.doc.tok(b).cap && self.doc.tok(b).kind == TokKind::Syl)
            .then_some(b)
    }

    /// An organisation built from a head word (`Sở`, `Đại sứ quán`, `UBND`) and what completes
    /// it.
    fn structural_org_at(&self, i: usize, s: &Range<usize>) -> Option<Ent> {
        let (head_end, cue) = self.cue_at(i, s, |c| matches!(c, Cue::OrgHead { .. }))?;
        let Cue::OrgHead { place } = cue else {
            return None;
        };
        // A head written in lower case names a body only with a country after it (`đại sứ
        // quán Mỹ`, `chính phủ Nhật`): otherwise it is a common noun (`các bộ, ban, ngành`).
        if !self.doc.tok(i).cap {
            let country = place
                && matches!(
                    self.place_at(head_end, s),
                    Some(Ent::Place {
                        kind: PlaceKind::Country,
                        ..
                    })
                );
            if !country {
                return None;
            }
        }
        if place && let Some(q) = self.qualifier_at(head_end, s) {
            let mut j = q;
            // A mission: `Đại sứ quán Việt Nam tại Nhật Bản`.
            if j + 1 < s.end
                && self.sym_is(j, &["tại"])
                && let Some(e) = self.entity_after_tai(j + 1, s)
            {
                j = e;
            }
            return Some(Ent::Org {
                end: j,
                org: None,
                structural: true,
            });
        }
        // A name after the head (`Sở Ngoại vụ Hà Nội`; for a head that usually takes a place,
        // a Vietnamese name: `Đảng bộ Khối các cơ quan Đối ngoại Trung ương`).
        let mut j = head_end;
        // `Hội phụ nữ ASEAN`: lower-case words may come before the first capital.
        let bridged = j < s.end && !self.doc.tok(j).cap;
        if bridged {
            if place {
                return None;
            }
            j = self.lower_bridge(j, s)?;
        }
        if j >= s.end || (place && !self.vietnamese_word(j)) {
            return None;
        }
        // `Hãng tin Tân Hoa xã`, `Đài BBC`: a known agency or outlet after a head word is named
        // by itself, the head word only describing it; so is an international body right after
        // one (`Tổ chức ASEAN`), but not one a longer name holds (`Hội phụ nữ ASEAN`).
        if self
            .lex_org_at(j, s)
            .is_some_and(|(_, o)| match self.gaz.orgs[o as usize].kind {
                "news_agency" | "outlet" => true,
                "intl_org" | "foreign_party" => !bridged,
                _ => false,
            })
        {
            return None;
        }
        let words = j;
        j = self.capwords(j, s)?;
        // `Ban Ki-moon`, `Kim Jong-il`: a hyphenated given name is a person's, not a body's.
        if (words + 1..=j).any(|k| self.hyphenated_lower(k)) {
            return None;
        }
        if let Some(q) = self.qualifier_at(j, s) {
            j = q;
        } else if self.truncated(j, s) {
            return None;
        }
        // `Hội người Việt Nam tại Vương quốc Campuchia`, `... ở Paris`.
        if j + 1 < s.end
            && self.sym_is(j, &["tại", "ở"])
            && let Some(end) = self.qualifier_at(j + 1, s)
        {
            j = end;
        }
        Some(Ent::Org {
            end: j,
            org: None,
            structural: true,
        })
    }

    /// Whether a name ending before `j` looks cut short: its last word is one Vietnamese
    /// syllable that a lower-case word follows (`Ban Quản lý Khu | kinh tế tỉnh`): Vietnamese
    /// capitalises only the first word of a name's parts, so the name probably goes on.
    fn truncated(&self, j: usize, s: &Range<usize>) -> bool {
        j < s.end
            && j > 0
            && !self.doc.tok(j - 1).joined
            && !self.doc.tok(j).joined
            && !self.doc.tok(j).cap
            && self.doc.tok(j).kind == TokKind::Syl
            && tre_text::plausible::is_vietnamese_syllable(self.doc.tok_text(j - 1))
    }

    /// A place or organisation after `tại` (`tại Nhật Bản`, `tại Liên Hợp Quốc`): its end.
    fn entity_after_tai(&self, j: usize, s: &Range<usize>) -> Option<usize> {
        if let Some(p) = self.place_at(j, s) {
            return Some(p.end());
        }
        if let Some((end, _)) = self.lex_org_at(j, s) {
            return Some(end);
        }
        None
    }

    /// A venue: a head word and the organisation, place or capitalised words it names
    /// (`Trụ sở cơ quan Ủy ban Kiểm tra Trung ương`, `Khách sạn Melia`).
    fn venue_at(&self, i: usize, s: &Range<usize>) -> Option<Ent> {
        let (head_end, cue) = self.cue_at(i, s, |c| matches!(c, Cue::VenueHead { .. }))?;
        let after_at = i > s.start && self.sym_is(i - 1, &["tại", "ở"]);
        if matches!(cue, Cue::VenueHead { after_at: true }) && !after_at {
            return None;
        }
        let mut j = head_end;
        // `Trụ sở cơ quan X`, `Trụ sở của X`, `sân bay quốc tế Toronto`.
        while j < s.end && j - head_end < 2 && self.sym_is(j, &["cơ", "quan", "của", "quốc", "tế"])
        {
            j += 1;
        }
        // A venue written in lower case (`khu nghỉ mát Furama`) is one only by a proper name
        // after it, not by a body (`hội trường của Hội`).
        let named = j < s.end && self.doc.tok(j).cap && !self.common_word(j, s);
        if !self.doc.tok(i).cap && !named {
            return None;
        }
        let end = if let Some((e, _)) = self.lex_org_at(j, s) {
            e
        } else if let Some(Ent::Org { end, .. }) = self.structural_org_at(j, s) {
            end
        } else if let Some(p) = self.place_at(j, s) {
            p.end()
        } else {
            self.capwords(j, s)?
        };
        // `Trụ sở Đại sứ quán Việt Nam tại Pháp`, `Nhà hát Lớn Hà Nội`.
        let end = match self.qualifier_at(end, s) {
            Some(q) => q,
            None => end,
        };
        Some(Ent::Place {
            end,
            place: None,
            kind: PlaceKind::Venue,
        })
    }

    /// The best organisation, place or venue starting at `i`.
    fn entity_at(&self, i: usize, s: &Range<usize>) -> Option<Ent> {
        let mut best: Option<Ent> = None;
        let mut consider = |e: Ent| {
            if best.is_none_or(|b| e.end() > b.end()) {
                best = Some(e);
            }
        };
        // A place first: on a tie it wins (`CPC` is Campuchia in the Vietnamese press, rarely
        // the Chinese party).
        if let Some(p) = self.place_at(i, s) {
            consider(p);
        }
        if let Some((end, o)) = self.lex_org_at(i, s) {
            consider(self.qualified_org(i, end, o, s.end, s));
        }
        if let Some(o) = self.structural_org_at(i, s) {
            consider(o);
        }
        if let Some(v) = self.venue_at(i, s) {
            consider(v);
        }
        best
    }

    /// A lexicon organisation at `i..end` with the qualifier that follows it, if any (and
    /// within `limit`): a foreign country makes another body (`Bộ Ngoại giao Nhật Bản` is not
    /// `Bộ Ngoại giao`), a Vietnamese place only says where it is.
    fn qualified_org(&self, i: usize, end: usize, o: u32, limit: usize, s: &Range<usize>) -> Ent {
        let mut org = Some(o);
        let mut end_q = end;
        // An organ of a foreign party: `Ban Chấp hành Trung ương Đảng` + `Đảng Cộng sản Cuba`
        // (sharing the word `Đảng`), `Bộ Chính trị Đảng Cộng sản Trung Quốc`.
        if matches!(
            self.gaz.orgs[o as usize].kind,
            "party_organ" | "party_committee"
        ) {
            let party = |k: usize| {
                self.lex_org_at(k, s)
                    .filter(|&(e, p)| {
                        e <= limit && self.gaz.orgs[p as usize].kind == "foreign_party"
                    })
                    .map(|(e, _)| e)
            };
            if let Some(e) = party(end).or_else(|| if end > i + 1 { party(end - 1) } else { None })
            {
                return Ent::Org {
                    end: e,
                    org: None,
                    structural: false,
                };
            }
        }
        if self.qualifiable(o)
            && let Some(q) = self.qualifier_at(end, s).filter(|&q| q <= limit)
        {
            end_q = q;
            if let Some(Ent::Place { place: Some(p), .. }) = self.place_at(end, s)
                && self.gaz.places[p as usize].country.as_deref() != Some("VN")
            {
                org = None;
            }
        }
        Ent::Org {
            end: end_q,
            org,
            structural: false,
        }
    }

    /// Bodies that a country or province after them turns into another country's or
    /// province's body (`Chính phủ Nhật Bản`, `Bộ Ngoại giao Mỹ`, `Quốc hội Lào`).
    fn qualifiable(&self, org: u32) -> bool {
        matches!(
            self.gaz.orgs[org as usize].kind,
            "ministry" | "state_organ" | "ministry_level" | "gov_agency" | "assembly_body"
        )
    }

    /// A title head at `i` with its complement: the end of the title and the title's row.
    fn title_at(&self, i: usize, s: &Range<usize>) -> Option<(usize, u32)> {
        let (head_end, t) = self.title_head_at(i, s)?;
        let info = &self.gaz.titles[t as usize];
        let mut j = head_end;
        use tre_lexicon::Complement as C;
        match info.complement {
            C::Org => {
                if let Some(Ent::Org { end, .. }) = self.org_complement(j, s) {
                    j = end;
                } else if let Some(end) = self.head_word_org(i, head_end, s) {
                    j = end;
                } else if let Some(end) = self.sector_at(j, s) {
                    j = end;
                }
            }
            C::Place => {
                if let Some(q) = self.qualifier_at(j, s) {
                    j = q;
                } else if let Some((end, _)) = self.lex_org_at(j, s) {
                    // `Đại diện thường trực ... tại Liên Hợp Quốc`, `Đại sứ ASEAN`.
                    j = end;
                }
            }
            C::Optional => {
                if let Some(q) = self.qualifier_at(j, s) {
                    j = q;
                } else if let Some(Ent::Org { end, .. }) = self.org_complement(j, s) {
                    j = end;
                }
            }
            C::None => {}
        }
        if j == head_end && matches!(info.complement, C::Org | C::Optional) && j < s.end {
            let t = self.doc.tok(j);
            if t.upper && t.end - t.start >= 2 && self.place_at(j, s).is_none() {
                // An organisation known by its acronym only: `Chủ tịch AWCP`.
                j += 1;
            } else if self.sym_is_phrase(i, head_end, OF_PERSON_HEADS)
                && t.cap
                && let Some((end, _)) = self.title_at(j, s)
            {
                // An envoy or aide of an office holder: `Đặc phái viên Thủ tướng Chính phủ`.
                j = end;
            }
        }
        // Any title may be qualified by a country (`Chủ tịch Quốc hội Lào`), once.
        if (j == head_end || info.complement == C::Org)
            && let Some(Ent::Place { end, kind, .. }) = self.place_at(j, s)
            && kind == PlaceKind::Country
        {
            j = end;
        }
        // A diplomat's post: `Đại sứ Việt Nam tại Nhật Bản`.
        if j > head_end
            && j + 1 < s.end
            && self.sym_is(j, &["tại"])
            && matches!(info.complement, C::Place | C::Optional)
            && let Some(e) = self.entity_after_tai(j + 1, s)
        {
            j = e;
        }
        Some((j, t))
    }

    /// An organisation completing a title: the lexicon's (qualified) or a structural one.
    fn org_complement(&self, j: usize, s: &Range<usize>) -> Option<Ent> {
        // (A body in lower case is one only with its country: `đại sứ quán Mỹ`.)
        if j >= s.end {
            return None;
        }
        match self.entity_at(j, s) {
            Some(e @ Ent::Org { .. }) => Some(e),
            _ => None,
        }
    }

    /// `Trưởng Ban` + `Đối ngoại Trung ương`: a lexicon organisation that starts with the last
    /// word of the title head.
    fn head_word_org(&self, i: usize, head_end: usize, s: &Range<usize>) -> Option<usize> {
        (i + 1..head_end).find_map(|k| {
            self.lex_org_at(k, s)
                .filter(|&(end, _)| end > head_end)
                .map(|(end, _)| end)
        })
    }

    /// A sector (`Ngoại giao`, `Quốc phòng`): its end, with a qualifier.
    fn sector_at(&self, j: usize, s: &Range<usize>) -> Option<usize> {
        let mut best = None;
        for h in self.doc.hits(j) {
            let e = self.entry(h.entry);
            if matches!(e.target, Target::Sector(_)) && h.end <= s.end && self.cap_ok(j, h.end, e) {
                best = Some(h.end);
            }
        }
        let mut end = best?;
        // `Thương mại và Công nghiệp`.
        if end + 1 < s.end
            && self.sym_is(end, &["và"])
            && let Some(more) = self.doc.hits(end + 1).iter().rev().find_map(|h| {
                let e = self.entry(h.entry);
                (matches!(e.target, Target::Sector(_))
                    && h.end <= s.end
                    && self.cap_ok(end + 1, h.end, e))
                .then_some(h.end)
            })
        {
            end = more;
        }
        Some(self.qualifier_at(end, s).unwrap_or(end))
    }

    fn lexicon_person_at(&self, i: usize, s: &Range<usize>) -> Option<(usize, u32)> {
        let mut best = None;
        for h in self.doc.hits(i) {
            let e = self.entry(h.entry);
            if let Target::Person(p) = e.target
                && h.end <= s.end
                && self.doc.tok(i).cap
                && self.cap_ok(i, h.end, e)
            {
                best = Some((h.end, p));
            }
        }
        best
    }

    /// A run of capitalised tokens from `i`, stopping where a known title, organisation,
    /// place or honorific starts (unless the run is a Vietnamese name, which may contain
    /// syllables that are also place names).
    fn cap_run(&self, i: usize, s: &Range<usize>) -> usize {
        let vietnamese = self.name_starts(i, s) && self.vietnamese_word(i + 1);
        let mut k = i + 1;
        loop {
            if k >= s.end {
                break;
            }
            // Inside a foreign name: a hyphen written tight (`Ki-Moon`, `Jean-François`) and
            // the lower-case particles of European and Arabic names (`de La Sablière`, `bin
            // Sultan`).
            if !vietnamese && k + 1 < s.end && self.doc.tok(k + 1).cap {
                let tight = self.doc.tok(k).start == self.doc.tok(k - 1).end
                    && self.doc.tok(k + 1).start == self.doc.tok(k).end;
                // An initial: `Noah A. Zaring`, `G.W. Bush`.
                let initial = self.doc.tok(k).start == self.doc.tok(k - 1).end
                    && self.doc.tok(k - 1).upper
                    && self.doc.tok(k - 1).end - self.doc.tok(k - 1).start == 1;
                if (tight && self.doc.is_punct(k, &['-']))
                    || (initial && self.doc.is_punct(k, &['.']))
                    || (self.doc.tok(k).kind == TokKind::Syl && self.sym_is(k, NAME_PARTICLES))
                {
                    k += 1;
                    continue;
                }
            }
            // The lower-case second half of a hyphenated given name (`Chun-ho`, `Ki-moon`).
            let cur = self.doc.tok(k);
            if self.hyphenated_lower(k) {
                k += 2;
                continue;
            }
            if !(cur.cap && cur.kind == TokKind::Syl) {
                break;
            }
            let title = self.title_head_at(k, s);
            // A title of two or more words ends even a Vietnamese name (`Đoàn | Trưởng cơ
            // quan đại diện`): given names are not titles.
            if title.is_some_and(|(end, _)| end - k >= 2) {
                break;
            }
            if !vietnamese
                && (title.is_some()
                    || self.entity_at(k, s).is_some()
                    || self
                        .cue_at(k, s, |c| matches!(c, Cue::Honorific | Cue::Describer))
                        .is_some())
            {
                break;
            }
            if vietnamese && k - i >= 5 {
                break;
            }
            k += 1;
        }
        // A capital that begins a lower-case word (`Đồng_chí`, `Hồ_sơ`) is not part of a name.
        while k > i
            && k < s.end
            && self.doc.tok(k).joined
            && !self.doc.tok(k).cap
            && self.doc.tok(k).kind == TokKind::Syl
        {
            k -= 1;
        }
        // A particle or hyphen cannot end a name.
        while k > i + 1 && !self.doc.tok(k - 1).cap && !(k >= 2 && self.hyphenated_lower(k - 2)) {
            k -= 1;
        }
        k
    }

    /// Whether a name-shaped run is a place's name: the name of a district of the lexicon
    /// (`Châu Thành`), or one that ends in a province or country (`Hoàng Anh Gia Lai`).
    fn names_a_place(&self, a: usize, b: usize) -> bool {
        let is_place = |k: usize, end: usize, kinds: &[PlaceKind]| {
            self.doc.hits(k).iter().any(|h| {
                h.end == end
                    && matches!(self.entry(h.entry).target, Target::Place(p)
                        if kinds.contains(&self.gaz.places[p as usize].kind))
            })
        };
        is_place(
            a,
            b,
            &[PlaceKind::District, PlaceKind::City, PlaceKind::Province],
        ) || (a + 1..b.saturating_sub(1)).any(|k| {
            is_place(
                k,
                b,
                &[PlaceKind::Province, PlaceKind::Country, PlaceKind::City],
            )
        })
    }

    fn is_vietnamese_name(&self, a: usize, b: usize, s: &Range<usize>) -> bool {
        let n = b - a;
        (2..=5).contains(&n)
            && self.name_starts(a, s)
            && (a..b).all(|k| {
                let t = &self.doc.tok(k);
                !(t.upper && t.end - t.start > 1)
                    && tre_text::plausible::is_vietnamese_syllable(self.doc.tok_text(k))
            })
    }

    fn sentence(&mut self, si: usize) {
        let s = self.doc.sents[si].toks.clone();
        let mut units: Vec<Unit> = Vec::with_capacity(s.len());
        let mut i = s.start;
        let mut credit = false;
        while i < s.end {
            let t = self.doc.tok(i);
            // Punctuation and typed units.
            if t.kind != TokKind::Syl && t.kind != TokKind::Num {
                let u = if t.kind == TokKind::Punct {
                    let p = self.doc.tok_text(i);
                    match p {
                        "," => Unit::Comma,
                        ":" => Unit::Colon,
                        "-" | "–" | "—" => Unit::Dash,
                        "(" | "[" => Unit::Open,
                        ")" | "]" => Unit::Close,
                        _ => Unit::Other(i),
                    }
                } else {
                    Unit::Other(i)
                };
                if u == Unit::Close || u == Unit::Other(i) {
                    credit = false;
                }
                // `Tổng công ty Dầu khí Việt Nam (Petro Vietnam)`, `Hội ... ở Paris (AWCP)`: the
                // name in parentheses right after a body is another name of it.
                if u == Unit::Open
                    && self.out.orgs.last().is_some_and(|o| o.end == i)
                    && let Some((a, b)) = self.parenthesised_alias(i, &s)
                {
                    units.push(Unit::Open);
                    self.push_ent(
                        Ent::Org {
                            end: b,
                            org: None,
                            structural: true,
                        },
                        a,
                    );
                    units.push(Unit::Ent);
                    units.push(Unit::Close);
                    i = b + 1;
                    continue;
                }
                units.push(u);
                i += 1;
                continue;
            }
            // `thành phố Hạ Long`, `tỉnh Gia Lai`: the place is the name after the unit word.
            if !t.cap
                && let Some((end, Cue::Admin(_))) =
                    self.cue_at(i, &s, |c| matches!(c, Cue::Admin(_)))
                && end < s.end
                && matches!(self.place_at(end, &s), Some(Ent::Place { .. }))
            {
                for k in i..end {
                    units.push(Unit::Other(k));
                }
                i = end;
                continue;
            }
            // A title, with a prefix such as `nguyên` before it.
            let prefix = self
                .cue_at(i, &s, |c| c == Cue::Prefix)
                .map(|(end, _)| end)
                .filter(|&end| self.title_head_at(end, &s).is_some());
            let title_start = prefix.unwrap_or(i);
            let title = self.title_at(title_start, &s);
            let ent = self.entity_at(i, &s);
            let person = self.lexicon_person_at(i, &s);
            let title_end = title.map_or(0, |t| t.0);
            let ent_end = ent.map_or(0, |e| e.end());
            let person_end = person.map_or(0, |p| p.0);
            // A Vietnamese name beats a place of the same start that it contains (`Hà Quảng`
            // is a district; `Hà Quảng Minh` a person), never a title.
            // Not a person: a name after a preposition of place (`tại Viên Chăn`), or one that
            // names a street, a hospital, a school, a bridge (`đường Trần Hưng Đạo`, `bệnh viện
            // Bạch Mai`, `số 1 Lê Lợi`).
            let after_preposition = i > s.start
                && (self.sym_is(i - 1, PLACE_PREPOSITIONS)
                    || self.sym_is(i - 1, NAMED_THINGS)
                    || self.doc.tok(i - 1).kind == TokKind::Num
                    || (i >= s.start + 2
                        && self.sym_is_phrase(
                            i - 2,
                            i,
                            &[
                                "bệnh viện",
                                "đại lộ",
                                "công viên",
                                "quảng trường",
                                "câu lạc bộ",
                                "sân vận động",
                            ],
                        )));
            let name_end = if self.name_starts(i, &s) && t.cap && !after_preposition {
                let e = self.cap_run(i, &s);
                if self.is_vietnamese_name(i, e, &s) && !self.names_a_place(i, e) {
                    e
                } else {
                    0
                }
            } else {
                0
            };

            if title.is_some() && title_end >= ent_end && title_end >= person_end {
                let (end, tid) = title.unwrap_or((i, 0));
                let plural = units
                    .iter()
                    .rev()
                    .find(
                        |u| !matches!(u, Unit::Other(k) if self.sym_is(*k, &["vị", "đồng", "chí"])),
                    )
                    .is_some_and(|u| *u == Unit::Plural);
                let in_name = i > s.start
                    && (s.start..i).any(|k| {
                        self.doc.hits(k).iter().any(|h| {
                            h.end == i
                                && matches!(
                                    self.gaz.cue(self.entry(h.entry)),
                                    Some(Cue::Event { strong: true, .. })
                                )
                        })
                    });
                let idx = self.out.titles.len();
                self.out.titles.push(TitleM {
                    start: i,
                    end,
                    title: tid,
                    sent: si,
                    plural,
                    in_name,
                    linked: false,
                });
                self.nested(title_start + 1, end, &s);
                units.push(Unit::Title(idx));
                i = end;
                continue;
            }
            // A lexicon name that a longer capitalised run contains (`Anwar` of `Anwar
            // Sadat`) is not that person.
            let person_end = if person_end > 0 && t.cap && self.cap_run(i, &s) > person_end {
                0
            } else {
                person_end
            };
            if person_end > 0 && person_end >= ent_end && person_end >= name_end {
                let (end, p) = person.unwrap_or((i, 0));
                self.push_name(&mut units, i, end, si, Some(p), credit);
                i = end;
                continue;
            }
            if let Some(e) = ent
                && ent_end >= name_end
            {
                self.push_ent(e, i);
                units.push(Unit::Ent);
                i = ent_end;
                continue;
            }
            if let Some((end, cue)) = self.cue_at(i, &s, |c| {
                matches!(
                    c,
                    Cue::Honorific | Cue::Describer | Cue::Plural | Cue::Conj | Cue::Credit
                )
            }) {
                let next_cap = end < s.end && self.doc.tok(end).cap;
                // A describing word introduces a full name only (`sinh viên Congo` is not one).
                let full_name = || {
                    next_cap
                        && (self.name_starts(end, &s)
                            || tre_text::tokens(self.doc.span_text(end, self.cap_run(end, &s)))
                                .count()
                                >= 2)
                };
                match cue {
                    Cue::Honorific if next_cap => {
                        units.push(Unit::Hon(i));
                        i = end;
                        continue;
                    }
                    Cue::Describer if full_name() => {
                        units.push(Unit::Hon(i));
                        i = end;
                        continue;
                    }
                    Cue::Plural => {
                        units.push(Unit::Plural);
                        i = end;
                        continue;
                    }
                    Cue::Conj if self.sym_is(i, &["và"]) => {
                        units.push(Unit::Conj);
                        i = end;
                        continue;
                    }
                    _ => {}
                }
            }
            if self.sym_is(i, CREDIT_WORDS) && i + 1 < s.end && self.doc.is_punct(i + 1, &[':']) {
                credit = true;
            }
            if self.sym_is(i, &["kiêm"]) {
                units.push(Unit::Kiem);
                i += 1;
                continue;
            }
            if t.cap && t.kind == TokKind::Syl {
                let end = if name_end > 0 {
                    name_end
                } else {
                    self.cap_run(i, &s)
                };
                if end > i {
                    let introduced =
                        introduced(&units) && !(end == i + 1 && self.common_word(i, &s));
                    if name_end > 0 || introduced {
                        let end = if introduced && end - i > 5 {
                            i + 4
                        } else {
                            end
                        };
                        self.push_name(&mut units, i, end, si, None, credit);
                    } else {
                        units.push(Unit::Cap(self.out.others.len()));
                        self.out.others.push((i, end, si));
                    }
                    i = end;
                    continue;
                }
            }
            units.push(Unit::Other(i));
            i += 1;
        }
        self.link(&mut units);
    }

    fn push_name(
        &mut self,
        units: &mut Vec<Unit>,
        start: usize,
        end: usize,
        sent: usize,
        person: Option<u32>,
        credit: bool,
    ) {
        // A credit, or a lone letter (`ông H.`, an anonymised person or an author's mark).
        if credit || (end == start + 1 && self.doc.tok_text(start).chars().count() < 2) {
            units.push(Unit::Other(start));
            return;
        }
        let introduced = introduced(units);
        let male = match units.last() {
            Some(Unit::Hon(k)) if self.sym_is(*k, &["ông"]) => Some(true),
            Some(Unit::Hon(k)) if self.sym_is(*k, &["bà"]) => Some(false),
            _ => None,
        };
        let idx = self.out.names.len();
        self.out.names.push(NameM {
            start,
            end,
            sent,
            person,
            titles: Vec::new(),
            introduced,
            male,
        });
        units.push(Unit::Name(idx));
    }

    fn push_ent(&mut self, e: Ent, start: usize) {
        match e {
            Ent::Org {
                end,
                org,
                structural,
            } => {
                self.out.orgs.push(OrgM {
                    start,
                    end,
                    org,
                    structural,
                });
                // A place inside a body's name (`Bộ Ngoại giao Nhật Bản`) is that body's, not a
                // place the article names by itself: it is not listed.
            }
            Ent::Place { end, place, kind } => {
                self.out.places.push(PlaceM {
                    start,
                    end,
                    place,
                    kind,
                });
                if kind == PlaceKind::Venue && place.is_none() {
                    // The body a venue is named after is named too.
                    let s = self.sentence_of(start);
                    self.nested(start + 1, end, &s);
                }
            }
        }
    }

    fn sentence_of(&self, tok: usize) -> Range<usize> {
        let i = self
            .doc
            .sents
            .partition_point(|s| s.toks.end <= tok)
            .min(self.doc.sents.len().saturating_sub(1));
        self.doc
            .sents
            .get(i)
            .map_or(tok..tok + 1, |s| s.toks.clone())
    }

    /// Organisations and places named inside a title or a venue (`Ủy viên Bộ Chính trị`,
    /// `Đại sứ Việt Nam tại Nhật Bản`).
    fn nested(&mut self, from: usize, to: usize, s: &Range<usize>) {
        let mut k = from;
        while k < to {
            let lex = self.lex_org_at(k, s).filter(|&(e, _)| e <= to);
            if let Some((end, o)) = lex {
                let e = self.qualified_org(k, end, o, to, s);
                self.push_ent(e, k);
                k = e.end();
                continue;
            }
            // A body or place the title names, in its head (`Ủy viên Ban Thường vụ Tỉnh ủy`) or
            // its complement (`Giám đốc Sở Ngoại vụ Hà Nội`, `Đại sứ Việt Nam tại Nhật Bản`).
            if let Some(e) = self.entity_at(k, s).filter(|e| e.end() <= to) {
                self.push_ent(e, k);
                k = e.end();
                continue;
            }
            k += 1;
        }
    }

    /// Attaches titles to names (see the module documentation).
    fn link(&mut self, units: &mut [Unit]) {
        let n = units.len();
        // `David Shambaugh, Giám đốc Viện ...`: a capitalised run with titles after it is a
        // name.
        for k in 0..n {
            if let Unit::Cap(c) = units[k]
                && matches!(units.get(k + 1), Some(Unit::Comma | Unit::Open))
                && let Some(Unit::Title(t)) = units.get(k + 2)
                && !self.out.titles[*t].plural
                && !matches!(
                    units.get(k + 3),
                    Some(Unit::Name(_) | Unit::Hon(_) | Unit::Cap(_))
                )
            {
                let (a, b, sent) = self.out.others[c];
                if (2..=4).contains(&(b - a))
                    && !(a..b).any(|x| {
                        self.doc.tok(x).upper && self.doc.tok(x).end - self.doc.tok(x).start > 1
                    })
                {
                    units[k] = Unit::Name(self.out.names.len());
                    self.out.names.push(NameM {
                        start: a,
                        end: b,
                        sent,
                        person: None,
                        titles: Vec::new(),
                        introduced: false,
                        male: None,
                    });
                    self.out.others[c].1 = a; // consumed
                }
            }
        }
        let units = &*units;
        let title_at = |k: usize| match units.get(k) {
            Some(Unit::Title(t)) => Some(*t),
            _ => None,
        };
        let name_at = |k: usize| match units.get(k) {
            Some(Unit::Name(x)) => Some(*x),
            _ => None,
        };
        // A unit after which a title belongs to the name that follows it.
        let followed_by_name = |k: usize| {
            name_at(k + 1).is_some()
                || (matches!(units.get(k + 1), Some(Unit::Hon(_) | Unit::Ent))
                    && name_at(k + 2).is_some())
        };
        let mut claimed = vec![false; self.out.titles.len()];
        let base_claim = |claimed: &mut Vec<bool>, t: usize| {
            if t >= claimed.len() {
                claimed.resize(t + 1, false);
            }
            let was = claimed[t];
            claimed[t] = true;
            !was
        };

        // Lists: `các Thứ trưởng Ngoại giao: A, B, C` and `hai Phó Thủ tướng A và B`.
        for k in 0..n {
            let Some(t) = title_at(k) else { continue };
            let colon = matches!(units.get(k + 1), Some(Unit::Colon));
            if !(self.out.titles[t].plural || colon) {
                continue;
            }
            let mut j = k + 1 + usize::from(colon);
            let mut members = Vec::new();
            while let Some(x) = name_at(j) {
                members.push(x);
                match units.get(j + 1) {
                    Some(Unit::Comma | Unit::Conj) if name_at(j + 2).is_some() => j += 2,
                    _ => break,
                }
            }
            if members.len() >= 2 || (colon && !members.is_empty()) {
                base_claim(&mut claimed, t);
                for x in members {
                    self.attach(x, t);
                }
            }
        }

        for k in 0..n {
            let Some(x) = name_at(k) else { continue };
            // Post-nominal: `Name, T1, T2, ...` (and `Name (T1)`, `Name - T1`).
            let mut j = k + 1;
            if matches!(units.get(j), Some(Unit::Comma | Unit::Open | Unit::Dash)) {
                j += 1;
                while let Some(t) = title_at(j) {
                    if followed_by_name(j)
                        || self.out.titles[t].plural
                        || self.out.titles[t].in_name
                    {
                        break;
                    }
                    if base_claim(&mut claimed, t) {
                        self.attach(x, t);
                    }
                    match units.get(j + 1) {
                        Some(Unit::Comma | Unit::Kiem | Unit::Dash)
                            if title_at(j + 2).is_some() =>
                        {
                            j += 2
                        }
                        _ => break,
                    }
                }
            }
            // A predicate: `Name - người được chỉ định là Title`, `Name làm tân Title`,
            // `Name được bầu làm Title`.
            let mut j = k + 1;
            if matches!(units.get(j), Some(Unit::Dash | Unit::Comma | Unit::Open)) {
                j += 1;
            }
            let from = j;
            while j < n && j - from < 7 {
                match units[j] {
                    Unit::Other(tok) if self.sym_is(tok, PREDICATE_WORDS) => j += 1,
                    _ => break,
                }
            }
            if j > from
                && let Some(Unit::Other(last)) = units.get(j - 1)
                && self.sym_is(*last, &["là", "làm", "chức", "thành"])
                && let Some(t) = title_at(j)
                && !followed_by_name(j)
                && !self.out.titles[t].plural
                && base_claim(&mut claimed, t)
            {
                self.attach(x, t);
            }
            // Pre-nominal: `T1, T2 Name`, `T ông Name`, `T, ông Name`.
            let mut j = k;
            if j >= 1 && matches!(units[j - 1], Unit::Hon(_)) {
                j -= 1;
                if j >= 1
                    && matches!(units[j - 1], Unit::Comma)
                    && title_at(j.wrapping_sub(2)).is_some()
                {
                    j -= 1;
                }
            }
            let mut chain = Vec::new();
            while j >= 1 {
                let Some(t) = title_at(j - 1) else { break };
                let direct = j == k;
                if claimed.get(t).copied().unwrap_or(false)
                    || self.out.titles[t].plural
                    || (self.out.titles[t].in_name && !direct)
                    || (!direct && self.held_by_other(t, x))
                {
                    break;
                }
                chain.push(t);
                // An earlier title joins the chain only when it starts a phrase (`, Ủy viên
                // Trung ương Đảng, Bộ trưởng ...`), not when it is the object of a word before
                // it (`Tại cuộc gặp Thủ tướng Canada, Chủ tịch ...`).
                let starts_phrase = |x: usize| {
                    x == 0
                        || match units[x - 1] {
                            Unit::Comma
                            | Unit::Hon(_)
                            | Unit::Plural
                            | Unit::Open
                            | Unit::Colon
                            | Unit::Dash
                            | Unit::Kiem => true,
                            Unit::Other(tok) => {
                                self.doc.tok(tok).kind == TokKind::Punct
                                    || self.sym_is(tok, &["có", "là", "với"])
                            }
                            _ => false,
                        }
                };
                if j >= 3
                    && matches!(units[j - 2], Unit::Comma | Unit::Kiem | Unit::Dash)
                    && title_at(j - 3).is_some()
                    && starts_phrase(j - 3)
                {
                    j -= 2;
                } else {
                    break;
                }
            }
            for t in chain.into_iter().rev() {
                if base_claim(&mut claimed, t) {
                    self.attach(x, t);
                }
            }
        }
    }

    /// Whether the title `t` is written as a title another name already holds in the article
    /// (`Thủ tướng Canada` of `Thủ tướng Canada Paul Martin`): then it refers to that person,
    /// and is not a further title of the name `x` after it.
    fn held_by_other(&self, t: usize, x: usize) -> bool {
        let tm = &self.out.titles[t];
        let key = tre_text::lower(self.doc.span_text(tm.start, tm.end));
        let own = tre_text::lower(
            self.doc
                .span_text(self.out.names[x].start, self.out.names[x].end),
        );
        self.out.names.iter().enumerate().any(|(ni, n)| {
            ni != x
                && tre_text::lower(self.doc.span_text(n.start, n.end)) != own
                && n.titles.iter().any(|&o| {
                    let om = &self.out.titles[o];
                    tre_text::lower(self.doc.span_text(om.start, om.end)) == key
                })
        })
    }

    fn attach(&mut self, name: usize, title: usize) {
        self.out.titles[title].linked = true;
        if !self.out.names[name].titles.contains(&title) {
            self.out.names[name].titles.push(title);
        }
    }
}

/// Whether a capitalised run after these units is introduced as a person: right after a title
/// or an honorific, or after an honorific and a country (`người đồng nhiệm Pháp Dominique de
/// Villepin`).
fn introduced(units: &[Unit]) -> bool {
    matches!(
        units,
        [.., Unit::Title(_) | Unit::Hon(_)] | [.., Unit::Hon(_), Unit::Ent]
    )
}
