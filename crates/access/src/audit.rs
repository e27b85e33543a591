//! The audit log's cryptography: entries chained by hashes and sealed with a key kept outside
//! the database.
//!
//! Entry *n* stores `hash_n = SHA-256("tre-audit-v1" ‖ hash_{n-1} ‖ canonical(entry_n))` and
//! `mac_n = HMAC-SHA-256(key, hash_n)`; the store also keeps the chain's head (last sequence
//! number and hash) sealed with the same key. So:
//! - editing an entry breaks its hash (and, if the hash is recomputed, its seal);
//! - deleting, inserting or reordering entries breaks the next entry's link;
//! - deleting entries from the end leaves a head that no longer matches, and the head cannot
//!   be re-sealed without the key;
//! - rewriting the whole chain consistently needs the key, which is not in the database.
//!
//! [`Verifier`] walks the log in sequence order and says where each problem is.

use crate::token::{from_hex, to_hex};
use hmac::{KeyInit, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The link before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The secret that seals the log. Its `Debug` never prints it.
#[derive(Clone)]
pub struct AuditKey([u8; 32]);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

impl AuditKey {
    /// A new random key.
    pub fn generate() -> Result<AuditKey, String> {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).map_err(|e| format!("no random numbers from the system: {e}"))?;
        Ok(AuditKey(k))
    }

    /// The key from its file form: 64 hex digits (white space around them ignored).
    pub fn from_hex(text: &str) -> Result<AuditKey, String> {
        let bytes = from_hex(text.trim())
            .filter(|b| b.len() == 32)
            .ok_or("the audit key must be 64 hexadecimal digits (32 bytes)")?;
        let mut k = [0u8; 32];
        k.copy_from_slice(&bytes);
        Ok(AuditKey(k))
    }

    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// A short fingerprint that identifies the key without revealing it (shown by
    /// `tre audit verify`, so an operator can tell which key a log was sealed with).
    pub fn fingerprint(&self) -> String {
        to_hex(&Sha256::digest([b"tre-audit-key".as_slice(), &self.0].concat())[..6])
    }

    fn mac(&self, parts: &[&[u8]]) -> String {
        let mut m = <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .expect("HMAC takes keys of any length");
        for p in parts {
            m.update(p);
        }
        to_hex(&m.finalize().into_bytes())
    }
}

/// What happened, as the service layer reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewAuditEntry {
    /// Milliseconds since the Unix epoch.
    pub at_ms: i64,
    /// Who: a user id, `cli:<os user>`, or `anonymous` (failed sign-ins name the account
    /// tried in `target`).
    pub actor: String,
    /// What kind of event: `sign_in`, `sign_out`, `read`, `search`, `export`, `change`,
    /// `permission`...
    pub action: String,
    /// What it was about: a record id, a query, an account.
    pub target: String,
    /// `allowed`, `denied`, `failed` or `ok`.
    pub outcome: String,
    /// The highest classification rank of what was read or exported (0 for none).
    pub level: i32,
    /// Anything else worth keeping, as JSON text.
    pub detail: String,
    /// Where the request came from, when it came over the network.
    pub ip: Option<String>,
}

/// An entry as stored, with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    pub seq: i64,
    #[serde(flatten)]
    pub entry: NewAuditEntry,
    pub prev_hash: String,
    pub hash: String,
    pub mac: String,
}

/// The chain's last sequence number and hash, sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainHead {
    pub seq: i64,
    pub hash: String,
    pub mac: String,
}

fn canonical(seq: i64, e: &NewAuditEntry) -> String {
    // A JSON array of primitives serialises one way only: a stable, unambiguous encoding.
    serde_json::json!([
        seq, e.at_ms, e.actor, e.action, e.target, e.outcome, e.level, e.detail, e.ip
    ])
    .to_string()
}

/// The hash of entry `seq` following `prev_hash`.
pub fn entry_hash(prev_hash: &str, seq: i64, e: &NewAuditEntry) -> String {
    let mut h = Sha256::new();
    h.update(b"tre-audit-v1\n");
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical(seq, e).as_bytes());
    to_hex(&h.finalize())
}

/// Chains and seals `e` as entry `seq` after `prev_hash`.
pub fn seal(key: &AuditKey, prev_hash: &str, seq: i64, e: NewAuditEntry) -> AuditRecord {
    let hash = entry_hash(prev_hash, seq, &e);
    let mac = key.mac(&[b"entry\n", hash.as_bytes()]);
    AuditRecord {
        seq,
        entry: e,
        prev_hash: prev_hash.to_owned(),
        hash,
        mac,
    }
}

