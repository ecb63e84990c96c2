//! A cheap, deterministic hasher for the pipeline's internal sets and maps
//! (word lists, folded lines, event groups): the Fx hash (rotate, xor,
//! multiply, 8 bytes at a time), as in rustc, instead of the default SipHash,
//! which is built to resist hash flooding and costs several times more per
//! short key. The keys here are words and lines of one page: a hostile page
//! can at worst slow its own extraction, never change its result (iteration
//! order is never output).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher's state.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashSet` with the Fx hasher: `FastSet::default()`.
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
/// A `HashMap` with the Fx hasher: `FastMap::default()`.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_maps_behave_as_the_std_ones() {
        let words = [
            "tin",
            "liên",
            "quan",
            "tin lien quan",
            "",
            "a",
            "12345678",
            "123456789",
        ];
        let set: FastSet<&str> = words.iter().copied().collect();
        assert_eq!(set.len(), words.len());
        assert!(words.iter().all(|w| set.contains(w)));
        assert!(!set.contains("tin lien"));
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, w) in words.iter().enumerate() {
            *map.entry(w.to_string()).or_default() += i;
        }
        assert_eq!(map["quan"], 2);
    }

    #[test]
    fn keys_that_differ_in_one_byte_hash_apart() {
        let h = |s: &str| {
            let mut f = FxHasher::default();
            f.write(s.as_bytes());
            f.finish()
        };
        assert_ne!(h("abcdefgh1"), h("abcdefgh2"));
        assert_ne!(h("ab"), h("ac"));
    }
}
