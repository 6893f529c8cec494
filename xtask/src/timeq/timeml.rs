//! TimeML reading as `../shared/eval/timex_eval.py` does it: the text is the `<TEXT>`
//! element's content with tags removed and entities decoded; gold TIMEX3 spans are code-point
//! offsets into it; the creation-time TIMEX3 gives the reference date and is not a mention.

use anyhow::{Context, Result, bail};

/// One gold TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One TimeML document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text the offsets point into.
    pub text: String,
    /// The creation date, `YYYY-MM-DD`.
    pub dct: Option<String>,
    /// Gold mentions, in order.
    pub timexes: Vec<Timex>,
}

/// An element being read: name, start offset (code points), attributes.
type OpenTag = (String, usize, Vec<(String, String)>);

/// Parses a TimeML document.
pub fn parse(src: &str) -> Result<Document> {
    let dct = creation_time(src);
    let body = match (src.find("<TEXT>"), src.rfind("</TEXT>")) {
        (Some(a), Some(b)) if a + 6 <= b => &src[a + 6..b],
        _ => src,
    };
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut open: Vec<OpenTag> = Vec::new();
    let mut timexes = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_decoded(&mut text, rest)?;
            break;
        };
        chars += push_decoded(&mut text, &rest[..lt])?;
        let gt = rest[lt..]
            .find('>')
            .map(|g| lt + g)
            .context("unterminated tag in TimeML")?;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if let Some(pos) = open.iter().rposition(|(n, _, _)| n == name) {
                let (n, start, attrs) = open.remove(pos);
                let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
                if n == "TIMEX3" && get("functionInDocument").as_deref() != Some("CREATION_TIME") {
                    timexes.push(Timex {
                        start,
                        end: chars,
                        kind: get("type").unwrap_or_default(),
                        value: get("value").unwrap_or_default(),
                    });
                }
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        if !self_closing {
            open.push((
                tag[..name_end].to_string(),
                chars,
                attributes(&tag[name_end..]),
            ));
        }
    }
    timexes.sort_by_key(|t| (t.start, t.end));
    Ok(Document { text, dct, timexes })
}

/// The creation-time TIMEX3's value, cut to `YYYY-MM-DD`.
fn creation_time(src: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = src[from..].find("<TIMEX3") {
        let start = from + i;
        let end = start + src[start..].find('>')?;
        let attrs = attributes(&src[start + 7..end]);
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
        if get("functionInDocument").as_deref() == Some("CREATION_TIME") {
            return get("value").map(|v| v.chars().take(10).collect());
        }
        from = end;
    }
    None
}

/// `name="value"` pairs of a tag.
fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(q) else {
            break;
        };
        let mut value = String::new();
        if push_decoded(&mut value, &after[1..1 + close]).is_err() {
            value = after[1..1 + close].to_string();
        }
        out.push((name, value));
        rest = &after[close + 2..];
    }
    out
}

/// Appends `s` with XML entities decoded; returns the code points appended.
fn push_decoded(out: &mut String, s: &str) -> Result<usize> {
    let mut n = 0;
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        n += rest[..amp].chars().count();
        let semi = rest[amp..]
            .find(';')
            .map(|x| amp + x)
            .context("unterminated entity")?;
        let name = &rest[amp + 1..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(h) = name.strip_prefix("#x") {
                    u32::from_str_radix(h, 16).ok()
                } else if let Some(d) = name.strip_prefix('#') {
                    d.parse().ok()
                } else {
                    None
                };
                match code.and_then(char::from_u32) {
                    Some(c) => c,
                    None => bail!("unknown entity &{name};"),
                }
            }
        };
        out.push(c);
        n += 1;
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    n += rest.chars().count();
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_offsets_and_creation_time() {
        let src = r#"<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22T10:00" functionInDocument="CREATION_TIME">March 22</TIMEX3></DCT>
<TEXT>Sales &amp; profit <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3>.</TEXT></TimeML>"#;
        let d = parse(src).unwrap();
        assert_eq!(d.text, "Sales & profit fell Friday.");
        assert_eq!(d.dct.as_deref(), Some("2013-03-22"));
        assert_eq!(d.timexes.len(), 1);
        let t = &d.timexes[0];
        assert_eq!(&d.text[t.start..t.end], "Friday");
        assert_eq!(t.value, "2013-03-22");
    }
}
