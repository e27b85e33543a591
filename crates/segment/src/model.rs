//! The embedded CRF model: decoding `data/ws.bin` into lookup tables laid out for the
//! inference loop in [`crate::crf`].
//!
//! The file is written by `examples/build_model.rs` from underthesea's CRF word-segmentation
//! model (Apache-2.0; see the crate README). Its 43 feature templates (listed in
//! [`TEMPLATES`]) look at the syllables within two positions of the one being labelled: each
//! syllable alone (as written and lower-cased), adjacent pairs, skip-one triples, and whether
//! those are capitalised, numeric or in underthesea's dictionary. Instead of building feature
//! strings (what underthesea does, dozens of allocations per syllable), the tables are keyed by
//! integer syllable ids: a token costs one interning lookup for its own syllable (two when it
//! has capitals), one per adjacent pair and one per triple.
//!
//! Weights are stored as `w(B) - w(I)` (see the converter for why that loses nothing).

use crate::hash::FxHashMap;

/// Offsets `(first, last)` relative to the labelled position of the syllables each template
/// reads, in the model's template order. Unigram templates have `first == last`.
pub(crate) const TEMPLATES: [(i8, i8); 43] = [
    (-2, -2),
    (-1, -1),
    (0, 0),
    (1, 1),
    (2, 2),
    (-2, -1),
    (-1, 0),
    (0, 1),
    (1, 2),
    (-2, 0),
    (-1, 1),
    (0, 2),
    // .lower
    (-2, -2),
    (-1, -1),
    (0, 0),
    (1, 1),
    (2, 2),
    (-2, -1),
    (-1, 0),
    (0, 1),
    (1, 2),
    // .isdigit
    (-1, -1),
    (0, 0),
    (1, 1),
    // .istitle
    (-2, -2),
    (-1, -1),
    (0, 0),
    (1, 1),
    (2, 2),
    (0, 1),
    (0, 2),
    // .is_in_dict
    (-2, -2),
    (-1, -1),
    (0, 0),
    (1, 1),
    (2, 2),
    (-2, -1),
    (-1, 0),
    (0, 1),
    (1, 2),
    (-2, 0),
    (-1, 1),
    (0, 2),
];

/// First template index of each group, in [`TEMPLATES`] order.
pub(crate) const RAW_UNI: usize = 0;
pub(crate) const RAW_BI: usize = 5;
pub(crate) const RAW_TRI: usize = 9;
pub(crate) const LOW_UNI: usize = 12;
pub(crate) const LOW_BI: usize = 17;
pub(crate) const DIGIT: usize = 21;
pub(crate) const TITLE: usize = 24;
pub(crate) const TITLE_01: usize = 29;
pub(crate) const TITLE_02: usize = 30;
pub(crate) const DICT_UNI: usize = 31;
pub(crate) const DICT_BI: usize = 36;
pub(crate) const DICT_TRI: usize = 40;

/// Weights a syllable contributes through the unigram templates: index `k + 2` holds the
/// weight added to the position `k` places *before* the syllable (template `T[k]`).
#[derive(Clone, Copy, Default)]
pub(crate) struct Uni {
    pub raw: [f32; 5],
    pub low: [f32; 5],
    /// The lower-cased syllable is a one-syllable dictionary entry.
    pub dict: bool,
    /// pyvi's weights for the lower-cased syllable seen from the next position (`-1:`), from
    /// its own (`word.lower()`), and from the previous one (`+1:`).
    pub pv: [f32; 3],
}

/// Weights of an adjacent pair starting at position `q`, for templates `T[a,a+1]` with
/// `a = -2..=1` (index `a + 2`), which label position `q - a`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Pair {
    pub raw: [f32; 4],
    pub low: [f32; 4],
    pub dict: bool,
    /// The lower-cased pair is in pyvi's n-gram list.
    pub pv_dict: bool,
}