/// The sealed head for a chain ending at `seq` with `hash`.
pub fn seal_head(key: &AuditKey, seq: i64, hash: &str) -> ChainHead {
    ChainHead {
        seq,
        hash: hash.to_owned(),
        mac: key.mac(&[
            b"head\n",
            seq.to_string().as_bytes(),
            b"\n",
            hash.as_bytes(),
        ]),
    }
}

/// One thing wrong with the log, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditProblem {
    /// The sequence number of the entry where the problem shows (for a truncated log, the
    /// last one present).
    pub seq: i64,
    pub what: String,
}

/// The outcome of [`Verifier`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub entries: u64,
    pub first_seq: Option<i64>,
    pub last_seq: Option<i64>,
    pub problems: Vec<AuditProblem>,
    /// More problems were found than are listed.
    pub more_problems: bool,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks a log fed to it entry by entry, in stored sequence order.
#[derive(Debug)]
pub struct Verifier {
    key: AuditKey,
    prev_seq: Option<i64>,
    prev_hash: String,
    report: VerifyReport,
}

const MAX_PROBLEMS: usize = 200;

impl Verifier {
    pub fn new(key: AuditKey) -> Verifier {
        Verifier {
            key,
            prev_seq: None,
            prev_hash: GENESIS.to_owned(),
            report: VerifyReport {
                entries: 0,
                first_seq: None,
                last_seq: None,
                problems: Vec::new(),
                more_problems: false,
            },
        }
    }

    fn problem(&mut self, seq: i64, what: String) {
        if self.report.problems.len() < MAX_PROBLEMS {
            self.report.problems.push(AuditProblem { seq, what });
        } else {
            self.report.more_problems = true;
        }
    }

    pub fn feed(&mut self, r: &AuditRecord) {
        self.report.entries += 1;
        self.report.first_seq.get_or_insert(r.seq);
        self.report.last_seq = Some(r.seq);
        let expected = self.prev_seq.map_or(1, |p| p + 1);
        if r.seq > expected {
            let what = if r.seq == expected + 1 {
                format!("entry {expected} is missing (deleted)")
            } else {
                format!("entries {expected} to {} are missing (deleted)", r.seq - 1)
            };
            self.problem(r.seq, what);
        } else if r.seq < expected {
            self.problem(
                r.seq,
                format!(
                    "entry {} comes after entry {} (duplicated or reordered)",
                    r.seq,
                    expected - 1
                ),
            );
        }
        let recomputed = entry_hash(&r.prev_hash, r.seq, &r.entry);
        if recomputed != r.hash {
            self.problem(
                r.seq,
                format!(
                    "entry {} was altered after it was written: its content no longer matches \
                     its hash",
                    r.seq
                ),
            );
        } else if self.key.mac(&[b"entry\n", r.hash.as_bytes()]) != r.mac {
            self.problem(
                r.seq,
                format!(
                    "entry {}'s seal does not verify: it was rewritten without the audit key \
                     (or the log was sealed with another key)",
                    r.seq
                ),
            );
        }
        if r.prev_hash != self.prev_hash && r.seq <= expected {
            self.problem(
                r.seq,
                format!(
                    "entry {} does not follow the entry before it: entries were removed, \
                     inserted or reordered here",
                    r.seq
                ),
            );
        }
        self.prev_seq = Some(r.seq.max(self.prev_seq.unwrap_or(0)));
        self.prev_hash = r.hash.clone();
    }

