//! Datelines that open a story: `Kyiv:`, `KYIV, Ukraine (AP) —`, `LONDON (Reuters) -`,
//! `WASHINGTON —`, `SAN FRANCISCO, March 5, 2024 /PRNewswire/ --`.

use super::byline::{agency_name, title_case};
use crate::calendar;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineParts {
    /// The dateline as printed, separator included (`LONDON (Reuters) -`).
    pub text: String,
    /// Byte length of the dateline plus the spaces after it in the paragraph.
    pub consumed: usize,
    /// The place, title-cased when printed in capitals.
    pub place: String,
    /// Region or country after the place.
    pub region: Option<String>,
    /// Agency named in the dateline.
    pub agency: Option<String>,
    /// Date printed in the dateline, as ISO 8601, when it has a year.
    pub date: Option<String>,
}

/// How far into a paragraph a dateline's separator may be.
const MAX_DATELINE_BYTES: usize = 120;

/// Finds a dateline at the start of `paragraph`.
pub fn parse_dateline(paragraph: &str) -> Option<DatelineParts> {
    let window_end = floor_char_boundary(paragraph, MAX_DATELINE_BYTES);
    let window = &paragraph[..window_end];
    for (pos, sep) in separators(window) {
        let prefix = paragraph[..pos].trim_end();
        let after = &paragraph[pos + sep.len()..];
        let rest = after.trim_start();
        // The story must go on after the dateline.
        if rest
            .chars()
            .next()
            .is_none_or(|c| !(c.is_uppercase() || c.is_ascii_digit() || "“\"‘'(".contains(c)))
        {
            continue;
        }
        // "Kyiv: Russia's …" opens a story; "Hitzewelle: Berliner Bäder …" is a headline.
        if sep.trim() == ":" && !is_all_caps(prefix) && rest.split_whitespace().count() < 8 {
            continue;
        }
        if let Some(mut parts) = parse_prefix(prefix, sep) {
            parts.text = paragraph[..pos + sep.len()].trim().to_string();
            parts.consumed = paragraph.len() - rest.len();
            return Some(parts);
        }
    }
    None
}

/// Candidate separators in `window`, in order of position.
fn separators(window: &str) -> Vec<(usize, &'static str)> {
    const SEPS: &[&str] = &[" — ", " – ", " -- ", " - ", "—", "–", ": ", " —", " –"];
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for sep in SEPS {
        let mut from = 0;
        while let Some(i) = window[from..].find(sep) {
            let at = from + i;
            if !found.iter().any(|(p, _)| *p <= at && at < *p + 3) {
                found.push((at, sep));
            }
            from = at + sep.len();
        }
    }
    found.sort_by_key(|(p, s)| (*p, std::cmp::Reverse(s.len())));
    found
}

fn parse_prefix(prefix: &str, sep: &str) -> Option<DatelineParts> {
    let mut rest = prefix.trim();
    let mut agency = None;
    // Trailing "(Reuters)" or "/PRNewswire/".
    if let Some(inner) = rest
        .strip_suffix(')')
        .and_then(|r| r.rfind('(').map(|i| (i, r)))
    {
        let (open, r) = inner;
        let name = &r[open + 1..];
        if name.split_whitespace().count() <= 4 && !name.is_empty() {
            agency = Some(agency_name(name).unwrap_or_else(|| name.to_string()));
            rest = r[..open].trim_end();
        }
    } else if let Some(r) = rest.strip_suffix('/')
        && let Some(open) = r.rfind('/')
    {
        let name = &r[open + 1..];
        if name.split_whitespace().count() <= 3 && !name.is_empty() {
            agency = Some(agency_name(name).unwrap_or_else(|| name.to_string()));
            rest = r[..open].trim_end();
        }
    }
    let mut parts = rest.split(',').map(str::trim);
    let place_raw = parts.next()?;
    let place_words: Vec<&str> = place_raw.split_whitespace().collect();
    if place_words.is_empty() || place_words.len() > 4 {
        return None;
    }
    let all_caps = is_all_caps(place_raw);
    let title = place_words.iter().all(|w| is_capitalised(w));
    if !all_caps && (!title || is_stop_label(place_raw)) {
        return None;
    }
    let dash = matches!(sep.trim(), "—" | "–");
    let colon = sep.trim() == ":";
    // Capitals are a dateline's usual mark. A title-case place needs another cue: an agency,
    // a colon right after a short place ("Kyiv:"), or a region before a long dash.
    let ok = all_caps
        || agency.is_some() && title
        || colon && title && place_words.len() <= 3 && !rest.contains(',')
        || dash && title && place_words.len() <= 3 && rest.contains(',');
    if !ok {
        return None;
    }
    let mut region = None;
    let mut date_text = String::new();
    for part in parts {
        if part.is_empty() {
            return None;
        }
        if is_date_part(part) {
            date_text.push_str(part);
            date_text.push(' ');
        } else if region.is_none()
            && part.split_whitespace().count() <= 3
            && part.split_whitespace().all(is_capitalised)
        {
            region = Some(part.to_string());
        } else {
            return None;
        }
    }
    let place = if all_caps {
        title_case(place_raw)
    } else {
        place_raw.to_string()
    };
    let date = calendar::find_date(&date_text).map(|s| s.date.to_string());
    Some(DatelineParts {
        text: String::new(),
        consumed: 0,
        place,
        region,
        agency,
        date,
    })
}

