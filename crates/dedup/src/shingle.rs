//! Shingles: overlapping runs of `k` syllables, folded (lower case, no diacritics), hashed to
//! 64 bits.
//!
//! Syllables rather than segmented words: a reprint keeps the syllables of its source, while
//! word segmentation of the same sentence can differ with its context, and syllables cost
//! nothing to find ([`tre_text::token_spans`]). Folding makes a copy that lost its diacritics
//! or uses the other tone-mark placement the same text; with five syllables to a shingle the
//! homographs folding creates (`bán`/`bạn`) cannot make two different sentences collide.

use tre_text::letters::fold_char;

/// 64-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the output,
/// so that the multiply-shift hashes of [`crate::minhash`] see well-mixed keys.
#[inline]
pub(crate) fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// FNV-1a over the folded characters of one token: stable across platforms and releases (the
/// store persists signatures built from these hashes, so this function must never change
/// without a new [`crate::Params::fingerprint`]).
#[inline]
fn token_hash(token: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in token.chars() {
        // Combining marks left in text that was not normalised carry only diacritics.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        h ^= u64::from(u32::from(fold_char(c)));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hashes of the folded syllable tokens of `text`, in order.
pub(crate) fn token_hashes(text: &str, out: &mut Vec<u64>) {
    out.clear();
    out.extend(tre_text::tokens(text).map(token_hash));
}

/// Shingle hashes of `k` consecutive tokens, in text order (repeats kept: the caller decides).
/// A text with fewer than `k` tokens (but at least one) is one shingle of all its tokens, so a
/// very short text still has a signature.
pub(crate) fn shingles(tokens: &[u64], k: usize, out: &mut Vec<u64>) {
    out.clear();
    let k = k.max(1);
    if tokens.is_empty() {
        return;
    }
    let windows = tokens.len().saturating_sub(k) + 1;
    let width = k.min(tokens.len());
    for start in 0..windows {
        let mut h: u64 = width as u64;
        for &t in &tokens[start..start + width] {
            // Order matters ("A B" is not "B A"): rotate before mixing each token in.
            h = fmix64(h.rotate_left(23) ^ t);
        }
        out.push(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(text: &str, k: usize) -> Vec<u64> {
        let mut t = Vec::new();
        let mut s = Vec::new();
        token_hashes(text, &mut t);
        shingles(&t, k, &mut s);
        s
    }

    #[test]
    fn folding_and_punctuation_do_not_change_shingles() {
        assert_eq!(
            sh("Bộ trưởng Ngoại giao Bùi Thanh Sơn", 3),
            sh("bo truong, ngoai giao - BUI THANH SON!", 3)
        );
    }

    #[test]
    fn order_matters_and_short_texts_have_one_shingle() {
        assert_ne!(sh("a b c", 3), sh("c b a", 3));
        assert_eq!(sh("hai từ", 5).len(), 1);
        assert!(sh("  ... ", 5).is_empty());
        assert_eq!(sh("một hai ba bốn năm sáu", 5).len(), 2);
    }
}
