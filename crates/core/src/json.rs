//! The one JSON serialisation of an [`Article`] that every surface (CLI, server, archive)
//! emits, so that their outputs are byte-identical.

use crate::model::Article;

/// Pretty-printed JSON, as `gleaner extract --format json` prints it.
pub fn to_pretty(article: &Article) -> String {
    escape_line_separators(serde_json::to_string_pretty(article).unwrap_or_default())
}

/// One-line JSON, as `--format jsonl` prints it (no trailing newline).
pub fn to_line(article: &Article) -> String {
    escape_line_separators(serde_json::to_string(article).unwrap_or_default())
}

/// JSON allows U+2028, U+2029 and U+0085 raw inside strings, but line-oriented readers
/// (Python's `str.splitlines`, JavaScript before ES2019) break lines on them; escaping keeps
/// one article per line for every reader.
fn escape_line_separators(json: String) -> String {
    if !has_line_separator(&json) {
        return json;
    }
    json.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{85}', "\\u0085")
}

/// Whether `text` holds U+2028, U+2029 or U+0085, found by their UTF-8 lead bytes (E2 80 A8,
/// E2 80 A9, C2 85) rather than by decoding every character.
fn has_line_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xC2, bytes).any(|i| match bytes[i] {
        0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)),
        _ => bytes.get(i + 1) == Some(&0x85),
    })
}

#[cfg(test)]
mod tests {
    use super::{escape_line_separators, has_line_separator};

    #[test]
    fn line_separators_are_found_by_their_bytes() {
        for c in '\0'..='\u{3000}' {
            let text = format!("“a{c}b”");
            let expected = matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
            assert_eq!(has_line_separator(&text), expected, "{c:?}");
        }
    }

    #[test]
    fn line_separators_are_escaped() {
        let json = serde_json::to_string("a\u{2028}b\u{85}c").unwrap_or_default();
        let escaped = escape_line_separators(json);
        assert_eq!(escaped, r#""a\u2028b\u0085c""#);
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, "a\u{2028}b\u{85}c");
    }
}
