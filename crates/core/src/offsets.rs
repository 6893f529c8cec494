//! Byte offsets ↔ code-point offsets.
//!
//! Stages work on UTF-8 byte offsets (what Rust slices take); the output contract speaks code
//! points. [`CharIndex`] converts in O(log n) after one O(n) pass, so a stage never recounts
//! characters from the start of the text.

/// Maps byte offsets of one string to code-point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Every non-ASCII character: byte offset, code-point offset, byte length. Between two
    /// entries, bytes and code points advance together.
    wide: Vec<(usize, usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut chars = 0;
        for (byte, c) in text.char_indices() {
            if !c.is_ascii() {
                wide.push((byte, chars, c.len_utf8()));
            }
            chars += 1;
        }
        Self {
            wide,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// Code-point offset of byte offset `byte` (a byte inside a character maps to that
    /// character's start; past the end maps to the end).
    pub fn to_char(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        match i.checked_sub(1).map(|j| self.wide[j]) {
            None => byte,
            Some((wb, wc, wl)) if byte < wb + wl => wc,
            Some((wb, wc, wl)) => wc + 1 + (byte - wb - wl),
        }
    }

    /// Number of code points in the indexed text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

/// Byte offset of code-point offset `char_offset` in `text` (clamped to the end).
pub fn char_to_byte(text: &str, char_offset: usize) -> usize {
    // Every byte but a UTF-8 continuation starts a character: count bytes, decode nothing.
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| (b as i8) >= -64)
        .nth(char_offset)
        .map_or(text.len(), |(i, _)| i)
}

/// The character starting at byte `i` of `text` (a character boundary), read without
/// decoding when it is ASCII; `None` at the end.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_every_boundary() {
        let text = "a’b “ü” 60km — 😀x";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.to_char(byte), chars, "byte {byte}");
        }
        assert_eq!(index.to_char(text.len()), text.chars().count());
        assert_eq!(index.len_chars(), text.chars().count());
    }

    #[test]
    fn ascii_only() {
        let index = CharIndex::new("hello");
        assert_eq!(index.to_char(3), 3);
        assert_eq!(index.to_char(5), 5);
    }
}
