//! Stage 1, decode: bytes in any encoding → Unicode text, and plain text vs HTML.
//!
//! Owns charset detection (BOM, declared charset, `<meta charset>`, UTF-8 validity, statistical
//! detection with chardetng) and refusing binary data. It never panics on any byte sequence:
//! invalid sequences become U+FFFD. It knows nothing of article structure.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::Error;

/// The decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// WHATWG name of the encoding used.
    pub encoding: &'static str,
    /// How the encoding was chosen: `bom`, `declared`, `meta`, `utf-8`, `utf-16`, `detected`.
    pub encoding_from: &'static str,
}

/// How many bytes of an HTML document are searched for a `<meta charset>` declaration.
const META_PRESCAN_BYTES: usize = 4096;

/// Decodes `bytes`. `declared` is a charset label from outside the bytes (an HTTP
/// `Content-Type`), `html` says whether to look for `<meta charset>` declarations.
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool) -> Result<Decoded, Error> {
    if let Some(what) = binary_signature(bytes) {
        return Err(Error::NotText { what: what.into() });
    }
    let (encoding, from, body): (&'static Encoding, &'static str, &[u8]) =
        if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
            (enc, "bom", &bytes[bom_len..])
        } else if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
            (enc, "declared", bytes)
        } else if let Some(enc) = html.then(|| meta_charset(bytes)).flatten() {
            (enc, "meta", bytes)
        } else if let Some(enc) = utf16_without_bom(bytes) {
            (enc, "utf-16", bytes)
        } else if std::str::from_utf8(bytes).is_ok() {
            (UTF_8, "utf-8", bytes)
        } else {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (
                detector.guess(None, chardetng::Utf8Detection::Allow),
                "detected",
                bytes,
            )
        };
    // A page that declares UTF-16 in a meta tag but is ASCII-compatible is mislabelled; the
    // HTML standard says to read it as UTF-8.
    let encoding = if from == "meta" && (encoding == UTF_16LE || encoding == UTF_16BE) {
        UTF_8
    } else {
        encoding
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    if let Some(share) = control_share(&text) {
        return Err(Error::NotText {
            what: format!("binary data ({share}% control characters)"),
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        encoding_from: from,
    })
}

/// Names well-known binary formats by their magic bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x7fELF", "an executable (ELF)"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"BZh", "bzip2-compressed data (decompress it first)"),
        (b"\xfd7zXZ\0", "xz-compressed data (decompress it first)"),
        (
            b"\x28\xb5\x2f\xfd",
            "zstd-compressed data (decompress it first)",
        ),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Percentage of control characters in a prefix of `text`, when it is high enough to call
/// the input binary. Tabs, newlines and form feeds are text; everything else below U+0020,
/// DEL, C1 controls and U+FFFD replacement characters count.
fn control_share(text: &str) -> Option<u32> {
    const SAMPLE_CHARS: usize = 65_536;
    const LIMIT_PERCENT: usize = 10;
    // Counted on the UTF-8 bytes, not decoded characters (every input passes here): the
    // three kinds have fixed encodings (C0 and DEL one byte, C1 `C2 80`–`C2 9F`, U+FFFD
    // `EF BF BD`), and simple byte counts compile to vector code.
    let (sample, total) = char_prefix(text, SAMPLE_CHARS);
    let bytes = sample.as_bytes();
    let c0: usize = bytes
        .iter()
        .map(|&b| {
            usize::from((b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        })
        .sum();
    let wide = memchr::memchr2_iter(0xc2, 0xef, bytes)
        .filter(|&i| match bytes[i] {
            0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            _ => bytes.get(i + 1..i + 3) == Some(&[0xbf, 0xbd][..]),
        })
        .count();
    let control = c0 + wide;
    // Tiny inputs are judged too: a handful of random bytes should not become an "article".
    let percent = control.checked_mul(100)?.checked_div(total)?;
    (percent >= LIMIT_PERCENT).then_some(percent as u32)
}

/// The first `n` characters of `text` (all of it when shorter) and how many they are, found by
/// counting characters in byte chunks rather than decoding each one.
fn char_prefix(text: &str, n: usize) -> (&str, usize) {
    let mut end = 0;
    let mut wanted = n;
    while wanted > 0 && end < text.len() {
        // `wanted` more characters take at least `wanted` bytes.
        let mut chunk_end = (end + wanted).min(text.len());
        while !text.is_char_boundary(chunk_end) {
            chunk_end += 1;
        }
        wanted -= text[end..chunk_end].chars().count();
        end = chunk_end;
    }
    (&text[..end], n - wanted)
}

/// Finds a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">`
/// declaration in the first bytes of an HTML document.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = tag_end;
    }
    None
}

/// Recognises BOM-less UTF-16 by the zero bytes that ASCII characters leave in every other
/// position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

/// Whether decoded text looks like HTML rather than plain text.
///
/// Looks for a doctype or one of the structural tags near the start, so a plain-text article
/// that mentions `<b>` in passing stays text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = head.trim_start();
    if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        return true;
    }
    const TAGS: &[&str] = &[
        "<html", "<head", "<body", "<meta ", "<title>", "<div", "<article", "<p>", "<p ",
    ];
    let hits = TAGS.iter().filter(|t| head.contains(*t)).count();
    hits >= 2 || (trimmed.starts_with('<') && hits >= 1)
}