/// Weights of a triple starting at `q`, for `T[c,c+2]` with `c = -2..=0` (index `c + 2`).
#[derive(Clone, Copy, Default)]
pub(crate) struct Triple {
    pub raw: [f32; 3],
    pub dict: bool,
    pub pv_dict: bool,
}

/// Id of a syllable the model has never seen.
pub(crate) const UNKNOWN: u32 = u32::MAX;

pub(crate) struct Model {
    pub vocab: FxHashMap<&'static str, u32>,
    /// Indexed by syllable id; one extra all-zero row at the end stands for [`UNKNOWN`].
    pub uni: Vec<Uni>,
    pub pairs: FxHashMap<u64, Pair>,
    pub triples: FxHashMap<u64, Triple>,
    /// `trans[prev * 2 + cur]`, label 0 = B (begins a word), 1 = I (continues one).
    pub trans: [f32; 4],
    pub bos: [f32; 43],
    pub eos: [f32; 43],
    pub yes: [f32; 43],
    pub no: [f32; 43],
    /// pyvi's transitions, in the layout of [`Model::trans`].
    pub pv_trans: [f32; 4],
    /// pyvi's boolean attributes; see the `PV_*` indices.
    pub pv_bool: [f32; 12],
}

/// Indices into [`Model::pv_bool`].
pub(crate) const PV_BIAS: usize = 0;
pub(crate) const PV_UPPER: usize = 1;
pub(crate) const PV_TITLE: usize = 2;
pub(crate) const PV_DIGIT: usize = 3;
pub(crate) const PV_PREV_TITLE: usize = 4;
pub(crate) const PV_PREV_UPPER: usize = 5;
pub(crate) const PV_NEXT_TITLE: usize = 6;
pub(crate) const PV_NEXT_UPPER: usize = 7;
pub(crate) const PV_PREV_BIGRAM: usize = 8;
pub(crate) const PV_NEXT_BIGRAM: usize = 9;
pub(crate) const PV_PREV_TRIGRAM: usize = 10;
pub(crate) const PV_NEXT_TRIGRAM: usize = 11;

