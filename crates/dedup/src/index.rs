//! The near-duplicate index: LSH banding over MinHash signatures, so that adding a text reads
//! only the few earlier texts that share a band with it (never all pairs), and a check of each
//! candidate pair by [`Similarity::is_duplicate`]. Groups are the connected components of the
//! verified pairs.

use crate::minhash::{Hasher, Params, Signature, SignatureError, Similarity};
use crate::shingle::fmix64;
use std::collections::HashMap;

const NONE: u32 = u32::MAX;

/// Near-duplicate groups over texts added one at a time (new articles arrive every day).
///
/// ```
/// use tre_dedup::DedupIndex;
/// let mut index = DedupIndex::default();
/// let story = "Chiều 29/3, tại Hà Nội, Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản \
///              nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam. Hai bên trao đổi \
///              về hợp tác kinh tế, đầu tư và giao lưu nhân dân giữa hai nước.";
/// index.add(1, story);
/// index.add(2, &format!("{story} (Theo TTXVN)"));
/// index.add(3, "Giá lúa tại Đồng bằng sông Cửu Long tăng nhẹ trong tuần qua.");
/// assert_eq!(index.groups(), vec![vec![1, 2], vec![3]]);
/// ```
#[derive(Debug, Clone)]
pub struct DedupIndex {
    hasher: Hasher,
    /// Per slot: the caller's id and its signature; `None` once removed or replaced (slots are
    /// never reused, so band chains never need unlinking).
    slots: Vec<Option<(u64, Signature)>>,
    live: HashMap<u64, u32>,
    /// Band key → first entry of its chain in `entries`.
    buckets: HashMap<u64, u32>,
    /// (slot, next entry): singly linked chains, newest first. One allocation for all buckets
    /// instead of a vector per bucket, most of which would hold one slot.
    entries: Vec<(u32, u32)>,
    /// Verified duplicate pairs of slots.
    edges: Vec<(u32, u32)>,
    live_count: usize,
}

impl Default for DedupIndex {
    fn default() -> Self {
        DedupIndex::new(Params::default())
    }
}

impl DedupIndex {
    pub fn new(params: Params) -> DedupIndex {
        DedupIndex {
            hasher: Hasher::new(params),
            slots: Vec::new(),
            live: HashMap::new(),
            buckets: HashMap::new(),
            entries: Vec::new(),
            edges: Vec::new(),
            live_count: 0,
        }
    }

    pub fn params(&self) -> &Params {
        self.hasher.params()
    }

    /// Number of texts in the index.
    pub fn len(&self) -> usize {
        self.live_count
    }

    pub fn is_empty(&self) -> bool {
        self.live_count == 0
    }

    /// The signature of `text` under this index's parameters, without adding it.
    pub fn signature(&mut self, text: &str) -> Signature {
        self.hasher.signature(text)
    }

    /// The stored signature of `id`.
    pub fn signature_of(&self, id: u64) -> Option<&Signature> {
        let slot = *self.live.get(&id)?;
        self.slots[slot as usize].as_ref().map(|(_, s)| s)
    }

    /// Adds (or replaces) the text of `id`; returns the ids it is a near-duplicate of, in
    /// increasing order.
    pub fn add(&mut self, id: u64, text: &str) -> Vec<u64> {
        let sig = self.hasher.signature(text);
        self.insert(id, sig)
    }

    /// Adds (or replaces) `id` from a signature persisted earlier, refusing one made with other
    /// parameters.
    pub fn add_signature(&mut self, id: u64, sig: Signature) -> Result<Vec<u64>, SignatureError> {
        let p = self.hasher.params();
        let expected = p.fingerprint();
        if sig.fingerprint != expected
            || sig.mins.len() != p.num_hashes()
            || sig.head_mins.len() != p.num_head_hashes()
        {
            return Err(SignatureError::OtherParams {
                expected,
                found: sig.fingerprint,
            });
        }
        Ok(self.insert(id, sig))
    }

    /// Removes `id`; its duplicate links go with it. Returns whether it was there.
    pub fn remove(&mut self, id: u64) -> bool {
        match self.live.remove(&id) {
            Some(slot) => {
                self.slots[slot as usize] = None;
                self.live_count -= 1;
                true
            }
            None => false,
        }
    }

    fn insert(&mut self, id: u64, sig: Signature) -> Vec<u64> {
        if let Some(&old) = self.live.get(&id) {
            if self.slots[old as usize].as_ref().map(|(_, s)| s) == Some(&sig) {
                // Unchanged text: nothing to do (re-ingesting a day must not cost anything).
                return self.candidates(id);
            }
            self.remove(id);
        }
        let Ok(slot) = u32::try_from(self.slots.len()) else {
            // Four billion slots: far past what one process indexes; refuse rather than wrap.
            return Vec::new();
        };
        let mut found: Vec<u32> = Vec::new();
        if !sig.is_empty() {
            let keys = self.band_keys(&sig);
            let cap = self.hasher.params().max_bucket.max(1);
            for &key in &keys {
                let mut e = self.buckets.get(&key).copied().unwrap_or(NONE);
                let mut seen = 0;
                while e != NONE && seen < cap {
                    let (other, next) = self.entries[e as usize];
                    if self.slots[other as usize].is_some() {
                        found.push(other);
                        seen += 1;
                    }
                    e = next;
                }
            }
            found.sort_unstable();
            found.dedup();
            let params = self.hasher.params();
            found.retain(|&o| match &self.slots[o as usize] {
                Some((_, other)) => Similarity::of(&sig, other).is_duplicate(&sig, other, params),
                None => false,
            });
            for &key in &keys {
                let head = self.buckets.entry(key).or_insert(NONE);
                self.entries.push((slot, *head));
                *head = (self.entries.len() - 1) as u32;
            }
            self.edges.extend(found.iter().map(|&o| (o, slot)));
        }
        self.slots.push(Some((id, sig)));
        self.live.insert(id, slot);
        self.live_count += 1;
        let mut ids: Vec<u64> = found.iter().filter_map(|&o| self.id_of(o)).collect();
        ids.sort_unstable();
        ids
    }

