//! A cheap first test for a word that may open a time expression: by its length, first and
//! last letter, before the grammar's `may_start` word lists and lexicon lookups (most words fail here).
//!
//! Exact by construction: it lets through every word `grammar::may_start` accepts (a
//! superset, checked by the test below against every word literal of the grammar and the
//! lexicon), so it changes what is tried, never what is found.

use crate::scan::KEY_LEN;

/// Every word `grammar::may_start` accepts: its own lists and the lexicon's months,
/// weekdays, units, parts of day, seasons, cardinals and ordinals.
const WORDS: &[&str] = &[
    "a",
    "about",
    "afternoon",
    "afternoons",
    "all",
    "almost",
    "an",
    "annually",
    "another",
    "approximately",
    "apr",
    "april",
    "around",
    "at",
    "aug",
    "august",
    "autumn",
    "beginning",
    "bi",
    "biannually",
    "bimonthly",
    "biweekly",
    "black",
    "boxing",
    "breakfast",
    "centuries",
    "century",
    "christmas",
    "close",
    "coming",
    "couple",
    "current",
    "currently",
    "daily",
    "day",
    "days",
    "daytime",
    "dec",
    "decade",
    "decades",
    "december",
    "dinner",
    "dinnertime",
    "dozen",
    "dozens",
    "each",
    "earlier",
    "early",
    "earth",
    "easter",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighty",
    "election",
    "eleven",
    "eleventh",
    "end",
    "entire",
    "eod",
    "eoy",
    "evening",
    "evenings",
    "every",
    "everyday",
    "fall",
    "feb",
    "february",
    "few",
    "fewer",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "final",
    "first",
    "fiscal",
    "five",
    "following",
    "fortnightly",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "fri",
    "friday",
    "fridays",
    "full",
    "future",
    "fy",
    "good",
    "half",
    "halloween",
    "hour",
    "hourly",
    "hours",
    "hr",
    "hrs",
    "hundred",
    "hundreds",
    "in",
    "independence",
    "international",
    "its",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "juneteenth",
    "just",
    "labor",
    "labour",
    "last",
    "late",
    "lately",
    "later",
    "less",
    "longer",
    "lunch",
    "lunchtime",
    "many",
    "mar",
    "march",
    "may",
    "memorial",
    "mid",
    "midday",
    "midnight",
    "min",
    "mins",
    "minute",
    "minutes",
    "mon",
    "monday",
    "mondays",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "mornings",
    "nearly",
    "new",
    "next",
    "night",
    "nightly",
    "nights",
    "nine",
    "nineteen",
    "nineteenth",
    "ninety",
    "ninth",
    "no",
    "noon",
    "noonish",
    "nov",
    "november",
    "now",
    "nowadays",
    "numerous",
    "oct",
    "october",
    "one",
    "over",
    "overnight",
    "past",
    "per",
    "presently",
    "previous",
    "previously",
    "q",
    "quarter",
    "quarterly",
    "quarters",
    "recent",
    "recently",
    "roughly",
    "saint",
    "sat",
    "saturday",
    "saturdays",
    "sec",
    "second",
    "seconds",
    "secs",
    "semi",
    "semiannually",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventy",
    "several",
    "shorter",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixty",
    "some",
    "spring",
    "st",
    "start",
    "summer",
    "sun",
    "sunday",
    "sundays",
    "supper",
    "suppertime",
    "ten",
    "tenth",
    "thanksgiving",
    "that",
    "the",
    "their",
    "these",
    "third",
    "thirteen",
    "thirteenth",
    "thirtieth",
    "thirty",
    "this",
    "thousands",
    "three",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "thursdays",
    "till",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tonite",
    "tue",
    "tues",
    "tuesday",
    "tuesdays",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "up",
    "valentine",
    "veterans",
    "wed",
    "wednesday",
    "wednesdays",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "whole",
    "winter",
    "workers",
    "year",
    "yearly",
    "years",
    "yesterday",
    "yr",
    "yrs",
];

/// `TABLE[len][first]` has bit `last` set when some word of [`WORDS`] has that length, first
/// letter and last letter (letters counted from `a`).
static TABLE: [[u32; 26]; KEY_LEN + 1] = table();

const fn table() -> [[u32; 26]; KEY_LEN + 1] {
    let mut t = [[0u32; 26]; KEY_LEN + 1];
    let mut k = 0;
    while k < WORDS.len() {
        let w = WORDS[k].as_bytes();
        assert!(!w.is_empty() && w.len() <= KEY_LEN);
        let (first, last) = (w[0], w[w.len() - 1]);
        assert!(first.is_ascii_lowercase() && last.is_ascii_lowercase());
        t[w.len()][(first - b'a') as usize] |= 1 << (last - b'a');
        k += 1;
    }
    t
}

/// Whether the key `w` may be a word that opens a time expression (false for most words).
pub(super) fn may_be(w: &str) -> bool {
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return false;
    }
    TABLE
        .get(b.len())
        .is_some_and(|row| row[usize::from(first - b'a')] >> (last - b'a') & 1 == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{Lowered, scan};
    use crate::time::grammar::may_start;

    /// The grammar's full test on the word `w`.
    fn may_start_word(w: &str) -> bool {
        let lowered = Lowered::new(w);
        let toks = scan(&lowered);
        assert_eq!(toks.len(), 1, "{w}");
        may_start(&toks[0])
    }

    /// Lower-case word literals of a source file.
    fn literals(src: &str) -> Vec<&str> {
        src.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()))
            .collect()
    }

    #[test]
    fn lets_through_every_word_the_grammar_may_start_with() {
        // `may_start` matches words against literals of these two files only, so checking every
        // literal proves the filter lets through all it accepts.
        let mut checked = 0;
        for w in literals(include_str!("grammar.rs"))
            .into_iter()
            .chain(literals(include_str!("lexicon.rs")))
        {
            if may_start_word(w) {
                assert!(may_be(w), "{w} is missing from WORDS");
                checked += 1;
            }
        }
        assert!(checked > 200, "only {checked} words checked");
        for w in WORDS {
            assert!(may_start_word(w), "{w} in WORDS opens no expression");
        }
    }

    #[test]
    fn turns_away_common_words() {
        for w in ["and", "said", "president", "of", "government", "", "x"] {
            assert!(!may_be(w), "{w}");
        }
        for w in ["the", "monday", "twenty", "yesterday", "in"] {
            assert!(may_be(w), "{w}");
        }
    }
}
