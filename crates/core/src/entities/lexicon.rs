//! The tagger's lexicon: word clusters and gazetteers, loaded from a compact binary file.
//!
//! Words and phrases are stored only as hashes ([`super::hash`]); the few strings kept are the
//! demonym → place pairs the clustering step prints. The file is written by
//! `cargo xtask ner-lexicon` from openly licensed data (see the README's model card).

use super::LoadError;
use super::binary::{Reader, Writer};
use super::hash::{self, PHRASE_SEED, PHRASE_START, WORD_SEED};
use super::table::HashTable;

const MAGIC: &[u8; 8] = b"GLNLEX\x01\x00";

/// The gazetteer lists, by bit index in a phrase's list mask.
pub const LISTS: &[&str] = &[
    "country",
    "city",
    "region",
    "demonym",
    "first-name",
    "last-name",
    "organisation",
    "org-word",
    "title",
    "loc-word",
    "calendar",
    "big-city",
    "common-word",
];

/// Bit of a list in a phrase's list mask.
pub fn list_bit(name: &str) -> Option<u32> {
    LISTS.iter().position(|l| *l == name).map(|i| 1 << i)
}

/// Mask bit marking a phrase key that is a proper prefix of some listed phrase.
pub const PREFIX_BIT: u32 = 1 << 31;

/// Word clusters and gazetteers.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    clusters: HashTable,
    phrases: HashTable,
    max_phrase_len: usize,
    demonyms: Vec<(String, String)>,
}

/// What a lexicon file holds, before its tables are built (the xtask writes these).
#[derive(Debug, Clone, Default)]
pub struct LexiconSource {
    /// `(hash_str(WORD_SEED, word), cluster path)` for each clustered word; the path is the
    /// Brown cluster bit string read from the root as the low bits upwards.
    pub clusters: Vec<(u64, u32)>,
    /// Each listed phrase as its tokens, with the list bits it belongs to.
    pub phrases: Vec<(Vec<String>, u32)>,
    /// Demonym (singular or plural) → the place it refers to.
    pub demonyms: Vec<(String, String)>,
}

impl LexiconSource {
    /// Serialises to the shipped binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: std::collections::BTreeMap<u64, u32> = std::collections::BTreeMap::new();
        let mut max_len = 0usize;
        for (tokens, mask) in &self.phrases {
            if tokens.is_empty() {
                continue;
            }
            max_len = max_len.max(tokens.len());
            let mut h = PHRASE_START;
            for (i, t) in tokens.iter().enumerate() {
                h = hash::phrase_step(h, hash::hash_lower(PHRASE_SEED, t));
                let bits = if i + 1 == tokens.len() {
                    *mask
                } else {
                    PREFIX_BIT
                };
                *keys.entry(h).or_insert(0) |= bits;
            }
        }
        let mut clusters = self.clusters.clone();
        clusters.sort_unstable();
        clusters.dedup_by_key(|(k, _)| *k);
        let mut w = Writer::default();
        w.raw(MAGIC);
        w.u8(max_len.min(255) as u8);
        w.u32(clusters.len() as u32);
        for (k, v) in &clusters {
            w.u64(*k);
            w.u32(*v);
        }
        w.u32(keys.len() as u32);
        for (k, v) in &keys {
            w.u64(*k);
            w.u32(*v);
        }
        w.u32(self.demonyms.len() as u32);
        for (d, p) in &self.demonyms {
            w.str(d);
            w.str(p);
        }
        w.bytes
    }
}

