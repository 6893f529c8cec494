//! The one JSON serialisation of an [`Article`] that every surface (CLI, server, archive)
//! emits, so that their outputs are byte-identical.

use std::borrow::Cow;

use crate::model::Article;

/// Pretty-printed JSON, as `gleaner extract --format json` prints it.
pub fn to_pretty(article: &Article) -> String {
    let json = serde_json::to_string_pretty(article).unwrap_or_default();
    escape_line_separators(&json).into_owned()
}

/// One-line JSON, as `--format jsonl` prints it (no trailing newline).
pub fn to_line(article: &Article) -> String {
    let json = serde_json::to_string(article).unwrap_or_default();
    escape_line_separators(&json).into_owned()
}

/// JSON allows U+2028, U+2029 and U+0085 raw inside strings, but line-oriented readers
/// (Python's `str.splitlines`, JavaScript before ES2019) break lines on them; escaping keeps
/// one article per line for every reader.
fn escape_line_separators(json: &str) -> Cow<'_, str> {
    if !json.contains(['\u{2028}', '\u{2029}', '\u{85}']) {
        return Cow::Borrowed(json);
    }
    Cow::Owned(
        json.replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
            .replace('\u{85}', "\\u0085"),
    )
}

#[cfg(test)]
mod tests {
    use super::escape_line_separators;

    #[test]
    fn line_separators_are_escaped() {
        let json = serde_json::to_string("a\u{2028}b\u{85}c").unwrap_or_default();
        let escaped = escape_line_separators(&json);
        assert_eq!(escaped, r#""a\u2028b\u0085c""#);
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, "a\u{2028}b\u{85}c");
    }
}
