//! MinHash signatures: the parameters, the [`Signature`] of one text (serialisable, so the store
//! can keep it and never recompute it), and the similarity two signatures estimate.
//!
//! A signature holds two MinHash sketches:
//! - `mins`, over every distinct shingle of the text: estimates the Jaccard similarity of two
//!   texts, and with the two shingle counts the containment of the smaller in the larger;
//! - `head_mins`, over the shingles of the text's beginning (title and lead): a teaser (title
//!   and sapo, a feed item, a front-page blurb) is a tiny part of its full article, so its
//!   Jaccard similarity to the whole article is near zero, but it is most of the article's head.

use crate::shingle::{fmix64, shingles, token_hashes};

/// Tuning of near-duplicate detection. [`Params::default`] is what the figures in the crate's
/// README were measured with; change it only with a measurement.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Syllables per shingle. Five syllables are two to three Vietnamese words: long enough that
    /// common phrases (`theo báo cáo của`) rarely make unrelated texts look alike, short enough
    /// that a substituted word spoils only five shingles.
    pub shingle_len: usize,
    /// LSH bands over the full sketch, and MinHash values per band: the sketch has
    /// `bands * rows` values. A pair becomes a candidate when one band agrees entirely.
    pub bands: usize,
    pub rows: usize,
    /// Shingles at the start of a text that make its head (title and lead).
    pub head_len: usize,
    /// LSH bands and rows over the head sketch.
    pub head_bands: usize,
    pub head_rows: usize,
    /// Two texts are near-duplicates when their estimated Jaccard similarity reaches this...
    pub min_jaccard: f64,
    /// ...or when the smaller is contained in the larger at least this much (an abridged
    /// copy, a teaser and its article)...
    pub min_containment: f64,
    /// ...where containment is only trusted from the full sketch when the Jaccard estimate is
    /// at least this (below it the estimate is too noisy: a few agreeing values decide it).
    pub containment_min_jaccard: f64,
    /// A text this short (in distinct shingles) or shorter is matched against the other's head
    /// as a teaser; shorter than `min_teaser` it is too short to be called anyone's copy (a
    /// headline alone).
    pub max_teaser: usize,
    pub min_teaser: usize,
    /// A teaser longer than the head must also be this much contained in the whole other text:
    /// two articles that open with the same boilerplate (a block of related links, a standing
    /// introduction) share a head but not their bodies.
    pub teaser_body_containment: f64,
    /// At most this many earlier texts are read from one LSH bucket. A bucket that large holds
    /// copies of one boilerplate text; the most recent ones are enough to join its group, and
    /// the cap keeps adding a text from ever costing time proportional to the whole index.
    pub max_bucket: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            shingle_len: 4,
            bands: 64,
            rows: 2,
            head_len: 64,
            head_bands: 30,
            head_rows: 2,
            min_jaccard: 0.4,
            min_containment: 0.7,
            containment_min_jaccard: 0.25,
            max_teaser: 160,
            min_teaser: 12,
            teaser_body_containment: 0.5,
            max_bucket: 100,
        }
    }
}

/// Version of the hashing scheme (token hash, shingle mixing, permutation seeds). Part of every
/// [`Params::fingerprint`], so signatures made by an older scheme are refused, not misread.
const SCHEME_VERSION: u64 = 1;

impl Params {
    /// Values in the full sketch.
    pub fn num_hashes(&self) -> usize {
        self.bands.max(1) * self.rows.max(1)
    }

    /// Values in the head sketch.
    pub fn num_head_hashes(&self) -> usize {
        self.head_bands.max(1) * self.head_rows.max(1)
    }

    /// Identifies everything that decides a signature's values: two signatures can be compared
    /// only when their fingerprints are equal.
    pub fn fingerprint(&self) -> u32 {
        let mut h = SCHEME_VERSION;
        for v in [
            self.shingle_len,
            self.num_hashes(),
            self.head_len,
            self.num_head_hashes(),
        ] {
            h = fmix64(h.rotate_left(17) ^ v as u64);
        }
        (h >> 32) as u32
    }
}

/// The MinHash sketch of one text. Persist it with [`Signature::to_bytes`]; a store that keeps
/// signatures re-creates an index with [`crate::DedupIndex::add_signature`] without the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// [`Params::fingerprint`] of the parameters that made it.
    pub fingerprint: u32,
    /// Distinct shingles in the text.
    pub shingles: u32,
    /// Distinct shingles in the head.
    pub head_shingles: u32,
    /// Minimum of each hash function over the text's shingles (`u32::MAX` when it has none).
    pub mins: Vec<u32>,
    /// The same over the head's shingles.
    pub head_mins: Vec<u32>,
}

