//! Stage 4, segment: sentences and tokens over the canonical text.
//!
//! Input: the text and its sections; output: code-point spans. A sentence never crosses a
//! section or a line break. Abbreviations ("Mr.", "Gen.", "Jan.", "U.S.", initials) do not end
//! sentences; "60km" is one word for sentence purposes and two tokens ("60", "km"); "Russia’s"
//! gives "Russia" and "’s", as CoNLL-style taggers expect.

use crate::model::{Section, Span, Token, TokenKind};
use crate::offsets::{CharIndex, char_to_byte};

/// Sentences and tokens of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Sentence spans (code points).
    pub sentences: Vec<Span>,
    /// Token spans (code points).
    pub tokens: Vec<Token>,
}

/// Segments each section of `text` into sentences, and (when `tokens` is set) tokens.
pub fn segment(text: &str, sections: &[Section], tokens: bool) -> Segmentation {
    let index = CharIndex::new(text);
    let mut out = Segmentation::default();
    // Sections hold code points; walk them in order, converting to bytes incrementally.
    let mut cursor = (0usize, 0usize); // (chars, bytes)
    let mut to_byte = |chars: usize| -> usize {
        let (c0, b0) = cursor;
        let b = if chars >= c0 {
            b0 + char_to_byte(&text[b0..], chars - c0)
        } else {
            char_to_byte(text, chars)
        };
        cursor = (chars, b);
        b
    };
    for section in sections {
        let start = to_byte(section.start);
        let end = to_byte(section.end);
        for (s, e) in sentence_bounds(text, start, end) {
            out.sentences.push(Span {
                start: index.to_char(s),
                end: index.to_char(e),
            });
            if tokens {
                for (ts, te, kind) in tokenize(&text[s..e]) {
                    out.tokens.push(Token {
                        start: index.to_char(s + ts),
                        end: index.to_char(s + te),
                        kind,
                    });
                }
            }
        }
    }
    out
}

/// Sentence byte ranges inside `text[start..end]`, trimmed of surrounding whitespace.
pub fn sentence_bounds(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let region = &text[start..end];
    let bytes = region.as_bytes();
    let mut out = Vec::new();
    let mut sent_start = 0;
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let piece = &region[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push((start + s + lead, start + s + lead + trimmed.len()));
        }
    };
    while i < region.len() {
        let c = match region[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let clen = c.len_utf8();
        if c == '\n' {
            push(sent_start, i, &mut out);
            sent_start = i + 1;
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // The run of terminal punctuation and closing quotes/brackets.
            let mut j = i + clen;
            while let Some(n) = region[j..].chars().next() {
                if matches!(
                    n,
                    '.' | '!' | '?' | '…' | '’' | '”' | '"' | '\'' | ')' | ']' | '»'
                ) {
                    j += n.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space = j >= region.len() || bytes[j] == b' ' || bytes[j] == b'\t';
            if followed_by_space && is_boundary(region, sent_start, i, c, j) {
                push(sent_start, j, &mut out);
                sent_start = j;
            }
            i = j;
            continue;
        }
        i += clen;
    }
    push(sent_start, region.len(), &mut out);
    out
}

/// Whether terminal punctuation `c` at byte `at` (run ending at `after`) ends a sentence.
fn is_boundary(region: &str, sent_start: usize, at: usize, c: char, after: usize) -> bool {
    let rest = region[after..].trim_start();
    let Some(next) = rest.chars().next() else {
        return true;
    };
    // A sentence goes on after a lower-case word ("“Help!” she said", "e.g. this").
    if !(next.is_uppercase() || next.is_ascii_digit() || "“\"‘'([«¿¡—–-".contains(next))
    {
        return false;
    }
    if c != '.' || region[at..after].starts_with("..") {
        return true;
    }
    // The word the full stop ends.
    let word_start = region[sent_start..at]
        .rfind(|ch: char| ch.is_whitespace() || "(“\"‘[".contains(ch))
        .map_or(sent_start, |p| {
            sent_start
                + p
                + region[sent_start + p..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        });
    let word = &region[word_start..at];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.binary_search(&lower.as_str()).is_ok() {
        // Month and title abbreviations precede a name or number, never end a sentence
        // in news copy; a few ("No.", "St.") are ambiguous but rare at a sentence end.
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let is_initial =
        letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if is_initial {
        return false;
    }
    // "U.S.", "a.m.", "U.N." end a sentence only before a typical sentence opener.
    if word.contains('.') && letters >= 1 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        let next_word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '’' || *c == '\'')
            .collect();
        return SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    true
}

/// Abbreviations that do not end a sentence (lower-case, without the final dot; sorted).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "assn", "aug", "ave", "brig", "bros", "capt", "cdr", "cmdr", "co", "col",
    "comdr", "con", "corp", "cpl", "dec", "dept", "dr", "esq", "etc", "feb", "fig", "fr", "ft",
    "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs",
    "mr", "mrs", "ms", "msgr", "mt", "no", "nos", "nov", "oct", "op", "pres", "prof", "pvt", "rep",
    "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// Words that typically open a sentence; after "U.S." only these start a new one.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "After",
    "As",
    "When",
    "While",
    "If",
    "Officials",
    "According",
    "Meanwhile",
    "However",
    "Some",
    "Many",
    "Most",
    "No",
    "Now",
    "So",
    "Yet",
    "For",
    "Since",
    "Last",
    "Earlier",
    "Later",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "You",
    "Our",
    "My",
    "Both",
    "Still",
    "Such",
];

/// Units split off a number written against it ("60km" → "60", "km").
const UNITS: &[&str] = &[
    "km", "kms", "m", "cm", "mm", "kg", "g", "mg", "t", "mi", "ft", "in", "lb", "lbs", "oz", "mph",
    "kph", "kmh", "bn", "mn", "tn", "k", "b", "l", "ml", "gb", "mb", "tb", "kw", "mw", "gw", "kwh",
    "mwh", "gwh", "hz", "khz", "mhz", "ghz", "ha", "sqm", "sqkm", "pc", "pct", "h", "hr", "hrs",
    "min", "mins", "s", "sec", "secs", "yr", "yrs", "c", "f",
];

/// Tokens of one sentence: byte ranges with their kinds.
pub fn tokenize(s: &str) -> Vec<(usize, usize, TokenKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(s, i);
            split_word(s, i, end, &mut out);
            i = end;
            continue;
        }
        // Runs of the same punctuation ("...", "--") are one token.
        let mut end = i + c.len_utf8();
        if matches!(c, '.' | '-' | '!' | '?') {
            while s[end..].starts_with(c) {
                end += c.len_utf8();
            }
        }
        let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push((i, end, kind));
        i = end;
    }
    out
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '’' | '‘'
            | '“'
            | '”'
            | '—'
            | '–'
            | '…'
            | '«'
            | '»'
            | '•'
            | '·'
            | '‹'
            | '›'
            | '„'
            | '¿'
            | '¡'
            | '§'
            | '¶'
            | '′'
            | '″'
    )
}

