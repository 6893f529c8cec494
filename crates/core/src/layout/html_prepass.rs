//! One pass over a page's bytes before it is parsed: caps the nesting depth and empties
//! scripts and style sheets.
//!
//! html5ever's tree builder scans the stack of open elements for many tags, so a page of
//! 100k nested `<div>`s costs quadratic time. Real pages stay far below [`MAX_DEPTH`]; tags
//! that would open deeper are dropped (their text is kept), with their closing tags.
//!
//! Script and style bodies are half the bytes of a news page (27% and 26% on AEB) and nothing
//! downstream reads them but JSON-LD, yet the tokenizer and tree builder copy every byte: the
//! elements are kept, their bodies dropped. JSON scripts are kept whole, and so is a script
//! holding `<!--`, where the parser's escaped states may carry it past the first `</script`.

use std::borrow::Cow;

/// Deepest element nesting kept. Readability's cleaning passes cost time quadratic in depth
/// (400 nested `<div>`s took 0.6 s); the deepest of 892 AEB and WCXB pages nests 123.
pub const MAX_DEPTH: usize = 200;

/// What the pass does with an element, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    /// Never has content, so never deepens the tree.
    Void,
    /// Raw text (the parser reads up to its end tag); `droppable` when its body is never
    /// read downstream (scripts and style sheets).
    RawText { droppable: bool },
    /// Anything else.
    Other,
}

/// The kind of element `name` (as written, any case) opens.
fn element(name: &[u8]) -> Element {
    let mut lower = [0u8; 9];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return Element::Other;
    };
    for (l, b) in lower.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"!doctype" => Element::Void,
        b"script" | b"style" => Element::RawText { droppable: true },
        b"textarea" | b"title" => Element::RawText { droppable: false },
        _ => Element::Other,
    }
}

/// Where the end tag `</name` (any case) starts at or after `from`, else the end of `bytes`.
/// Searched in place: lower-casing the rest for each raw-text element made many `<script>`s
/// quadratic.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
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

/// `html` with tags beyond [`MAX_DEPTH`] removed and script and style bodies emptied
/// (see the module's comment); borrowed when nothing was cut.
pub fn prepass(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        if bytes[start..].starts_with(b"<!--") {
            i = memchr::memmem::find(&bytes[start..], b"-->")
                .map_or(bytes.len(), |e| start + e + 3);
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
        let kind = element(name);
        i = close + 1;
        if name.is_empty() || kind == Element::Void || tag.ends_with('/') {
            continue;
        }
        if let (false, Element::RawText { droppable }) = (closing, kind) {
            // Raw text: skip to the matching end tag.
            let end = find_end_tag(bytes, i, name);
            if droppable && end > i && body_is_unread(tag, &bytes[i..end]) {
                cuts.push((i, end));
            }
            i = end;
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

/// Whether the body of a script or style sheet (opened by `tag`, without its angle
/// brackets) can be dropped: not JSON (JSON-LD is read for metadata), and no `<!--`.
fn body_is_unread(tag: &str, body: &[u8]) -> bool {
    !tag.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"json"))
        && memchr::memmem::find(body, b"<!--").is_none()
}

/// Index of the `>` that ends the tag opening at `start`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let at = i + memchr::memchr3(b'>', b'"', b'\'', bytes.get(i..)?)?;
        let quote = bytes[at];
        if quote == b'>' {
            return Some(at);
        }
        i = at + 1 + memchr::memchr(quote, &bytes[at + 1..])? + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<html><body><div><p>Hi <b>there</b></p><br><img src=x></div></body></html>";
        assert!(matches!(prepass(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_with_their_closers() {
        let n = MAX_DEPTH + 10;
        let html = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
        let out = prepass(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("text"));
    }

    #[test]
    fn scripts_and_comments_are_skipped() {
        let deep = "<div>".repeat(MAX_DEPTH + 5);
        let html = format!("<script>var s = '{deep}';</script><!-- {deep} -->ok");
        // Nothing was too deep: only the script's body is gone.
        assert_eq!(
            prepass(&html),
            format!("<script></script><!-- {deep} -->ok")
        );
    }

    #[test]
    fn raw_text_ends_at_its_end_tag_in_any_case() {
        let deep = "<div>".repeat(MAX_DEPTH + 5);
        let html = format!("<SCRIPT>'{deep}'</Script>ok");
        assert_eq!(prepass(&html), "<SCRIPT></Script>ok");
        // The end tag is found, so what follows it counts again.
        let html = format!("<style>x</STYLE>{deep}");
        let out = prepass(&html);
        assert!(out.starts_with("<style></STYLE><div>"));
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(find_end_tag(b"<b>a</scrip", 0, b"script"), 11);
    }

    #[test]
    fn json_scripts_and_escaped_scripts_are_kept_whole() {
        for html in [
            r#"<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>a</p>"#,
            r#"<SCRIPT TYPE='APPLICATION/JSON'>{"a":1}</SCRIPT>"#,
            "<script><!-- document.write('<script>x</script>'); --></script><p>a</p>",
            "<script></script><style></style><p>a</p>",
        ] {
            assert!(matches!(prepass(html), Cow::Borrowed(_)), "{html}");
        }
        assert_eq!(
            prepass(
                "<script src=a.js>f()</script><script type=\"application/ld+json\">{}</script>"
            ),
            "<script src=a.js></script><script type=\"application/ld+json\">{}</script>"
        );
    }

    #[test]
    fn emptied_bodies_leave_the_parsed_page_unchanged() {
        // The page as parsed, less what was in the emptied elements.
        let shown = |html: &str| {
            let doc = dom_query::Document::from(html);
            doc.select("script:not([type*='json']), style").remove();
            doc.html().to_string()
        };
        for html in [
            "<p>a</p><script>if (a < b && c </scripts>) { w('<p>x</p>') }</script><p>b</p>",
            "<p>a</p><script>x()</script ><p>b</p><style>p { color: red }</style><p>c</p>",
            "<script>var s = '</style>';</script><p>b</p><style>a::after { content: '</p>' }</style>",
            "<p>a</p><script>unterminated(<p>no end",
            "<svg><style>.c { fill: red }</style></svg><p>b</p>",
            "<p>a</p><script><!-- w('<script>x</script>') --></script><p>b</p>",
        ] {
            let prepared = prepass(html);
            assert_eq!(shown(&prepared), shown(html), "{html}");
        }
    }

    #[test]
    fn tags_end_at_the_first_unquoted_angle_bracket() {
        assert_eq!(tag_end(b"<a href='x>y' b=\"1\">z", 0), Some(19));
        assert_eq!(tag_end(b"<a href='x>", 0), None);
        assert_eq!(tag_end(b"<", 0), None);
    }

    #[test]
    fn elements_are_told_apart_by_name_in_any_case() {
        assert_eq!(element(b"BR"), Element::Void);
        assert_eq!(element(b"!DOCTYPE"), Element::Void);
        assert_eq!(element(b"Script"), Element::RawText { droppable: true });
        assert_eq!(element(b"title"), Element::RawText { droppable: false });
        assert_eq!(element(b"scripts"), Element::Other);
        assert_eq!(element(b"blockquote"), Element::Other);
    }
}