/// Why bytes could not be read back as a [`Signature`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// Not a signature (wrong magic or length).
    Malformed(&'static str),
    /// Made with other parameters or an older hashing scheme: recompute it from the text.
    OtherParams { expected: u32, found: u32 },
}

impl std::fmt::Display for SignatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignatureError::Malformed(what) => write!(f, "not a dedup signature: {what}"),
            SignatureError::OtherParams { expected, found } => write!(
                f,
                "dedup signature made with other parameters (fingerprint {found:08x}, \
                 expected {expected:08x}): recompute it from the article text"
            ),
        }
    }
}

impl std::error::Error for SignatureError {}

const MAGIC: &[u8; 4] = b"TDS1";

impl Signature {
    /// Little-endian bytes: magic, fingerprint, the two shingle counts, the two sketch lengths
    /// (u16) and the values.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + 4 * (self.mins.len() + self.head_mins.len()));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        out.extend_from_slice(&self.shingles.to_le_bytes());
        out.extend_from_slice(&self.head_shingles.to_le_bytes());
        // Sketch lengths are a few hundred at most; clamp rather than wrap if a caller built
        // an absurd one by hand.
        out.extend_from_slice(&(self.mins.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&(self.head_mins.len().min(u16::MAX as usize) as u16).to_le_bytes());
        for v in self
            .mins
            .iter()
            .take(u16::MAX as usize)
            .chain(self.head_mins.iter().take(u16::MAX as usize))
        {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Reads [`Signature::to_bytes`] back, checking that it was made with `params`.
    pub fn from_bytes(bytes: &[u8], params: &Params) -> Result<Signature, SignatureError> {
        let header = bytes
            .get(..20)
            .ok_or(SignatureError::Malformed("shorter than its header"))?;
        if &header[..4] != MAGIC {
            return Err(SignatureError::Malformed("wrong magic bytes"));
        }
        let u32_at =
            |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
        let fingerprint = u32_at(4);
        let n = usize::from(u16::from_le_bytes([header[16], header[17]]));
        let hn = usize::from(u16::from_le_bytes([header[18], header[19]]));
        let body = &bytes[20..];
        if body.len() != 4 * (n + hn) {
            return Err(SignatureError::Malformed(
                "length does not match its header",
            ));
        }
        let expected = params.fingerprint();
        if fingerprint != expected || n != params.num_hashes() || hn != params.num_head_hashes() {
            return Err(SignatureError::OtherParams {
                expected,
                found: fingerprint,
            });
        }
        let values: Vec<u32> = body
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Signature {
            fingerprint,
            shingles: u32_at(8),
            head_shingles: u32_at(12),
            mins: values[..n].to_vec(),
            head_mins: values[n..].to_vec(),
        })
    }

    /// True when the text had no token at all: such a text is nobody's duplicate.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }
}

/// What two signatures estimate about their texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// Jaccard similarity of the two shingle sets.
    pub jaccard: f64,
    /// Share of the smaller text's shingles found in the larger one.
    pub containment: f64,
    /// Share of the smaller head's shingles found in the other head.
    pub head_containment: f64,
}

fn agreement(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let same = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x == y && **x != u32::MAX)
        .count();
    same as f64 / n as f64
}

/// Containment of the smaller set in the larger, from their Jaccard similarity and sizes:
/// `|A∩B| = J(|A|+|B|)/(1+J)`.
fn containment(j: f64, a: u32, b: u32) -> f64 {
    let small = a.min(b);
    if small == 0 {
        return 0.0;
    }
    let inter = j * f64::from(a + b) / (1.0 + j);
    (inter / f64::from(small)).clamp(0.0, 1.0)
}

impl Similarity {
    /// Estimates from two signatures made with the same parameters.
    pub fn of(a: &Signature, b: &Signature) -> Similarity {
        let jaccard = agreement(&a.mins, &b.mins);
        let head_j = agreement(&a.head_mins, &b.head_mins);
        Similarity {
            jaccard,
            containment: containment(jaccard, a.shingles, b.shingles),
            head_containment: containment(head_j, a.head_shingles, b.head_shingles),
        }
    }