#[inline]
pub(crate) fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Ids are below 2^21 (checked at load), so three fit in a u64.
#[inline]
pub(crate) fn triple_key(a: u32, b: u32, c: u32) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// A cursor over the embedded bytes. The model is part of the binary and checked by tests, so
/// a malformed file is a build defect: decoding reports it as an error string and the caller
/// panics once, at start-up, never on user input.
struct Reader {
    bytes: &'static [u8],
    pos: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], String> {
        let end = self.pos.checked_add(n).ok_or("overflow")?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or_else(|| format!("model truncated at byte {}", self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    pub(crate) fn decode(bytes: &'static [u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != b"TRESEG02" {
            return Err("not a tre-segment model".into());
        }
        let n = r.u32()? as usize;
        if n >= 1 << 21 {
            return Err("vocabulary too large for packed keys".into());
        }
        let mut vocab = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for id in 0..n {
            let len = usize::from(r.u8()?);
            let s = std::str::from_utf8(r.take(len)?).map_err(|e| e.to_string())?;
            vocab.insert(s, id as u32);
        }
        let mut trans = [0f32; 4];
        for t in &mut trans {
            *t = r.f32()?;
        }
        let (mut bos, mut eos, mut yes, mut no) = ([0f32; 43], [0f32; 43], [0f32; 43], [0f32; 43]);
        for t in 0..43 {
            bos[t] = r.f32()?;
            eos[t] = r.f32()?;
            yes[t] = r.f32()?;
            no[t] = r.f32()?;
        }
        let mut uni = vec![Uni::default(); n + 1];
        let check = |id: u32| {
            if (id as usize) < n {
                Ok(id)
            } else {
                Err(format!("syllable id {id} out of range"))
            }
        };
        let count = r.u32()?;
        for _ in 0..count {
            let t = usize::from(r.u8()?);
            let id = check(r.u32()?)? as usize;
            let w = r.f32()?;
            match t {
                RAW_UNI..RAW_BI => uni[id].raw[t - RAW_UNI] = w,
                LOW_UNI..LOW_BI => uni[id].low[t - LOW_UNI] = w,
                _ => return Err(format!("template {t} is not a unigram")),
            }
        }
        let mut pairs: FxHashMap<u64, Pair> = FxHashMap::default();
        let count = r.u32()?;
        for _ in 0..count {
            let t = usize::from(r.u8()?);
            let (a, b) = (check(r.u32()?)?, check(r.u32()?)?);
            let w = r.f32()?;
            let e = pairs.entry(pair_key(a, b)).or_default();
            match t {
                RAW_BI..RAW_TRI => e.raw[t - RAW_BI] = w,
                LOW_BI..DIGIT => e.low[t - LOW_BI] = w,
                _ => return Err(format!("template {t} is not a bigram")),
            }
        }
        let mut triples: FxHashMap<u64, Triple> = FxHashMap::default();
        let count = r.u32()?;
        for _ in 0..count {
            let t = usize::from(r.u8()?);
            let (a, b, c) = (check(r.u32()?)?, check(r.u32()?)?, check(r.u32()?)?);
            let w = r.f32()?;
            if !(RAW_TRI..LOW_UNI).contains(&t) {
                return Err(format!("template {t} is not a trigram"));
            }
            triples.entry(triple_key(a, b, c)).or_default().raw[t - RAW_TRI] = w;
        }
        let count = r.u32()?;
        for _ in 0..count {
            let len = r.u8()?;
            match len {
                1 => uni[check(r.u32()?)? as usize].dict = true,
                2 => {
                    let (a, b) = (check(r.u32()?)?, check(r.u32()?)?);
                    pairs.entry(pair_key(a, b)).or_default().dict = true;
                }
                3 => {
                    let (a, b, c) = (check(r.u32()?)?, check(r.u32()?)?, check(r.u32()?)?);
                    triples.entry(triple_key(a, b, c)).or_default().dict = true;
                }
                _ => return Err(format!("dictionary entry of {len} syllables")),
            }
        }
        if r.take(4)? != b"PYVI" {
            return Err("pyvi section missing".into());
        }
        let mut pv_trans = [0f32; 4];
        for t in &mut pv_trans {
            *t = r.f32()?;
        }
        let mut pv_bool = [0f32; 12];
        for b in &mut pv_bool {
            *b = r.f32()?;
        }
        let count = r.u32()?;
        for _ in 0..count {
            let k = usize::from(r.u8()?);
            let id = check(r.u32()?)? as usize;
            let w = r.f32()?;
            *uni[id].pv.get_mut(k).ok_or("pyvi word kind out of range")? = w;
        }
        let count = r.u32()?;
        for _ in 0..count {
            match r.u8()? {
                2 => {
                    let (a, b) = (check(r.u32()?)?, check(r.u32()?)?);
                    pairs.entry(pair_key(a, b)).or_default().pv_dict = true;
                }
                3 => {
                    let (a, b, c) = (check(r.u32()?)?, check(r.u32()?)?, check(r.u32()?)?);
                    triples.entry(triple_key(a, b, c)).or_default().pv_dict = true;
                }
                len => return Err(format!("pyvi n-gram of {len} syllables")),
            }
        }
        if r.pos != bytes.len() {
            return Err("trailing bytes after model".into());
        }
        Ok(Model {
            vocab,
            uni,
            pairs,
            triples,
            trans,
            bos,
            eos,
            yes,
            no,
            pv_trans,
            pv_bool,
        })
    }

    /// Row of [`Model::uni`] for `id` (the zero row for [`UNKNOWN`]).
    #[inline]
    pub(crate) fn uni(&self, id: u32) -> &Uni {
        let last = self.uni.len() - 1;
        &self.uni[(id as usize).min(last)]
    }
}
