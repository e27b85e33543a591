//! CRF inference: emission scores from the model's tables, then Viterbi over two labels
//! (B: the syllable begins a word; I: it continues the previous one).
//!
//! The features are underthesea's (see [`crate::model`]), computed by *scattering*: each token,
//! adjacent pair and triple is looked up once and adds its weights to every position whose
//! templates read it, instead of each position gathering 43 feature strings. The result is the
//! same sum of weights, so the best path is the one underthesea's own CRF would find on the
//! same tokens.

use crate::model::{
    DICT_BI, DICT_TRI, DICT_UNI, DIGIT, Model, PV_BIAS, PV_DIGIT, PV_NEXT_BIGRAM, PV_NEXT_TITLE,
    PV_NEXT_TRIGRAM, PV_NEXT_UPPER, PV_PREV_BIGRAM, PV_PREV_TITLE, PV_PREV_TRIGRAM, PV_PREV_UPPER,
    PV_TITLE, PV_UPPER, TEMPLATES, TITLE, TITLE_01, TITLE_02, UNKNOWN, pair_key, triple_key,
};

/// Bits of [`Features::py`]: Python's `str.isupper`, `str.istitle` and `str.isdigit`, which
/// pyvi's features use (they differ from underthesea's `istitle`).
pub(crate) const PY_UPPER: u8 = 1;
pub(crate) const PY_TITLE: u8 = 2;
pub(crate) const PY_DIGIT: u8 = 4;

/// Per-token inputs to the CRF, reused across sentences to keep allocation off the hot path.
#[derive(Default)]
pub(crate) struct Features {
    /// Syllable id as written, or [`UNKNOWN`].
    pub raw: Vec<u32>,
    /// Syllable id of the lower-cased token, or [`UNKNOWN`].
    pub low: Vec<u32>,
    /// underthesea's `istitle`: the first character is unchanged by upper-casing.
    pub title: Vec<bool>,
    /// underthesea's `isdigit`: the token parses as an `i32`.
    pub digit: Vec<bool>,
    /// [`PY_UPPER`], [`PY_TITLE`], [`PY_DIGIT`] bits.
    pub py: Vec<u8>,
    /// The token must begin a word (punctuation, and whatever follows it, and typed units
    /// such as dates and document numbers that never share a word).
    pub fixed: Vec<bool>,
    emission: Vec<f32>,
    back: Vec<u8>,
}

impl Features {
    pub(crate) fn clear(&mut self) {
        self.raw.clear();
        self.low.clear();
        self.title.clear();
        self.digit.clear();
        self.py.clear();
        self.fixed.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.raw.len()
    }
}

#[inline]
fn pick(flag: bool, yes: f32, no: f32) -> f32 {
    if flag { yes } else { no }
}

#[inline]
fn bit(flags: u8, b: u8, w: f32) -> f32 {
    if flags & b != 0 { w } else { 0.0 }
}

