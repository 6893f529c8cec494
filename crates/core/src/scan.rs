//! The figures and dates stages' scanner: words, digit runs and punctuation with byte spans
//! (shared utility, not a stage; the segment stage's tokens are the output's, these are the
//! grammars' working tokens).
//!
//! One pass over the text and one copy of it with ASCII letters lower-cased ([`Lowered`]):
//! each token's key is a `&str` into that copy, computed once, so the grammars' many lexicon
//! lookups per token neither allocate nor re-check UTF-8.

use crate::offsets::char_at;

/// Longest word kept in lower case; longer words never match the lexicon.
pub(crate) const KEY_LEN: usize = 15;

/// Coarse token class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits.
    Number,
    /// Any other visible character.
    Punct,
}

/// A text and its copy with ASCII letters lower-cased (same byte offsets): what tokens'
/// keys borrow from.
pub(crate) struct Lowered<'t> {
    text: &'t str,
    lower: String,
}

impl<'t> Lowered<'t> {
    /// Lower-cases `text` once.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            lower: text.to_ascii_lowercase(),
        }
    }
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'k> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Class.
    pub kind: Kind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub line_before: bool,
    /// First character is upper case.
    pub capital: bool,
    /// Value of a digit run (saturating), or the punctuation character.
    pub num: u64,
    /// Number of digits of a digit run.
    pub digits: u8,
    key: &'k str,
}

impl<'k> Tok<'k> {
    /// The lower-cased ASCII form of a word or punctuation ("" when too long or not ASCII).
    pub fn key(&self) -> &'k str {
        self.key
    }

    /// Whether this is the word `w` (lower-case).
    pub fn is(&self, w: &str) -> bool {
        self.kind != Kind::Number && self.key == w
    }

    /// Whether this is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.num == u64::from(u32::from(c))
    }

    /// Whether this token directly follows the previous one (no space).
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

/// Scans the text of `lowered` into tokens.
pub(crate) fn scan<'k>(lowered: &'k Lowered<'_>) -> Vec<Tok<'k>> {
    let text = lowered.text;
    let lower = lowered.lower.as_str();
    let mut out = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut space = true;
    let mut line = true;
    let mut start = 0;
    // Bytes, not `char_indices`: ASCII (nearly all of an English article) is classified
    // without decoding; other characters are decoded where they start.
    while let Some(c) = char_at(text, start) {
        if c.is_whitespace() {
            space = true;
            line |= c == '\n';
            start += c.len_utf8();
            continue;
        }
        let mut tok = Tok {
            start,
            end: start + c.len_utf8(),
            kind: Kind::Punct,
            space_before: space,
            line_before: line,
            capital: c.is_uppercase(),
            num: 0,
            digits: 0,
            key: "",
        };
        space = false;
        line = false;
        if c.is_ascii_digit() {
            tok.kind = Kind::Number;
            let mut value = u64::from(c as u8 - b'0');
            let mut digits = 1u8;
            while let Some(d) = bytes.get(tok.end).filter(|d| d.is_ascii_digit()) {
                value = value.saturating_mul(10).saturating_add(u64::from(d - b'0'));
                digits = digits.saturating_add(1);
                tok.end += 1;
            }
            tok.num = value;
            tok.digits = digits;
            tok.key = key(lower, start, tok.end);
        } else if c.is_alphabetic() {
            tok.kind = Kind::Word;
            while let Some(d) = char_at(text, tok.end).filter(|d| d.is_alphabetic()) {
                tok.end += d.len_utf8();
            }
            tok.key = key(lower, start, tok.end);
        } else {
            // Typographic apostrophes and dashes read as their ASCII forms.
            let c = match c {
                '’' | '‘' | '`' => '\'',
                '–' | '—' | '‑' | '−' => '-',
                other => other,
            };
            tok.num = u64::from(u32::from(c));
            tok.key = match c {
                '\'' => "'",
                '-' => "-",
                // one ASCII byte, the same in the lower-cased copy
                _ if c.is_ascii() => lower.get(start..tok.end).unwrap_or(""),
                _ => "",
            };
        }
        start = tok.end;
        out.push(tok);
    }
    out
}

/// The key of the word or digit run at `start..end`: its lower-cased copy, or "" when it
/// is too long or not ASCII.
fn key(lower: &str, start: usize, end: usize) -> &str {
    match lower.get(start..end) {
        Some(k) if k.len() <= KEY_LEN && k.is_ascii() => k,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_punctuation() {
        let text = "Late on Monday, 3:07 p.m. — Russia’s 27th";
        let lowered = Lowered::new(text);
        let toks = scan(&lowered);
        let keys: Vec<&str> = toks.iter().map(Tok::key).collect();
        assert_eq!(
            keys,
            [
                "late", "on", "monday", ",", "3", ":", "07", "p", ".", "m", ".", "-", "russia",
                "'", "s", "27", "th"
            ]
        );
        assert!(toks[0].capital && !toks[1].capital);
        assert!(toks[3].glued() && !toks[2].glued());
        assert_eq!(toks[6].num, 7);
        assert_eq!(toks[6].digits, 2);
        assert!(toks[13].is_punct('\''));
        assert_eq!(&text[toks[12].start..toks[12].end], "Russia");
    }

    #[test]
    fn non_ascii_letters_spaces_and_marks() {
        // letters outside ASCII continue a word; a no-break space and U+0085 separate;
        // a word longer than the key limit or with accents has no key
        let text = "Zürich\u{a0}ÉTÉ\u{85}abc12 «x» incomprehensible-long 123456789012345678";
        let lowered = Lowered::new(text);
        let toks = scan(&lowered);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Zürich",
                "ÉTÉ",
                "abc",
                "12",
                "«",
                "x",
                "»",
                "incomprehensible",
                "-",
                "long",
                "123456789012345678"
            ]
        );
        let keys: Vec<&str> = toks.iter().map(Tok::key).collect();
        assert_eq!(
            keys,
            ["", "", "abc", "12", "", "x", "", "", "-", "long", ""]
        );
        assert!(toks[0].capital && toks[1].capital && toks[1].space_before);
        assert!(toks[2].space_before && toks[3].glued() && toks[3].kind == Kind::Number);
        assert_eq!(toks[10].digits, 18);
        assert_eq!(toks[10].num, 123_456_789_012_345_678);
    }
}
