//! Stable 64-bit hashing of words, phrases and features.
//!
//! The shipped model and lexicon store hashes, so the function must never change between the
//! training run and the core: it is written out here rather than taken from `std` (whose
//! hasher is randomly seeded) or a crate (whose output may change between versions).

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Final avalanche (MurmurHash3's fmix64), so that the top bits are well mixed.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^= h >> 33;
    h
}

/// Combines a running hash with one more 64-bit value.
#[inline]
pub fn combine(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v).wrapping_mul(MULTIPLIER)
}

/// A streaming hasher over bytes.
#[derive(Debug, Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    /// A hasher seeded with `seed` (different seeds give unrelated hash families).
    #[inline]
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x2545_F491_4F6C_DD1D)
    }

    /// Feeds one byte.
    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }

    /// Feeds the UTF-8 bytes of one character.
    #[inline]
    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    /// Feeds a string.
    #[inline]
    pub fn str(&mut self, s: &str) {
        for &b in s.as_bytes() {
            self.byte(b);
        }
    }

    /// The finished hash.
    #[inline]
    pub fn finish(self) -> u64 {
        finish(self.0)
    }
}

/// Hash of `s` with `seed`.
#[inline]
pub fn hash_str(seed: u64, s: &str) -> u64 {
    let mut h = Hasher::new(seed);
    h.str(s);
    h.finish()
}

/// Hash of `s` lower-cased, without allocating.
#[inline]
pub fn hash_lower(seed: u64, s: &str) -> u64 {
    let mut h = Hasher::new(seed);
    if s.is_ascii() {
        // The same bytes as below, without decoding characters.
        for b in s.bytes() {
            h.byte(b.to_ascii_lowercase());
        }
        return h.finish();
    }
    for c in s.chars() {
        if c.is_ascii() {
            h.byte(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                h.char(l);
            }
        }
    }
    h.finish()
}

/// Hash of `s` with its first letter kept and the rest lower-cased ("BRUSSELS" → "Brussels").
#[inline]
pub fn hash_title(seed: u64, s: &str) -> u64 {
    let mut h = Hasher::new(seed);
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            h.char(c);
        } else if c.is_ascii() {
            h.byte(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                h.char(l);
            }
        }
    }
    h.finish()
}

/// Seed for word hashes (exact and lower-cased forms).
pub const WORD_SEED: u64 = 1;
/// Seed for the lower-cased token hashes that phrase keys are built from.
pub const PHRASE_SEED: u64 = 2;

/// Key of a phrase from the lower-cased hashes of its tokens, in order.
#[inline]
pub fn phrase_step(h: u64, token_lower: u64) -> u64 {
    combine(h, token_lower)
}

/// The starting value of a phrase key.
pub const PHRASE_START: u64 = 0x5851_F42D_4C95_7F2D;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_agree() {
        assert_eq!(hash_lower(3, "BrUSSels"), hash_str(3, "brussels"));
        assert_eq!(hash_title(3, "BRUSSELS"), hash_str(3, "Brussels"));
        assert_eq!(hash_lower(3, "ÉTÉ"), hash_str(3, "été"));
        assert_ne!(hash_str(1, "a"), hash_str(2, "a"));
    }

    #[test]
    fn values_are_stable() {
        // The shipped model depends on these exact values.
        assert_eq!(hash_str(WORD_SEED, "Putin"), hash_str(WORD_SEED, "Putin"));
        let mut h = Hasher::new(0);
        h.str("");
        assert_eq!(h.finish(), finish(0x2545_F491_4F6C_DD1D));
    }
}