/// Removes what readers never see, without changing visible text: CRLF and lone CR become LF;
/// NBSP and other fixed-width spaces, tabs and runs of spaces become one space; zero-width
/// spaces, word joiners, soft hyphens, BOMs and control characters are dropped; trailing
/// spaces on a line are trimmed. Smart quotes, dashes, ZWJ/ZWNJ (which shape some scripts
/// and emoji) are kept.
pub fn normalize_invisible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut at = 0usize;
    while at < bytes.len() {
        // Visible ASCII (most of any text) is copied a run at a time; everything else is
        // looked at one character at a time.
        let run = bytes[at..]
            .iter()
            .take_while(|b| (0x21..=0x7e).contains(*b))
            .count();
        if run > 0 {
            push_visible(&mut out, &mut pending_space, &text[at..at + run]);
            at += run;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c == '\r' && bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        push_normalized(&mut out, &mut pending_space, c);
    }
    out
}

/// What [`normalize_invisible`] does with one character (a CR is one line break; the caller
/// skips the LF of a CRLF).
fn push_normalized(out: &mut String, pending_space: &mut bool, c: char) {
    match c {
        '\r' | '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\x0b' | '\x0c' => {
            push_newline(out, pending_space)
        }
        ' '
        | '\t'
        | '\u{a0}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}'
        | '\u{1680}' => *pending_space = true,
        c if is_unseen(c) => {}
        c => push_visible(out, pending_space, c.encode_utf8(&mut [0u8; 4])),
    }
}

/// Appends visible text, after the one space pending before it (none at a line's start).
fn push_visible(out: &mut String, pending_space: &mut bool, visible: &str) {
    if *pending_space && !out.is_empty() && !out.ends_with('\n') {
        out.push(' ');
    }
    *pending_space = false;
    out.push_str(visible);
}

/// Characters [`normalize_invisible`] drops: zero-width spaces, word joiners, soft hyphens,
/// BOMs and control characters (whitespace is looked at before this).
fn is_unseen(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{180e}'
    ) || c.is_control()
}

/// The words of `text` as [`normalize_invisible`] leaves them, joined by single spaces (line
/// breaks too): a block of a page as one line, in one pass and one allocation.
pub fn visible_words(text: &str) -> String {
    // Allocated at the first word: many of a page's blocks are only whitespace.
    let mut out = String::new();
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut at = 0usize;
    while at < bytes.len() {
        if matches!(bytes[at], b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ') {
            pending_space = true;
            at += 1;
            continue;
        }
        // Visible ASCII is copied a run at a time (every block of every page passes here).
        let run = bytes[at..]
            .iter()
            .take_while(|b| (0x21..=0x7e).contains(*b))
            .count();
        let word = if run > 0 {
            at += run;
            &text[at - run..at]
        } else {
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            at += len;
            if c.is_whitespace() {
                pending_space = true;
                continue;
            }
            if is_unseen(c) {
                continue;
            }
            &text[at - len..at]
        };
        if out.is_empty() {
            out.reserve(bytes.len() + word.len() - at);
        } else if pending_space {
            out.push(' ');
        }
        pending_space = false;
        out.push_str(word);
    }
    out
}

