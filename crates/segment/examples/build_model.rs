//! Builds `data/ws.bin`, the embedded segmentation model, from text dumps of underthesea's and
//! pyvi's CRF models (see `tools/dump_models.py` and the crate README for provenance).
//!
//! ```text
//! python3 crates/segment/tools/dump_models.py underthesea UTS_MODEL_DIR /tmp/uts
//! python3 crates/segment/tools/dump_models.py pyvi PYVI_PACKAGE_DIR /tmp/pyvi
//! cargo run -p tre-segment --example build_model -- /tmp/uts /tmp/pyvi crates/segment/data/ws.bin
//! ```
//!
//! What it does beyond re-encoding: every syllable of every attribute and dictionary entry goes
//! through `tre_text::normalize`, so the model speaks the same tone-mark placement as the rest
//! of tre (`Ủy ban`, not `Uỷ ban`). Two attributes that become one after normalisation keep the
//! weight of larger magnitude: they were the same feature split across two spellings in the
//! training data, and the stronger one is the better-attested spelling. Weights are stored as
//! the difference `w(B-W) - w(I-W)`: with two labels, adding a constant to both labels at one
//! position never changes the best path, so one number per feature is enough.

use std::collections::HashMap;
use std::fs;
use std::io::Write;

/// The feature templates of underthesea's `ws_crf_vlsp2013_20230727`, in its order; the reader
/// in `src/model.rs` relies on this exact order.
const TEMPLATES: [&str; 43] = [
    "T[-2]",
    "T[-1]",
    "T[0]",
    "T[1]",
    "T[2]",
    "T[-2,-1]",
    "T[-1,0]",
    "T[0,1]",
    "T[1,2]",
    "T[-2,0]",
    "T[-1,1]",
    "T[0,2]",
    "T[-2].lower",
    "T[-1].lower",
    "T[0].lower",
    "T[1].lower",
    "T[2].lower",
    "T[-2,-1].lower",
    "T[-1,0].lower",
    "T[0,1].lower",
    "T[1,2].lower",
    "T[-1].isdigit",
    "T[0].isdigit",
    "T[1].isdigit",
    "T[-2].istitle",
    "T[-1].istitle",
    "T[0].istitle",
    "T[1].istitle",
    "T[2].istitle",
    "T[0,1].istitle",
    "T[0,2].istitle",
    "T[-2].is_in_dict",
    "T[-1].is_in_dict",
    "T[0].is_in_dict",
    "T[1].is_in_dict",
    "T[2].is_in_dict",
    "T[-2,-1].is_in_dict",
    "T[-1,0].is_in_dict",
    "T[0,1].is_in_dict",
    "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict",
    "T[-1,1].is_in_dict",
    "T[0,2].is_in_dict",
];

/// Number of syllables a template's value spans (1, 2 or 3); 0 for boolean templates.
fn arity(t: usize) -> usize {
    match t {
        0..=4 | 12..=16 => 1,
        5..=8 | 17..=20 => 2,
        9..=11 => 3,
        _ => 0,
    }
}

struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    fn id(&mut self, syllable: &str) -> u32 {
        let norm = tre_text::normalize(syllable);
        if let Some(&id) = self.ids.get(&norm) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(norm.clone(), id);
        self.words.push(norm);
        id
    }
}

fn u32le(buf: &mut Vec<u8>, x: u32) {
    buf.extend_from_slice(&x.to_le_bytes());
}

fn f32le(buf: &mut Vec<u8>, x: f32) {
    buf.extend_from_slice(&x.to_le_bytes());
}

/// pyvi's boolean attributes, in the order the reader expects.
const PYVI_BOOLS: [&str; 12] = [
    "bias",
    "word.isupper()",
    "word.istitle()",
    "word.isdigit()",
    "-1:word.istitle()",
    "-1:word.isupper()",
    "+1:word.istitle()",
    "+1:word.isupper()",
    "-1:word.bi_gram()",
    "+1:word.bi_gram()",
    "-2:word.tri_gram()",
    "+2:word.tri_gram()",
];

/// pyvi's lower-cased word attributes: as the previous token, as the token, as the next one.
const PYVI_WORDS: [&str; 3] = ["-1:word.lower():", "word.lower():", "+1:word.lower():"];

