//! Mentions in capitalised lines: in a headline written in title case ("Putin- Zelensky
//! Talks") or in capitals, capital letters say nothing about names, and the tagger (trained
//! mostly on running text) tends to swallow the common word next to a name. The document
//! itself says which words are common: those it writes in lower case in running text.

use super::features::KeyMap;
use super::hash::{WORD_SEED, hash_lower};

/// Written in lower case in running text.
const LOWER: u8 = 1;
/// Capitalised away from a sentence start in running text.
const CAPITALISED: u8 = 2;

/// Words of a document that its running text writes in lower case and never capitalises away
/// from a sentence start: common words, whatever a capitalised line does with them. Words are
/// kept as their lower-cased hashes (the tagger's word hash), so collecting allocates nothing
/// per word.
#[derive(Debug, Default)]
pub struct CommonWords {
    seen: KeyMap<u8>,
}

impl CommonWords {
    /// Collects the common words of the sentences `ranges` (token ranges into `words`),
    /// skipping capitalised lines.
    pub fn collect(words: &[&str], ranges: &[(usize, usize)]) -> Self {
        let mut seen = KeyMap::default();
        for &(s, e) in ranges {
            let sentence = &words[s..e];
            if is_capitalised_line(sentence) {
                continue;
            }
            for (i, w) in sentence.iter().enumerate() {
                let Some(first) = w.chars().next() else {
                    continue;
                };
                if first.is_lowercase() {
                    *seen.entry(hash_lower(WORD_SEED, w)).or_insert(0) |= LOWER;
                } else if first.is_uppercase() && i > 0 && !follows_opening(sentence[i - 1]) {
                    *seen.entry(hash_lower(WORD_SEED, w)).or_insert(0) |= CAPITALISED;
                }
            }
        }
        Self { seen }
    }

    /// Whether `word` is one of them.
    pub fn contains(&self, word: &str) -> bool {
        self.seen.get(&hash_lower(WORD_SEED, word)) == Some(&LOWER)
    }
}

/// Whether a sentence is a capitalised line: at least three words, and at least 60% of its
/// words start with a capital (title case, or all capitals).
pub fn is_capitalised_line(sentence: &[&str]) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    for w in sentence {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if first.is_uppercase() {
            capitalised += 1;
        }
    }
    words >= 3 && capitalised * 10 >= words * 6
}

/// Trims common words (as the rest of the document writes them) from both ends of the mention
/// `words[start..end]` in a capitalised line; `None` when nothing is left.
pub fn trim_common(
    common: &CommonWords,
    words: &[&str],
    mut start: usize,
    mut end: usize,
) -> Option<(usize, usize)> {
    while start < end && common.contains(words[start]) {
        start += 1;
    }
    while end > start && common.contains(words[end - 1]) {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

fn follows_opening(previous: &str) -> bool {
    matches!(
        previous,
        "\"" | "“" | "‘" | "'" | "(" | "[" | ":" | "«" | "-" | "–" | "—"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_headline_loses_a_common_word_the_body_writes_in_lower_case() {
        let words = [
            "Putin", "-", "Zelensky", "Talks", "Stall", "The", "talks", "between", "Putin", "and",
            "Zelensky", "stalled", ".",
        ];
        let ranges = [(0, 5), (5, 13)];
        assert!(is_capitalised_line(&words[0..5]));
        assert!(!is_capitalised_line(&words[5..13]));
        let common = CommonWords::collect(&words, &ranges);
        assert!(common.contains("Talks"));
        assert!(!common.contains("Zelensky"));
        assert_eq!(trim_common(&common, &words, 2, 4), Some((2, 3)));
        assert_eq!(trim_common(&common, &words, 3, 4), None);
    }

    #[test]
    fn a_word_capitalised_mid_sentence_is_not_common() {
        let words = [
            "The", "Labour", "party", "met", ".", "Hard", "labour", "for", "Labour", ".",
        ];
        let common = CommonWords::collect(&words, &[(0, 5), (5, 10)]);
        assert!(!common.contains("Labour"));
        assert!(common.contains("party"));
    }
}