fn push_newline(out: &mut String, pending_space: &mut bool) {
    *pending_space = false;
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalize_invisible`] one character at a time, without its ASCII runs.
    fn normalize_invisible_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            push_normalized(&mut out, &mut pending_space, c);
        }
        out
    }

    /// [`visible_words`] one character at a time, without its ASCII runs.
    fn visible_words_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                pending_space = true;
            } else if !is_unseen(c) {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn visible_words_copies_ascii_runs_as_characters_would(
            text in proptest::prop_oneof![
                "[ a-zA-Z.,\r\n\t\u{b}\u{a0}\u{200b}\u{2028}\u{85}\u{ad}é’\x00-\x1f\x7f]{0,80}",
                proptest::prelude::any::<String>(),
            ]
        ) {
            proptest::prop_assert_eq!(visible_words(&text), visible_words_by_chars(&text));
        }

        #[test]
        fn normalize_invisible_copies_ascii_runs_as_characters_would(
            text in proptest::prop_oneof![
                "[ a-zA-Z.,\r\n\t\u{a0}\u{200b}\u{2028}\u{85}\u{ad}é’\x00-\x1f]{0,80}",
                proptest::prelude::any::<String>(),
            ]
        ) {
            proptest::prop_assert_eq!(normalize_invisible(&text), normalize_invisible_by_chars(&text));
        }

        #[test]
        fn control_share_counts_as_characters_would(text in proptest::prelude::any::<String>()) {
            // The definition, one decoded character at a time.
            let chars = text.chars().take(65_536);
            let total = chars.clone().count();
            let control = chars
                .filter(|&c| {
                    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
                        || c == char::REPLACEMENT_CHARACTER
                })
                .count();
            let expected = (control * 100).checked_div(total).filter(|p| *p >= 10);
            proptest::prop_assert_eq!(control_share(&text), expected.map(|p| p as u32));
        }

        #[test]
        fn visible_words_are_the_normalised_text_joined(
            text in proptest::prop_oneof![
                "([a-z]|[ \t\r\n\u{a0}\u{200b}\u{ad}\u{feff}\u{2028}\u{3000}\u{85}\x0b\x01]|\\PC){0,40}",
                proptest::prelude::any::<String>(),
            ]
        ) {
            let joined = normalize_invisible(&text).split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(visible_words(&text), joined);
        }
    }

    #[test]
    fn utf8_passes_through() {
        let d = decode("Zelenskyy’s “offer”".as_bytes(), None, false).unwrap();
        assert_eq!(d.text, "Zelenskyy’s “offer”");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn bom_is_stripped_and_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(b"Hello");
        let d = decode(&bytes, Some("windows-1252"), false).unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.encoding_from, "bom");
    }

    #[test]
    fn utf16le_with_and_without_bom() {
        let text = "Kyiv: “talks” go on — 60km away.";
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, None, false).unwrap().text, text);
        let no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&no_bom, None, false).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn meta_charset_is_honoured() {
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>\x93caf\xe9\x94 \x80</body></html>";
        let d = decode(html, None, true).unwrap();
        assert!(d.text.contains("“café” €"), "{}", d.text);
        assert_eq!(d.encoding_from, "meta");
    }

    #[test]
    fn undeclared_latin1_is_detected() {
        let bytes = b"Jos\xe9 M\xfcller said the caf\xe9 in Z\xfcrich would open on Monday, \x93as planned\x94.";
        let d = decode(bytes, None, false).unwrap();
        assert!(d.text.contains("José Müller"), "{}", d.text);
        assert!(d.text.contains("“as planned”"), "{}", d.text);
    }

    #[test]
    fn control_characters_are_counted_by_kind() {
        assert_eq!(control_share("\u{fffd}\u{85}\x01a"), Some(75));
        assert_eq!(control_share("\u{7f}\u{9f}\u{a0}\u{fffc}"), Some(50));
        assert_eq!(control_share("\t\n\r\x0c text"), None);
        assert_eq!(control_share(""), None);
        assert_eq!(char_prefix("aé€😀b", 4), ("aé€😀", 4));
        assert_eq!(char_prefix("aé", 5), ("aé", 2));
        assert_eq!(char_prefix("abc", 0), ("", 0));
    }

    #[test]
    fn binary_is_refused_with_a_name() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0", None, false).unwrap_err();
        assert_eq!(err.to_string(), "input is not text: a PNG image");
        let garbage: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(
            decode(&garbage, None, false),
            Err(Error::NotText { .. })
        ));
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("  <div class=a><p>Hello</p></div>"));
        assert!(!looks_like_html(
            "Headline\n\nThe tag <b> is bold in HTML, she said."
        ));
    }

    #[test]
    fn invisible_characters_are_normalised() {
        let s = "A\u{a0}b  c\t d\r\nnext\u{200b}line \r\u{feff}x\u{ad}y “q” — z";
        assert_eq!(normalize_invisible(s), "A b c d\nnextline\nxy “q” — z");
        assert_eq!(visible_words(s), "A b c d nextline xy “q” — z");
    }
}