/// Fills `f.emission` with `score(B) - score(I)` for every position: underthesea's model plus
/// `pv` times pyvi's.
fn emissions(m: &Model, f: &mut Features, pv: f32) {
    let n = f.len();
    let e = &mut f.emission;
    e.clear();
    e.resize(n, pv * m.pv_bool[PV_BIAS]);
    let b = &m.pv_bool;
    for q in 0..n {
        let raw = m.uni(f.raw[q]);
        let low = m.uni(f.low[q]);
        // pyvi: the token's own word and flags, and what its neighbours see of it.
        let py = f.py[q];
        e[q] += pv
            * (low.pv[1]
                + bit(py, PY_UPPER, b[PV_UPPER])
                + bit(py, PY_TITLE, b[PV_TITLE])
                + bit(py, PY_DIGIT, b[PV_DIGIT]));
        if q + 1 < n {
            e[q + 1] += pv
                * (low.pv[0]
                    + bit(py, PY_TITLE, b[PV_PREV_TITLE])
                    + bit(py, PY_UPPER, b[PV_PREV_UPPER]));
        }
        if q > 0 {
            e[q - 1] += pv
                * (low.pv[2]
                    + bit(py, PY_TITLE, b[PV_NEXT_TITLE])
                    + bit(py, PY_UPPER, b[PV_NEXT_UPPER]));
        }
        for k in 0..5 {
            // Template T[k-2] at position p reads the token at p + k - 2, i.e. this one.
            let Some(p) = (q + 2).checked_sub(k).filter(|&p| p < n) else {
                continue;
            };
            e[p] += raw.raw[k]
                + low.low[k]
                + pick(low.dict, m.yes[DICT_UNI + k], m.no[DICT_UNI + k])
                + pick(f.title[q], m.yes[TITLE + k], m.no[TITLE + k]);
        }
        for k in 0..3 {
            let Some(p) = (q + 1).checked_sub(k).filter(|&p| p < n) else {
                continue;
            };
            e[p] += pick(f.digit[q], m.yes[DIGIT + k], m.no[DIGIT + k]);
        }
    }
    for q in 0..n.saturating_sub(1) {
        let (r0, r1, l0, l1) = (f.raw[q], f.raw[q + 1], f.low[q], f.low[q + 1]);
        let raw = if r0 != UNKNOWN && r1 != UNKNOWN {
            m.pairs.get(&pair_key(r0, r1))
        } else {
            None
        };
        let low = if l0 == r0 && l1 == r1 {
            raw
        } else if l0 != UNKNOWN && l1 != UNKNOWN {
            m.pairs.get(&pair_key(l0, l1))
        } else {
            None
        };
        let dict = low.is_some_and(|x| x.dict);
        if low.is_some_and(|x| x.pv_dict) {
            e[q + 1] += pv * b[PV_PREV_BIGRAM];
            e[q] += pv * b[PV_NEXT_BIGRAM];
        }
        for a in 0..4 {
            // Template T[a-2, a-1] at position p reads tokens p + a - 2 and the next.
            let Some(p) = (q + 2).checked_sub(a).filter(|&p| p < n) else {
                continue;
            };
            let mut w = pick(dict, m.yes[DICT_BI + a], m.no[DICT_BI + a]);
            if let Some(x) = raw {
                w += x.raw[a];
            }
            if let Some(x) = low {
                w += x.low[a];
            }
            e[p] += w;
        }
        e[q] += pick(
            f.title[q] && f.title[q + 1],
            m.yes[TITLE_01],
            m.no[TITLE_01],
        );
    }
    for q in 0..n.saturating_sub(2) {
        let (r0, r1, r2) = (f.raw[q], f.raw[q + 1], f.raw[q + 2]);
        let (l0, l1, l2) = (f.low[q], f.low[q + 1], f.low[q + 2]);
        let raw = if r0 != UNKNOWN && r1 != UNKNOWN && r2 != UNKNOWN {
            m.triples.get(&triple_key(r0, r1, r2))
        } else {
            None
        };
        let low = if (l0, l1, l2) == (r0, r1, r2) {
            raw
        } else if l0 != UNKNOWN && l1 != UNKNOWN && l2 != UNKNOWN {
            m.triples.get(&triple_key(l0, l1, l2))
        } else {
            None
        };
        let dict = low.is_some_and(|x| x.dict);
        if low.is_some_and(|x| x.pv_dict) {
            e[q + 2] += pv * b[PV_PREV_TRIGRAM];
            e[q] += pv * b[PV_NEXT_TRIGRAM];
        }
        for c in 0..3 {
            let Some(p) = (q + 2).checked_sub(c).filter(|&p| p < n) else {
                continue;
            };
            let mut w = pick(dict, m.yes[DICT_TRI + c], m.no[DICT_TRI + c]);
            if let Some(x) = raw {
                w += x.raw[c];
            }
            e[p] += w;
        }
        e[q] += pick(
            f.title[q] && f.title[q + 1] && f.title[q + 2],
            m.yes[TITLE_02],
            m.no[TITLE_02],
        );
    }
    // Templates that reach past either end of the sentence read BOS or EOS instead.
    let edge = |p: usize| p < 2 || p + 2 >= n;
    for (p, slot) in e.iter_mut().enumerate().filter(|(p, _)| edge(*p)) {
        for (t, &(first, last)) in TEMPLATES.iter().enumerate() {
            let (first, last) = (p as isize + first as isize, p as isize + last as isize);
            if first < 0 {
                *slot += m.bos[t];
            } else if first >= n as isize || last >= n as isize {
                *slot += m.eos[t];
            }
        }
    }
}

/// Labels the tokens described by `f`: `begins[i]` is true when token `i` starts a word.
/// `pv` weighs pyvi's model against underthesea's (0: underthesea alone).
pub(crate) fn tag(m: &Model, f: &mut Features, pv: f32, begins: &mut Vec<bool>) {
    let n = f.len();
    begins.clear();
    if n == 0 {
        return;
    }
    emissions(m, f, pv);
    let e = &f.emission;
    let mut t = m.trans;
    for (t, p) in t.iter_mut().zip(m.pv_trans) {
        *t += pv * p;
    }
    let back = &mut f.back;
    back.clear();
    back.resize(n, 0);
    // Scores of the best path ending in B and in I; I's emission is 0 in difference form.
    let (mut sb, mut si) = (e[0], 0.0f32);
    for p in 1..n {
        let (from_b_to_b, from_i_to_b) = (sb + t[0], si + t[2]);
        let (from_b_to_i, from_i_to_i) = (sb + t[1], si + t[3]);
        let (best_b, prev_b) = if from_b_to_b >= from_i_to_b {
            (from_b_to_b, 0)
        } else {
            (from_i_to_b, 1)
        };
        let (best_i, prev_i) = if from_b_to_i >= from_i_to_i {
            (from_b_to_i, 0)
        } else {
            (from_i_to_i, 1)
        };
        sb = best_b + e[p];
        si = if f.fixed[p] {
            f32::NEG_INFINITY
        } else {
            best_i
        };
        back[p] = prev_b | (prev_i << 1);
    }
    begins.resize(n, true);
    let mut label = u8::from(si > sb);
    for p in (1..n).rev() {
        begins[p] = label == 0;
        label = (back[p] >> label) & 1;
    }
    // The first token always begins a word, whatever its label.
    begins[0] = true;
}
