//! What the indexer keeps of one page ([`PageWords`]) and the hash its
//! files and the index cache are checked with ([`content_hash`]): shared by
//! the indexer (`fulltext`) and its cache (`cache`), below both.

/// One page's words, counted: `terms[i]` is a word's number in the
/// collector's word list (`fulltext::Terms`), `counts[i]` its weighted count and flags.
pub(super) struct PageWords {
    pub(super) terms: Vec<u32>,
    pub(super) counts: Vec<(u32, u8)>,
    /// Sum of the weighted counts (the page's length for BM25).
    pub(super) length: u32,
    /// The page's fragment (see `fulltext`'s module docs).
    pub(super) fragment: Vec<u8>,
}

/// A stable 64-bit hash of `bytes` for file names and the index version:
/// the same on every build and platform, and fast (four independent
/// multiply-rotate lanes over 8-byte words, then murmur3's finaliser), as
/// it reads the whole index (tens of MB at scale). Not for security.
pub(crate) fn content_hash(bytes: &[u8]) -> u64 {
    const K: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0x85eb_ca77_c2b2_ae63,
    ];
    let word = |c: &[u8]| {
        let mut b = [0u8; 8];
        b[..c.len()].copy_from_slice(c);
        u64::from_le_bytes(b)
    };
    let mut lanes = K;
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = word(&block[i * 8..i * 8 + 8]);
            *lane = (*lane ^ w).wrapping_mul(K[i]).rotate_left(31);
        }
    }
    let mut h = bytes.len() as u64;
    for (i, lane) in lanes.iter().enumerate() {
        h = (h ^ lane.rotate_left(i as u32 * 16)).wrapping_mul(K[0]);
    }
    for c in blocks.remainder().chunks(8) {
        h = (h ^ word(c)).wrapping_mul(K[1]).rotate_left(27);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_hash_is_stable_and_sees_every_byte() {
        // File names depend on it: a change here renames every index file.
        assert_eq!(content_hash(b""), content_hash(b""));
        let base: Vec<u8> = (0..100u8).collect();
        let h = content_hash(&base);
        let mut seen = std::collections::HashSet::new();
        for i in 0..base.len() {
            let mut v = base.clone();
            v[i] ^= 1;
            assert!(seen.insert(content_hash(&v)), "byte {i}");
        }
        assert!(!seen.contains(&h));
        assert_ne!(content_hash(&base[..99]), h, "the length counts");
        assert_ne!(content_hash(b"ab"), content_hash(b"ab\0"));
    }
}