    fn id_of(&self, slot: u32) -> Option<u64> {
        self.slots[slot as usize].as_ref().map(|(id, _)| *id)
    }

    /// One key per band of each sketch; the band's number is part of the key so that equal
    /// values in different bands never meet.
    fn band_keys(&self, sig: &Signature) -> Vec<u64> {
        let p = self.hasher.params();
        let mut keys = Vec::with_capacity(p.bands + p.head_bands);
        let mut band = |values: &[u32], rows: usize, salt: u64| {
            for (b, chunk) in values.chunks(rows.max(1)).enumerate() {
                let mut h = fmix64(salt ^ b as u64);
                for &v in chunk {
                    h = fmix64(h.rotate_left(29) ^ u64::from(v));
                }
                keys.push(h);
            }
        };
        band(&sig.mins, p.rows, 0x0100_0000);
        // A head identical to the whole text (a short text) adds nothing but its own buckets,
        // which is what lets a teaser meet the head of its full article.
        band(&sig.head_mins, p.head_rows, 0x0200_0000);
        keys
    }

    /// The ids `id` was found to be a near-duplicate of (directly, not through its group).
    pub fn candidates(&self, id: u64) -> Vec<u64> {
        let Some(&slot) = self.live.get(&id) else {
            return Vec::new();
        };
        let mut out: Vec<u64> = self
            .edges
            .iter()
            .filter_map(|&(a, b)| match (a == slot, b == slot) {
                (true, _) => self.id_of(b),
                (_, true) => self.id_of(a),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every id in exactly one group: a text and its near-duplicates (reprints, edited
    /// copies, teasers), transitively. Each group is sorted, groups are ordered by their
    /// smallest id; a text without duplicates is a group of one.
    pub fn groups(&self) -> Vec<Vec<u64>> {
        let mut parent: Vec<u32> = (0..self.slots.len() as u32).collect();
        fn find(parent: &mut [u32], mut x: u32) -> u32 {
            while parent[x as usize] != x {
                // Path halving keeps the trees flat without recursion.
                parent[x as usize] = parent[parent[x as usize] as usize];
                x = parent[x as usize];
            }
            x
        }
        for &(a, b) in &self.edges {
            if self.slots[a as usize].is_none() || self.slots[b as usize].is_none() {
                continue;
            }
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
        let mut by_root: HashMap<u32, Vec<u64>> = HashMap::new();
        for slot in 0..self.slots.len() as u32 {
            if let Some(id) = self.id_of(slot) {
                let root = find(&mut parent, slot);
                by_root.entry(root).or_default().push(id);
            }
        }
        let mut groups: Vec<Vec<u64>> = by_root.into_values().collect();
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort_unstable_by_key(|g| g[0]);
        groups
    }

    /// [`DedupIndex::groups`] with more than one member: the reprinted items.
    pub fn duplicate_groups(&self) -> Vec<Vec<u64>> {
        let mut g = self.groups();
        g.retain(|g| g.len() > 1);
        g
    }
}

/// Near-duplicate groups (two members or more) of a batch of texts, as
/// [`DedupIndex::duplicate_groups`] after adding them all with default parameters.
/// Signatures are computed on every core.
pub fn near_duplicate_groups<'a>(docs: impl IntoIterator<Item = (u64, &'a str)>) -> Vec<Vec<u64>> {
    let docs: Vec<(u64, &str)> = docs.into_iter().collect();
    let mut index = DedupIndex::default();
    for (id, sig) in signatures(index.params(), &docs) {
        // Same parameters by construction, so the fingerprint always matches.
        let _ = index.add_signature(id, sig);
    }
    index.duplicate_groups()
}

/// Signatures of `docs` under `params`, in order, computed on up to
/// `available_parallelism` threads (signatures are most of the cost of a batch).
pub fn signatures(params: &Params, docs: &[(u64, &str)]) -> Vec<(u64, Signature)> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let chunk = docs.len().div_ceil(threads).max(64);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let params = params.clone();
                s.spawn(move || {
                    let mut h = Hasher::new(params);
                    part.iter()
                        .map(|&(id, text)| (id, h.signature(text)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(docs.len());
        for handle in handles {
            match handle.join() {
                Ok(part) => out.extend(part),
                // Hashing does not panic on any input; if it ever did, re-raise it here
                // rather than return a silently incomplete answer.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        out
    })
}
