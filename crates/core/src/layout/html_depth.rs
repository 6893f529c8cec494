//! Caps the nesting depth of HTML before it is parsed.
//!
//! html5ever's tree builder scans the stack of open elements for many tags, so a page of
//! 100k nested `<div>`s costs quadratic time. Real pages stay far below [`MAX_DEPTH`]; tags
//! that would open deeper are dropped (their text is kept), with their closing tags.

use std::borrow::Cow;

/// Deepest element nesting kept. Readability's cleaning passes cost time quadratic in depth
/// (400 nested `<div>`s took 0.6 s); the deepest of 892 AEB and WCXB pages nests 123.
pub const MAX_DEPTH: usize = 200;

/// Elements that never have content, so never deepen the tree.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "!doctype",
];

/// Where the end tag `</name` (any case) starts at or after `from`, else the end of `bytes`.
/// Searched in place: lower-casing the rest for each raw-text element made many `<script>`s
/// quadratic.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return at;
        }
        i = at + 1;
    }
    bytes.len()
}

/// `html` with tags beyond [`MAX_DEPTH`] removed; borrowed when nothing was too deep.
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        let Some(close) = tag_end(bytes, start) else {
            break;
        };
        let tag = &html[start + 1..close];
        let closing = tag.starts_with('/');
        // The tag's name as written (compared without case; no copy per tag).
        let name = tag.trim_start_matches('/').as_bytes();
        let name = &name[..name
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count()];
        let is = |known: &str| name.eq_ignore_ascii_case(known.as_bytes());
        i = close + 1;
        if name.is_empty() || VOID.iter().any(|v| is(v)) || tag.ends_with('/') {
            continue;
        }
        if !closing
            && ["script", "style", "textarea", "title"]
                .iter()
                .any(|r| is(r))
        {
            // Raw text: skip to the matching end tag.
            i = find_end_tag(bytes, i, name);
            continue;
        }
        if closing {
            if excess > 0 {
                excess -= 1;
                cuts.push((start, close + 1));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            cuts.push((start, close + 1));
        } else {
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in cuts {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// Index of the `>` that ends the tag opening at `start`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let at = i + find_any3(b'>', b'"', b'\'', bytes.get(i..)?)?;
        let quote = bytes[at];
        if quote == b'>' {
            return Some(at);
        }
        i = at + 1 + memchr(quote, &bytes[at + 1..])? + 1;
    }
}

/// Eight bytes at a time: pages are hundreds of kilobytes and this scan runs over all of
/// them, so it looks at a word per step and at single bytes only in the word that matches.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Whether any byte of `word` is zero (exact: no false positives for the word as a whole).
fn has_zero_byte(word: u64) -> bool {
    word.wrapping_sub(ONES) & !word & HIGHS != 0
}

/// The word of eight bytes at `at`, if there are eight bytes left.
fn word_at(haystack: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = haystack.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_ne_bytes(chunk))
}

/// Index of the first `needle` in `haystack`.
fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    find_first([needle], haystack)
}

/// Index of the first of three bytes in `haystack`.
fn find_any3(a: u8, b: u8, c: u8, haystack: &[u8]) -> Option<usize> {
    find_first([a, b, c], haystack)
}

/// Index of the first byte of `haystack` that is one of `needles`, a word at a time.
fn find_first<const N: usize>(needles: [u8; N], haystack: &[u8]) -> Option<usize> {
    let patterns = needles.map(|n| ONES * u64::from(n));
    let mut at = 0;
    while let Some(word) = word_at(haystack, at) {
        if patterns.iter().any(|p| has_zero_byte(word ^ p)) {
            break;
        }
        at += 8;
    }
    haystack[at..]
        .iter()
        .position(|x| needles.contains(x))
        .map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<html><body><div><p>Hi <b>there</b></p><br><img src=x></div></body></html>";
        assert!(matches!(limit_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_with_their_closers() {
        let n = MAX_DEPTH + 10;
        let html = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
        let out = limit_nesting(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("text"));
    }

    #[test]
    fn scripts_and_comments_are_skipped() {
        let html = format!(
            "<script>var s = '{}';</script><!-- <div><div> -->ok",
            "<div>".repeat(MAX_DEPTH + 5)
        );
        assert!(matches!(limit_nesting(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_ends_at_its_end_tag_in_any_case() {
        let deep = "<div>".repeat(MAX_DEPTH + 5);
        let html = format!("<SCRIPT>'{deep}'</Script>ok");
        assert!(matches!(limit_nesting(&html), Cow::Borrowed(_)));
        // The end tag is found, so what follows it counts again.
        let html = format!("<style>x</STYLE>{deep}");
        assert!(matches!(limit_nesting(&html), Cow::Owned(_)));
        assert_eq!(find_end_tag(b"<b>a</scrip", 0, b"script"), 11);
    }

    #[test]
    fn word_scans_agree_with_byte_scans() {
        let text = b"0123456789abcdef<x a='>' b=\"'\">tail\xff\x80<";
        for from in 0..text.len() {
            let hay = &text[from..];
            for needle in [b'<', b'>', b'\'', b'"', b'z', 0x80] {
                assert_eq!(memchr(needle, hay), hay.iter().position(|&b| b == needle));
            }
            assert_eq!(
                find_any3(b'>', b'"', b'\'', hay),
                hay.iter().position(|&b| matches!(b, b'>' | b'"' | b'\''))
            );
        }
        assert_eq!(tag_end(b"<a href='x>y' b=\"1\">z", 0), Some(19));
        assert_eq!(tag_end(b"<a href='x>", 0), None);
        assert_eq!(tag_end(b"<", 0), None);
    }
}