/// End of the word starting at `start`: alphanumerics with inner joiners
/// (apostrophes, hyphens, dots, and separators between digits).
fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut prev: Option<char> = None;
    let mut iter = s[start..].char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let pos = start + off;
        let next = iter.peek().map(|&(_, n)| n);
        let joins = match c {
            c if c.is_alphanumeric() => true,
            '\'' | '’' | '-' | '&' | '@' => {
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
            }
            '.' => {
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
            }
            ',' | '/' | ':' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = pos + c.len_utf8();
        prev = Some(c);
    }
    // An acronym or abbreviation keeps its final dot: "U.S.", "Mr.".
    if s[end..].starts_with('.') {
        let word = &s[start..end];
        let lower = word.to_lowercase();
        let acronym = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
        let abbrev = ABBREVIATIONS.binary_search(&lower.as_str()).is_ok();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let at_end = s[end + 1..].trim().is_empty();
        if (acronym || abbrev || initial) && !at_end {
            end += 1;
        }
    }
    end
}

/// Pushes the tokens of the word `s[start..end]`: splits "’s"/"n't" clitics, a trailing
/// plural-possessive apostrophe, and a unit written against a number.
fn split_word(s: &str, start: usize, end: usize, out: &mut Vec<(usize, usize, TokenKind)>) {
    let word = &s[start..end];
    let kind_of = |w: &str| {
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            TokenKind::Number
        } else {
            TokenKind::Word
        }
    };
    for clitic in [
        "’s", "'s", "’S", "'S", "n’t", "n't", "’re", "'re", "’ll", "'ll", "’ve", "'ve", "’d", "'d",
        "’m", "'m",
    ] {
        if word.len() > clitic.len() + 1
            && word.ends_with(clitic)
            && word[..word.len() - clitic.len()]
                .chars()
                .last()
                .is_some_and(char::is_alphabetic)
        {
            let cut = end - clitic.len();
            out.push((start, cut, kind_of(&s[start..cut])));
            out.push((cut, end, TokenKind::Word));
            return;
        }
    }
    // "60km": digits then a unit.
    let digits = word
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if digits > 0 && digits < word.len() {
        let unit = &word[digits..];
        if UNITS.contains(&unit.to_lowercase().as_str()) {
            out.push((start, start + digits, TokenKind::Number));
            out.push((start + digits, end, TokenKind::Word));
            return;
        }
    }
    out.push((start, end, kind_of(word)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_bounds(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn tokens(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Jones on Jan. 5 in the U.S. capital. They spoke."),
            [
                "Mr. Smith met Gen. Jones on Jan. 5 in the U.S. capital.",
                "They spoke."
            ]
        );
        assert_eq!(
            sentences("The town lies 60km from the capital. It fell on Monday."),
            ["The town lies 60km from the capital.", "It fell on Monday."]
        );
        assert_eq!(
            sentences("He moved to the U.S. The next year he left."),
            ["He moved to the U.S.", "The next year he left."]
        );
        assert_eq!(
            sentences("John F. Kennedy spoke at 5 p.m. on Friday."),
            ["John F. Kennedy spoke at 5 p.m. on Friday."]
        );
    }

    #[test]
    fn quotes_and_newlines() {
        assert_eq!(
            sentences("“It’s over,” he said. “We won!” she cried.\nNext line"),
            ["“It’s over,” he said.", "“We won!” she cried.", "Next line"]
        );
        assert_eq!(
            sentences("“Help!” she said. Then quiet."),
            ["“Help!” she said.", "Then quiet."]
        );
    }

    #[test]
    fn token_shapes() {
        assert_eq!(
            tokens("Russia’s troops, 60km away, lost 3,780 houses (U.S. data)."),
            [
                "Russia", "’s", "troops", ",", "60", "km", "away", ",", "lost", "3,780", "houses",
                "(", "U.S.", "data", ")", "."
            ]
        );
        assert_eq!(
            tokens("cease-fire Putin- don't"),
            ["cease-fire", "Putin", "-", "do", "n't"]
        );
        assert_eq!(
            tokens("Wait... 1.5 COVID-19 27th"),
            ["Wait", "...", "1.5", "COVID-19", "27th"]
        );
    }

    #[test]
    fn abbreviation_list_is_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }
}