/// Encodes pyvi 0.1.1's CRF (MIT): transitions, boolean weights, word weights and its n-gram
/// list, all keyed by the shared (normalised) vocabulary.
fn pyvi_section(dir: &str, vocab: &mut Vocab) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let labels = fs::read_to_string(format!("{dir}/labels.txt"))?;
    if labels.lines().collect::<Vec<_>>() != ["B_W", "I_W"] {
        return Err(format!("unexpected pyvi labels: {labels:?}").into());
    }
    let mut trans = [0f32; 4];
    for line in fs::read_to_string(format!("{dir}/trans.tsv"))?.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let idx = |l: &str| usize::from(l == "I_W");
        trans[idx(f[0]) * 2 + idx(f[1])] = f[2].parse()?;
    }
    let mut bools = [0f32; 12];
    let mut words: HashMap<(u8, u32), f32> = HashMap::new();
    for line in fs::read_to_string(format!("{dir}/state.tsv"))?.lines() {
        // Weights are the last two fields; an attribute may itself hold a tab.
        let mut f = line.rsplitn(3, '\t');
        let wi: f64 = f.next().ok_or("no I weight")?.parse()?;
        let wb: f64 = f.next().ok_or("no B weight")?.parse()?;
        let attr = f.next().ok_or("no attribute")?;
        let diff = (wb - wi) as f32;
        if let Some(i) = PYVI_BOOLS.iter().position(|&b| b == attr) {
            bools[i] = diff;
        } else if let Some((k, word)) = PYVI_WORDS
            .iter()
            .enumerate()
            .find_map(|(k, p)| attr.strip_prefix(p).map(|w| (k, w)))
        {
            if word.is_empty() || word.contains(' ') || word.len() > 255 {
                continue;
            }
            let slot = words.entry((k as u8, vocab.id(word))).or_insert(0.0);
            if diff.abs() > slot.abs() {
                *slot = diff;
            }
        } else {
            return Err(format!("unknown pyvi attribute {attr}").into());
        }
    }
    let mut entries: Vec<Vec<u32>> = Vec::new();
    for word in fs::read_to_string(format!("{dir}/dictionary.txt"))?.lines() {
        let parts: Vec<&str> = word.split(' ').collect();
        // pyvi looks n-grams up lower-cased, so entries with capitals never matched.
        if !(2..=3).contains(&parts.len()) || word.to_lowercase() != word {
            continue;
        }
        if parts.iter().any(|p| p.is_empty() || p.len() > 255) {
            continue;
        }
        entries.push(parts.iter().map(|p| vocab.id(p)).collect());
    }
    entries.sort();
    entries.dedup();
    let mut buf = Vec::new();
    buf.extend_from_slice(b"PYVI");
    for x in trans {
        f32le(&mut buf, x);
    }
    for x in bools {
        f32le(&mut buf, x);
    }
    let mut words: Vec<_> = words.into_iter().collect();
    words.sort_by_key(|a| a.0);
    u32le(&mut buf, words.len() as u32);
    for ((k, id), w) in &words {
        buf.push(*k);
        u32le(&mut buf, *id);
        f32le(&mut buf, *w);
    }
    u32le(&mut buf, entries.len() as u32);
    for e in &entries {
        buf.push(e.len() as u8);
        for &id in e {
            u32le(&mut buf, id);
        }
    }
    eprintln!(
        "pyvi: {} word weights, {} n-grams",
        words.len(),
        entries.len()
    );
    Ok(buf)
}