    /// Ends the walk, checking the last entry against the sealed head.
    pub fn finish(mut self, head: Option<&ChainHead>) -> VerifyReport {
        let last = self.prev_seq;
        match (head, last) {
            (None, None) => {}
            (None, Some(l)) => self.problem(
                l,
                "the log has entries but no sealed head: the head was deleted".to_owned(),
            ),
            (Some(h), _) => {
                let expected = seal_head(&self.key, h.seq, &h.hash);
                if expected.mac != h.mac {
                    self.problem(
                        h.seq,
                        "the chain head's seal does not verify: it was rewritten without the \
                         audit key (or the log was sealed with another key)"
                            .to_owned(),
                    );
                } else if last.is_none_or(|l| l < h.seq) {
                    let l = last.unwrap_or(0);
                    self.problem(
                        l,
                        format!(
                            "the log ends at entry {l} but its sealed head is entry {}: the \
                             entries after {l} were deleted",
                            h.seq
                        ),
                    );
                } else if last.is_some_and(|l| l > h.seq) {
                    self.problem(
                        h.seq,
                        format!(
                            "entries after {} were added without the audit key (the sealed \
                             head is entry {})",
                            h.seq, h.seq
                        ),
                    );
                } else if h.hash != self.prev_hash {
                    self.problem(
                        h.seq,
                        format!(
                            "the last entry ({}) is not the one the sealed head recorded: it \
                             was replaced",
                            h.seq
                        ),
                    );
                }
            }
        }
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(i: i64) -> NewAuditEntry {
        NewAuditEntry {
            at_ms: 1_700_000_000_000 + i,
            actor: "u1".into(),
            action: "read".into(),
            target: format!("article:{i}"),
            outcome: "allowed".into(),
            level: 20,
            detail: "{}".into(),
            ip: Some("10.0.0.1".into()),
        }
    }

    fn chain(key: &AuditKey, n: i64) -> (Vec<AuditRecord>, ChainHead) {
        let mut prev = GENESIS.to_owned();
        let mut out = Vec::new();
        for i in 1..=n {
            let r = seal(key, &prev, i, entry(i));
            prev = r.hash.clone();
            out.push(r);
        }
        let head = seal_head(key, n, &prev);
        (out, head)
    }

    fn verify(key: &AuditKey, recs: &[AuditRecord], head: Option<&ChainHead>) -> VerifyReport {
        let mut v = Verifier::new(key.clone());
        for r in recs {
            v.feed(r);
        }
        v.finish(head)
    }

    #[test]
    fn an_untouched_log_verifies() {
        let key = AuditKey::generate().unwrap();
        let (recs, head) = chain(&key, 5);
        let r = verify(&key, &recs, Some(&head));
        assert!(r.ok(), "{r:?}");
        assert_eq!((r.entries, r.first_seq, r.last_seq), (5, Some(1), Some(5)));
        assert!(verify(&key, &[], None).ok());
    }

    #[test]
    fn each_kind_of_tampering_is_found_where_it_happened() {
        let key = AuditKey::generate().unwrap();
        let (recs, head) = chain(&key, 6);

        let mut edited = recs.clone();
        edited[2].entry.target = "article:other".into();
        let r = verify(&key, &edited, Some(&head));
        assert_eq!(r.problems[0].seq, 3);
        assert!(r.problems[0].what.contains("altered"), "{r:?}");

        // Edited and re-hashed (but the seal needs the key).
        let mut rehashed = recs.clone();
        rehashed[2].entry.level = 0;
        rehashed[2].hash = entry_hash(&rehashed[2].prev_hash, 3, &rehashed[2].entry);
        let r = verify(&key, &rehashed, Some(&head));
        assert!(
            r.problems
                .iter()
                .any(|p| p.seq == 3 && p.what.contains("seal"))
        );
        assert!(
            r.problems
                .iter()
                .any(|p| p.seq == 4 && p.what.contains("follow"))
        );

        let mut deleted = recs.clone();
        deleted.remove(3);
        let r = verify(&key, &deleted, Some(&head));
        assert!(r.problems[0].what.contains("entry 4 is missing"), "{r:?}");
        assert_eq!(r.problems[0].seq, 5);

        let mut swapped = recs.clone();
        swapped.swap(1, 2);
        let r = verify(&key, &swapped, Some(&head));
        assert!(!r.ok());
        assert_eq!(r.problems[0].seq, 3);

        // Two entries' contents swapped under their original numbers.
        let mut renumbered = recs.clone();
        let (a, b) = (renumbered[1].clone(), renumbered[2].clone());
        renumbered[1] = AuditRecord { seq: 2, ..b };
        renumbered[2] = AuditRecord { seq: 3, ..a };
        assert!(!verify(&key, &renumbered, Some(&head)).ok());

        let truncated = &recs[..4];
        let r = verify(&key, truncated, Some(&head));
        assert_eq!(r.problems.len(), 1, "{r:?}");
        assert!(r.problems[0].what.contains("after 4 were deleted"), "{r:?}");

        let forged_head = ChainHead {
            seq: 4,
            hash: recs[3].hash.clone(),
            mac: head.mac.clone(),
        };
        let r = verify(&key, truncated, Some(&forged_head));
        assert!(r.problems[0].what.contains("head's seal"), "{r:?}");

        let other = AuditKey::generate().unwrap();
        let r = verify(&other, &recs, Some(&head));
        assert!(r.problems.iter().all(|p| p.what.contains("seal")));
        assert!(!r.ok());

        let r = verify(&key, &recs, None);
        assert!(r.problems[0].what.contains("no sealed head"));
    }

    #[test]
    fn keys_round_trip_and_never_print() {
        let k = AuditKey::generate().unwrap();
        assert_eq!(
            AuditKey::from_hex(&k.to_hex()).unwrap().to_hex(),
            k.to_hex()
        );
        assert_eq!(format!("{k:?}"), "AuditKey(…)");
        assert!(AuditKey::from_hex("abcd").is_err());
        assert_eq!(k.fingerprint().len(), 12);
    }
}