impl Lexicon {
    /// Reads a lexicon file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, LoadError> {
        let mut r = Reader::new(bytes);
        r.expect_magic(MAGIC)?;
        let max_phrase_len = usize::from(r.u8()?);
        let n = r.count(12)?;
        let mut clusters = Vec::with_capacity(n);
        for _ in 0..n {
            clusters.push((r.u64()?, r.u32()?));
        }
        let n = r.count(12)?;
        let mut phrases = Vec::with_capacity(n);
        for _ in 0..n {
            phrases.push((r.u64()?, r.u32()?));
        }
        let n = r.count(4)?;
        let mut demonyms = Vec::with_capacity(n);
        for _ in 0..n {
            demonyms.push((r.str()?.to_string(), r.str()?.to_string()));
        }
        if !r.at_end() {
            return Err(LoadError::TrailingBytes);
        }
        Ok(Self {
            clusters: HashTable::new(clusters.into_iter()),
            phrases: HashTable::new(phrases.into_iter()),
            max_phrase_len,
            demonyms,
        })
    }

    /// Brown cluster path of a word, trying it as written, lower-cased, then title-cased
    /// (so headline capitals find their cluster); 0 when unknown.
    pub fn cluster(&self, word: &str) -> u32 {
        self.cluster_hashed(
            hash::hash_str(WORD_SEED, word),
            hash::hash_lower(WORD_SEED, word),
            || hash::hash_title(WORD_SEED, word),
        )
    }

    /// [`Lexicon::cluster`] from the word's hashes with [`WORD_SEED`] as written and
    /// lower-cased (which the tagger has already), hashing it title-cased only if needed.
    pub fn cluster_hashed(&self, word: u64, lower: u64, title: impl FnOnce() -> u64) -> u32 {
        self.clusters
            .get(word)
            .or_else(|| self.clusters.get(lower))
            .or_else(|| self.clusters.get(title()))
            .unwrap_or(0)
    }

    /// Starts fetching the cluster-table slot of a word hash, for a
    /// [`Lexicon::cluster_hashed`] soon after (a hint only).
    #[inline]
    pub fn prefetch_cluster(&self, word: u64) {
        self.clusters.prefetch(word);
    }

    /// Starts fetching the phrase-table slot of a phrase key, for a [`Lexicon::phrase`] soon
    /// after (a hint only).
    #[inline]
    pub fn prefetch_phrase(&self, key: u64) {
        self.phrases.prefetch(key);
    }

    /// Longest phrase length (in tokens) in any list.
    pub fn max_phrase_len(&self) -> usize {
        self.max_phrase_len
    }

    /// List mask of a phrase key built with [`hash::phrase_step`] (0 when unknown); the
    /// [`PREFIX_BIT`] says a longer phrase starts with it.
    #[inline]
    pub fn phrase(&self, key: u64) -> u32 {
        self.phrases.get(key).unwrap_or(0)
    }

    /// The list mask of a whole phrase given as tokens (no prefix bit).
    pub fn phrase_lists(&self, tokens: &[&str]) -> u32 {
        let mut h = PHRASE_START;
        for t in tokens {
            let t = super::features::normalise(t);
            let t = super::features::expand_abbreviation(&t);
            h = hash::phrase_step(h, hash::hash_lower(PHRASE_SEED, t));
        }
        self.phrase(h) & !PREFIX_BIT
    }

    /// The place a demonym refers to ("Ukrainian" → "Ukraine"), case-insensitively.
    pub fn demonym_place(&self, word: &str) -> Option<&str> {
        self.demonyms
            .iter()
            .find(|(d, _)| d.eq_ignore_ascii_case(word))
            .map(|(_, p)| p.as_str())
    }

    /// Number of clustered words and of phrase keys (for reports).
    pub fn sizes(&self) -> (usize, usize) {
        (self.clusters.len(), self.phrases.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Lexicon {
        let src = LexiconSource {
            clusters: vec![(hash::hash_str(WORD_SEED, "London"), 0b1010)],
            phrases: vec![
                (vec!["New".into(), "York".into()], list_bit("city").unwrap()),
                (vec!["Ukraine".into()], list_bit("country").unwrap()),
            ],
            demonyms: vec![("Ukrainian".into(), "Ukraine".into())],
        };
        Lexicon::from_bytes(&src.to_bytes()).unwrap()
    }

    #[test]
    fn round_trip() {
        let lex = small();
        assert_eq!(lex.cluster("London"), 0b1010);
        assert_eq!(lex.cluster("LONDON"), 0b1010);
        assert_eq!(lex.cluster("Paris"), 0);
        assert_eq!(lex.max_phrase_len(), 2);
        assert_eq!(
            lex.phrase_lists(&["new", "YORK"]),
            list_bit("city").unwrap()
        );
        assert_eq!(lex.phrase_lists(&["New"]), 0);
        assert_eq!(lex.phrase_lists(&["Ukraine"]), list_bit("country").unwrap());
        assert_eq!(lex.demonym_place("ukrainian"), Some("Ukraine"));
    }

    #[test]
    fn corrupt_files_are_refused() {
        let bytes = LexiconSource::default().to_bytes();
        assert!(Lexicon::from_bytes(&bytes).is_ok());
        assert_eq!(
            Lexicon::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err(),
            LoadError::Truncated
        );
        assert_eq!(
            Lexicon::from_bytes(b"nonsense").unwrap_err(),
            LoadError::BadMagic
        );
    }
}