    /// The decision: the same text, reprinted with at most light edits, abridged, or
    /// teased. See [`Params`] for each threshold.
    pub fn is_duplicate(&self, a: &Signature, b: &Signature, p: &Params) -> bool {
        if a.is_empty() || b.is_empty() {
            return false;
        }
        if self.jaccard >= p.min_jaccard {
            return true;
        }
        if self.jaccard >= p.containment_min_jaccard && self.containment >= p.min_containment {
            return true;
        }
        let small = a.shingles.min(b.shingles) as usize;
        (p.min_teaser..=p.max_teaser).contains(&small)
            && self.head_containment >= p.min_containment
            && (small <= p.head_len || self.containment >= p.teaser_body_containment)
    }
}

/// Computes signatures: the hash functions of one [`Params`], and scratch buffers.
#[derive(Debug, Clone)]
pub struct Hasher {
    params: Params,
    mul: Vec<u64>,
    add: Vec<u64>,
    tokens: Vec<u64>,
    shingles: Vec<u64>,
    head: Vec<u64>,
}

/// splitmix64: the seeds of the hash functions, fixed forever by [`SCHEME_VERSION`].
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    fmix64(*state)
}

impl Hasher {
    pub fn new(params: Params) -> Hasher {
        let n = params.num_hashes().max(params.num_head_hashes());
        let mut state = 0x7472_655f_6465_6475 ^ SCHEME_VERSION; // "tre_dedu"
        let mut mul = Vec::with_capacity(n);
        let mut add = Vec::with_capacity(n);
        for _ in 0..n {
            // Multiply-shift hashing needs an odd multiplier to be a permutation of u64.
            mul.push(splitmix(&mut state) | 1);
            add.push(splitmix(&mut state));
        }
        Hasher {
            params,
            mul,
            add,
            tokens: Vec::new(),
            shingles: Vec::new(),
            head: Vec::new(),
        }
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The signature of `text` (any text; normalised text is what tre stores).
    pub fn signature(&mut self, text: &str) -> Signature {
        token_hashes(text, &mut self.tokens);
        shingles(&self.tokens, self.params.shingle_len, &mut self.shingles);
        let head_len = self.params.head_len.max(1).min(self.shingles.len());
        self.head.clear();
        self.head.extend_from_slice(&self.shingles[..head_len]);
        self.head.sort_unstable();
        self.head.dedup();
        self.shingles.sort_unstable();
        self.shingles.dedup();
        let n = self.params.num_hashes();
        let hn = self.params.num_head_hashes();
        Signature {
            fingerprint: self.params.fingerprint(),
            shingles: u32::try_from(self.shingles.len()).unwrap_or(u32::MAX),
            head_shingles: u32::try_from(self.head.len()).unwrap_or(u32::MAX),
            mins: mins(&self.shingles, &self.mul[..n], &self.add[..n]),
            head_mins: mins(&self.head, &self.mul[..hn], &self.add[..hn]),
        }
    }
}

/// One MinHash value per (multiplier, addend): the minimum over `set` of the high 32 bits of
/// `mul * x + add` (multiply-add-shift, a 2-universal family on well-mixed keys).
fn mins(set: &[u64], mul: &[u64], add: &[u64]) -> Vec<u32> {
    let mut out = vec![u32::MAX; mul.len()];
    for &x in set {
        for ((m, a), o) in mul.iter().zip(add).zip(out.iter_mut()) {
            let v = (m.wrapping_mul(x).wrapping_add(*a) >> 32) as u32;
            if v < *o {
                *o = v;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_refuse_other_params() {
        let p = Params::default();
        let mut h = Hasher::new(p.clone());
        let s = h.signature("Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội sáng nay");
        let bytes = s.to_bytes();
        assert_eq!(Signature::from_bytes(&bytes, &p), Ok(s));
        let other = Params {
            shingle_len: 6,
            ..Params::default()
        };
        assert!(matches!(
            Signature::from_bytes(&bytes, &other),
            Err(SignatureError::OtherParams { .. })
        ));
        assert!(Signature::from_bytes(&bytes[..bytes.len() - 1], &p).is_err());
        assert!(Signature::from_bytes(b"nope", &p).is_err());
    }

    #[test]
    fn containment_formula() {
        // A (10) inside B (40): J = 10/40.
        assert!((containment(0.25, 10, 40) - 1.0).abs() < 1e-9);
        assert!((containment(1.0, 7, 7) - 1.0).abs() < 1e-9);
        assert_eq!(containment(0.5, 0, 9), 0.0);
    }
}