fn is_date_part(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    match words.as_slice() {
        [y] => y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()),
        [m, d] => {
            calendar::month_number(m).is_some() && d.chars().all(|c| c.is_ascii_digit())
                || d.chars().all(|c| c.is_ascii_digit()) && calendar::month_number(m).is_some()
                || calendar::month_number(d).is_some() && m.chars().all(|c| c.is_ascii_digit())
        }
        [w, m, d] => {
            calendar::is_weekday_name(w)
                && calendar::month_number(m).is_some()
                && d.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        } else if !" .'’-&".contains(c) {
            return false;
        }
    }
    letters >= 2
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || ".'’-".contains(c))
}

/// Words that open a paragraph with a colon or dash without being a place.
fn is_stop_label(s: &str) -> bool {
    const STOP: &[&str] = &[
        "update",
        "updated",
        "note",
        "editor's note",
        "editor’s note",
        "warning",
        "analysis",
        "breaking",
        "exclusive",
        "watch",
        "live",
        "opinion",
        "correction",
        "clarification",
        "related",
        "photo",
        "video",
        "source",
        "sources",
        "summary",
        "background",
        "context",
        "q",
        "a",
        "question",
        "answer",
        "read more",
        "what",
        "why",
        "how",
        "who",
        "when",
        "where",
        "today",
        "here",
        "this",
        "the",
        "that",
        "there",
        "it",
        "yes",
        "no",
        "also",
        "and",
        "but",
        "so",
        "then",
        "now",
        "first",
        "second",
        "third",
        "finally",
        "meanwhile",
        "however",
        "for example",
        "in short",
        "bottom line",
        "key points",
        "highlights",
        "story highlights",
        "tl;dr",
        "disclaimer",
        "contact",
        "media contact",
        "about",
        "tags",
        "topics",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "our",
        "my",
        "his",
        "her",
        "their",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "minister",
        "officials",
        "police",
        "reporter",
        "interviewer",
        "host",
        "moderator",
        "listen",
        "advertisement",
        "nb",
        "ps",
        "p.s",
        "fact",
        "myth",
        "claim",
        "verdict",
        "rating",
        "conclusion",
    ];
    let lower = s.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    STOP.contains(&lower.as_str()) || STOP.contains(&first.trim_end_matches('.'))
}

fn floor_char_boundary(s: &str, index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    let mut i = index;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(p: &str) -> Option<(String, Option<String>, Option<String>)> {
        parse_dateline(p).map(|d| (d.place, d.region, d.agency))
    }

    #[test]
    fn wire_forms() {
        assert_eq!(
            place("Kyiv: Russia’s ferocity entered the 27th day today, with no sign of abatement."),
            Some(("Kyiv".into(), None, None))
        );
        assert_eq!(
            place("KYIV, Ukraine (AP) — Russian forces shelled the city."),
            Some(("Kyiv".into(), Some("Ukraine".into()), Some("AP".into())))
        );
        assert_eq!(
            place("LONDON (Reuters) - British inflation fell."),
            Some(("London".into(), None, Some("Reuters".into())))
        );
        assert_eq!(
            place("WASHINGTON — The Senate voted."),
            Some(("Washington".into(), None, None))
        );
        assert_eq!(
            place("NEW YORK, March 19 (Reuters) - Stocks rose."),
            Some(("New York".into(), None, Some("Reuters".into())))
        );
        let pr = parse_dateline(
            "SAN FRANCISCO, March 5, 2024 /PRNewswire/ -- Acme Corp. today announced a deal.",
        )
        .unwrap();
        assert_eq!(pr.place, "San Francisco");
        assert_eq!(pr.agency.as_deref(), Some("PR Newswire"));
        assert_eq!(pr.date.as_deref(), Some("2024-03-05"));
        assert_eq!(pr.text, "SAN FRANCISCO, March 5, 2024 /PRNewswire/ --");
    }

    #[test]
    fn consumed_covers_separator_and_space() {
        let p = "LONDON (Reuters) - British inflation fell.";
        let d = parse_dateline(p).unwrap();
        assert_eq!(&p[d.consumed..], "British inflation fell.");
        assert_eq!(d.text, "LONDON (Reuters) -");
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert_eq!(place("Update: the road has reopened."), None);
        assert_eq!(
            place("The minister said - without evidence - that it was safe."),
            None
        );
        assert_eq!(place("Mr Putin: the talks are over."), None);
        assert_eq!(place("Russia’s ferocity entered the 27th day today."), None);
        assert_eq!(
            place("Hitzewelle: Berliner Freibäder öffnen bis 22 Uhr"),
            None
        );
        assert_eq!(place("It was cold — very cold."), None);
    }
}
