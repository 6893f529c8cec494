//! Stage 4, segment: sentences and tokens over the canonical text.
//!
//! Input: the text and its sections; output: code-point spans. A sentence never crosses a
//! section or a line break. Abbreviations ("Mr.", "Gen.", "Jan.", "U.S.", initials) do not end
//! sentences; "60km" is one word for sentence purposes and two tokens ("60", "km"); "Russia’s"
//! gives "Russia" and "’s", as CoNLL-style taggers expect.

use crate::model::{Section, Span, Token, TokenKind};
use crate::offsets::{char_at, char_to_byte};

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
    // Sentence bounds and token bounds each only move forward, so each gets a cursor that
    // counts the code points it passes instead of looking every offset up.
    let mut sentence_chars = CharCursor::default();
    let mut token_chars = CharCursor::default();
    let mut sentence_tokens = Vec::new();
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
                start: sentence_chars.char_offset(text, s),
                end: sentence_chars.char_offset(text, e),
            });
            if tokens {
                sentence_tokens.clear();
                tokenize_into(&text[s..e], &mut sentence_tokens);
                for &(ts, te, kind) in &sentence_tokens {
                    out.tokens.push(Token {
                        start: token_chars.char_offset(text, s + ts),
                        end: token_chars.char_offset(text, s + te),
                        kind,
                    });
                }
            }
        }
    }
    out
}

/// Converts byte offsets that never decrease into code-point offsets by counting the
/// characters between one offset and the next.
#[derive(Debug, Default)]
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    /// The code-point offset of `byte` (a character boundary of `text`).
    fn char_offset(&mut self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        if byte < self.byte {
            *self = Self::default();
        }
        self.chars += text.get(self.byte..byte).map_or(0, |t| t.chars().count());
        self.byte = byte;
        self.chars
    }
}

/// Whether `word` (without its final dot) is in [`ABBREVIATIONS`], ignoring case.
fn is_abbreviation(word: &str) -> bool {
    const LONGEST: usize = 6;
    if word.is_ascii() {
        // Lower-casing ASCII keeps the length, so a longer word is none of them.
        if word.len() > LONGEST {
            return false;
        }
        let mut buf = [0u8; LONGEST];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        ABBREVIATIONS
            .binary_search_by(|a| a.as_bytes().cmp(lower))
            .is_ok()
    } else {
        ABBREVIATIONS
            .binary_search(&word.to_lowercase().as_str())
            .is_ok()
    }
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
    // Only line breaks and terminal punctuation matter: scan bytes (no UTF-8 continuation
    // byte equals an ASCII one, and 0xE2 only ever leads a character).
    while let Some(skip) = bytes[i..]
        .iter()
        .position(|&b| SENTENCE_STOPS[usize::from(b)])
    {
        i += skip;
        let c = match bytes[i] {
            b'\n' => '\n',
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ if region[i..].starts_with('…') => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        let clen = c.len_utf8();
        if c == '\n' {
            push(sent_start, i, &mut out);
            sent_start = i + 1;
            i += 1;
            continue;
        }
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
    }
    push(sent_start, region.len(), &mut out);
    out
}

/// The bytes that may open a line break or terminal punctuation (`…` starts with 0xE2).
const SENTENCE_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    stops[b'\n' as usize] = true;
    stops[b'.' as usize] = true;
    stops[b'!' as usize] = true;
    stops[b'?' as usize] = true;
    stops[0xE2] = true;
    stops
};

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
    if is_abbreviation(word) {
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
    tokenize_into(s, &mut out);
    out
}

/// [`tokenize`], appending to `out`.
fn tokenize_into(s: &str, out: &mut Vec<(usize, usize, TokenKind)>) {
    let mut i = 0;
    while i < s.len() {
        let Some(c) = char_at(s, i) else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(s, i);
            split_word(s, i, end, out);
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
    loop {
        // A run of ASCII letters and digits joins without further checks.
        let run = s.as_bytes()[end..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if run > 0 {
            end += run;
            prev = Some(char::from(s.as_bytes()[end - 1]));
        }
        let Some(c) = char_at(s, end) else {
            break;
        };
        // The character after `c`, read only for a joiner.
        let next = || char_at(s, end + c.len_utf8());
        let joins = match c {
            c if c.is_alphanumeric() => true,
            '\'' | '’' | '-' | '&' | '@' => {
                prev.is_some_and(char::is_alphanumeric) && next().is_some_and(char::is_alphanumeric)
            }
            '.' => {
                prev.is_some_and(char::is_alphanumeric) && next().is_some_and(char::is_alphanumeric)
            }
            ',' | '/' | ':' => {
                prev.is_some_and(|p| p.is_ascii_digit())
                    && next().is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end += c.len_utf8();
        prev = Some(c);
    }
    // An acronym or abbreviation keeps its final dot: "U.S.", "Mr.".
    if s[end..].starts_with('.') {
        let word = &s[start..end];
        let acronym = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
        let abbrev = is_abbreviation(word);
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let at_end = s[end + 1..].trim().is_empty();
        if (acronym || abbrev || initial) && !at_end {
            end += 1;
        }
    }
    end
}

/// Endings split off a word as their own token ("Russia’s" → "Russia", "’s").
const CLITICS: &[&str] = &[
    "’s", "'s", "’S", "'S", "n’t", "n't", "’re", "'re", "’ll", "'ll", "’ve", "'ve", "’d", "'d",
    "’m", "'m",
];

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
    // Every clitic has its apostrophe (`'`, or `’` ending in byte 0x99) in its last five bytes.
    let apostrophe_near_end = word.as_bytes()[word.len().saturating_sub(5)..]
        .iter()
        .any(|&b| b == b'\'' || b == 0x99);
    let clitics: &[&str] = if apostrophe_near_end { CLITICS } else { &[] };
    for clitic in clitics {
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
        let is_unit = if unit.is_ascii() {
            UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit))
        } else {
            UNITS.contains(&unit.to_lowercase().as_str())
        };
        if is_unit {
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
        // `is_abbreviation`'s length limit must cover the longest entry.
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a), "{a}");
            assert!(is_abbreviation(&a.to_uppercase()), "{a}");
        }
    }

    #[test]
    fn abbreviations_ignore_case() {
        // `is_abbreviation` rules out ASCII words longer than six bytes unseen.
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6 && a.is_ascii()));
        assert!(is_abbreviation("Messrs"));
        assert!(is_abbreviation("GEN"));
        assert!(!is_abbreviation("General"));
        assert!(!is_abbreviation("Gén"));
    }

    #[test]
    fn cursor_counts_code_points() {
        let text = "a’b “ü” 60km";
        let mut cursor = CharCursor::default();
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(cursor.char_offset(text, byte), chars);
        }
        assert_eq!(cursor.char_offset(text, text.len()), text.chars().count());
        assert_eq!(cursor.char_offset(text, 0), 0);
    }
}