fn keep_stronger(map: &mut HashMap<(u8, Vec<u32>), f32>, key: (u8, Vec<u32>), w: f32) {
    let slot = map.entry(key).or_insert(0.0);
    if w.abs() > slot.abs() {
        *slot = w;
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, pyvi_dir, out] = args.as_slice() else {
        return Err("usage: build_model UNDERTHESEA_DUMP PYVI_DUMP OUT.bin".into());
    };
    let features = fs::read_to_string(format!("{dir}/features.txt"))?;
    let features: Vec<&str> = features.lines().collect();
    if features != TEMPLATES {
        return Err(format!("unexpected feature templates: {features:?}").into());
    }
    let labels = fs::read_to_string(format!("{dir}/labels.txt"))?;
    if labels.lines().collect::<Vec<_>>() != ["B-W", "I-W"] {
        return Err(format!("unexpected labels: {labels:?}").into());
    }

    let mut trans = [0f32; 4];
    for line in fs::read_to_string(format!("{dir}/trans.tsv"))?.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let idx = |l: &str| usize::from(l == "I-W");
        trans[idx(f[0]) * 2 + idx(f[1])] = f[2].parse()?;
    }

    let mut vocab = Vocab {
        ids: HashMap::new(),
        words: Vec::new(),
    };
    let mut bos = [0f32; 43];
    let mut eos = [0f32; 43];
    let mut yes = [0f32; 43];
    let mut no = [0f32; 43];
    let mut ngram: HashMap<(u8, Vec<u32>), f32> = HashMap::new();
    let state = fs::read_to_string(format!("{dir}/state.tsv"))?;
    for line in state.lines() {
        // Weights are the last two fields; an attribute may itself hold a tab.
        let mut f = line.rsplitn(3, '\t');
        let wi: f64 = f.next().ok_or("no I weight")?.parse()?;
        let wb: f64 = f.next().ok_or("no B weight")?.parse()?;
        let attr = f.next().ok_or("no attribute")?;
        let diff = (wb - wi) as f32;
        let (tpl, value) = attr.split_once('=').ok_or("attribute without =")?;
        let t = TEMPLATES
            .iter()
            .position(|&x| x == tpl)
            .ok_or_else(|| format!("unknown template {tpl}"))?;
        match value {
            "BOS" => bos[t] = diff,
            "EOS" => eos[t] = diff,
            _ if arity(t) == 0 => match value {
                "True" => yes[t] = diff,
                "False" => no[t] = diff,
                _ => return Err(format!("odd boolean value {attr}").into()),
            },
            _ => {
                let parts: Vec<&str> = value.split(' ').collect();
                if parts.len() != arity(t) {
                    // A token holding a space cannot come out of our pre-tokeniser; skip.
                    continue;
                }
                let ids = parts.iter().map(|p| vocab.id(p)).collect();
                keep_stronger(&mut ngram, (t as u8, ids), diff);
            }
        }
    }

    // Dictionary: only the 1- to 3-syllable entries feed the CRF's is_in_dict features, and
    // underthesea looks entries up in lower case, so entries with capitals never matched.
    let dict = fs::read_to_string(format!("{dir}/dictionary.txt"))?;
    let mut entries: Vec<Vec<u32>> = Vec::new();
    for word in dict.lines() {
        let parts: Vec<&str> = word.split(' ').collect();
        if parts.is_empty() || parts.len() > 3 || word.to_lowercase() != word {
            continue;
        }
        if parts.iter().any(|p| p.is_empty() || p.len() > 255) {
            continue;
        }
        entries.push(parts.iter().map(|p| vocab.id(&p.to_lowercase())).collect());
    }
    entries.sort();
    entries.dedup();

    let mut buf: Vec<u8> = Vec::new();
    for x in trans {
        f32le(&mut buf, x);
    }
    for t in 0..43 {
        f32le(&mut buf, bos[t]);
        f32le(&mut buf, eos[t]);
        f32le(&mut buf, yes[t]);
        f32le(&mut buf, no[t]);
    }
    let mut sorted: Vec<_> = ngram.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for n in 1..=3 {
        let group: Vec<_> = sorted
            .iter()
            .filter(|((_, ids), _)| ids.len() == n)
            .collect();
        u32le(&mut buf, group.len() as u32);
        for ((t, ids), w) in group {
            buf.push(*t);
            for &id in ids {
                u32le(&mut buf, id);
            }
            f32le(&mut buf, *w);
        }
    }
    u32le(&mut buf, entries.len() as u32);
    for e in &entries {
        buf.push(e.len() as u8);
        for &id in e {
            u32le(&mut buf, id);
        }
    }
    let pyvi = pyvi_section(pyvi_dir, &mut vocab)?;
    // The vocabulary grew while reading pyvi: write it last so every id is known.
    let mut head: Vec<u8> = Vec::new();
    head.extend_from_slice(b"TRESEG02");
    u32le(&mut head, vocab.words.len() as u32);
    for w in &vocab.words {
        head.push(u8::try_from(w.len())?);
        head.extend_from_slice(w.as_bytes());
    }
    head.extend_from_slice(&buf);
    head.extend_from_slice(&pyvi);
    let buf = head;
    fs::File::create(out)?.write_all(&buf)?;
    eprintln!(
        "{} syllables, {} n-gram features, {} dictionary entries, {} bytes",
        vocab.words.len(),
        sorted.len(),
        entries.len(),
        buf.len()
    );
    Ok(())
}
