//! The figures and dates stages' scanner: words, digit runs and punctuation with byte spans
//! (shared utility, not a stage; the segment stage's tokens are the output's, these are the
//! grammars' working tokens).
//!
//! One pass, one allocation (the token vector). Each word keeps an ASCII lower-case copy
//! inline so lexicon lookups never allocate.

/// Longest word kept in lower case; longer words never match the lexicon.
const KEY_LEN: usize = 15;

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

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
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
    key: [u8; KEY_LEN],
    key_len: u8,
}

impl Tok {
    /// The lower-cased ASCII form of a word or punctuation ("" when too long or not ASCII).
    pub fn key(&self) -> &str {
        std::str::from_utf8(&self.key[..usize::from(self.key_len)]).unwrap_or("")
    }

    /// Whether this is the word `w` (lower-case).
    pub fn is(&self, w: &str) -> bool {
        // Bytes, not `key()`: this is the grammars' hottest test and needs no UTF-8 check.
        self.kind != Kind::Number && self.key[..usize::from(self.key_len)] == *w.as_bytes()
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

/// Scans `text` into tokens.
pub(crate) fn scan(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut space = true;
    let mut line = true;
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            line |= c == '\n';
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
            key: [0; KEY_LEN],
            key_len: 0,
        };
        space = false;
        line = false;
        if c.is_ascii_digit() {
            tok.kind = Kind::Number;
            let mut value = u64::from(c as u8 - b'0');
            let mut digits = 1u8;
            while let Some(&(i, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                digits = digits.saturating_add(1);
                tok.end = i + 1;
                it.next();
            }
            tok.num = value;
            tok.digits = digits;
            let word = &text[start..tok.end];
            push_key(&mut tok, word);
        } else if c.is_alphabetic() {
            tok.kind = Kind::Word;
            while let Some(&(i, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                tok.end = i + d.len_utf8();
                it.next();
            }
            let word = &text[start..tok.end];
            push_key(&mut tok, word);
        } else {
            // Typographic apostrophes and dashes read as their ASCII forms.
            let c = match c {
                '’' | '‘' | '`' => '\'',
                '–' | '—' | '‑' | '−' => '-',
                other => other,
            };
            tok.num = u64::from(u32::from(c));
            if c.is_ascii() {
                tok.key[0] = c as u8;
                tok.key_len = 1;
            }
        }
        out.push(tok);
    }
    out
}

fn push_key(tok: &mut Tok, word: &str) {
    let bytes = word.as_bytes();
    if bytes.len() <= KEY_LEN && bytes.is_ascii() {
        for (k, b) in tok.key.iter_mut().zip(bytes) {
            *k = b.to_ascii_lowercase();
        }
        tok.key_len = bytes.len() as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_punctuation() {
        let text = "Late on Monday, 3:07 p.m. — Russia’s 27th";
        let toks = scan(text);
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
}
